"""Italian tokenizer exceptions: abbreviations, and words written with a final apostrophe."""

from __future__ import annotations

from ..exception_builders import (
    abbreviation_exceptions,
    apostrophe_forms,
    single_token_exceptions,
)
from ..tokenizer_exceptions import BASE_EXCEPTIONS, ExceptionTable, merge_builtin_exc

# Abbreviation -> the word(s) it stands for (its NORM).
_ABBREVIATIONS: dict[str, str] = {
    "sig.": "signor", "sigg.": "signori", "sig.ra": "signora", "sig.na": "signorina",
    "dott.": "dottore", "dott.ssa": "dottoressa", "prof.": "professore",
    "prof.ssa": "professoressa", "ing.": "ingegnere", "avv.": "avvocato", "arch.": "architetto",
    "on.": "onorevole", "geom.": "geometra", "rag.": "ragioniere", "mons.": "monsignore",
    "ecc.": "eccetera", "etc.": "eccetera", "pag.": "pagina", "pagg.": "pagine", "p.": "pagina",
    "cfr.": "confronta", "vol.": "volume", "cap.": "capitolo", "art.": "articolo",
    "n.": "numero", "nr.": "numero", "tel.": "telefono", "ca.": "circa", "es.": "esempio",
    "p.es.": "per esempio", "a.C.": "avanti Cristo", "d.C.": "dopo Cristo",
    "S.p.A.": "società per azioni", "S.r.l.": "società a responsabilità limitata",
    "c.a.": "corrente anno", "c.m.": "corrente mese", "ss.": "seguenti",
    "sec.": "secolo", "fig.": "figura", "min.": "minuto", "max.": "massimo",
    "gen.": "gennaio", "feb.": "febbraio", "apr.": "aprile", "giu.": "giugno",
    "lug.": "luglio", "ago.": "agosto", "set.": "settembre", "sett.": "settembre",
    "ott.": "ottobre", "nov.": "novembre", "dic.": "dicembre", "S.": "San", "sc.": "scilicet",
}

# Words that end in an apostrophe (a truncation, not a quote): "un po'", "mo' basta".
_APOSTROPHE_WORDS: dict[str, str] = {"po'": "poco", "mo'": "modo", "be'": "bene", "de'": "dei",
                                     "pie'": "piede", "fe'": "fece", "di'": "dici", "va'": "vai",
                                     "fa'": "fai", "sta'": "stai", "da'": "dai"}


def _apostrophe_word_forms(word: str) -> list[str]:
    return [*apostrophe_forms(word), word.capitalize()]


TOKENIZER_EXCEPTIONS: ExceptionTable = merge_builtin_exc(
    BASE_EXCEPTIONS,
    abbreviation_exceptions(_ABBREVIATIONS),
    single_token_exceptions(_APOSTROPHE_WORDS, _apostrophe_word_forms),
)
