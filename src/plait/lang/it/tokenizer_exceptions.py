"""Italian tokenizer exceptions: abbreviations, and words written with a final apostrophe."""

from __future__ import annotations

from ...attrs import NORM, ORTH
from ..tokenizer_exceptions import BASE_EXCEPTIONS, ExceptionTable, update_exc

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


def _build() -> ExceptionTable:
    table: ExceptionTable = {}
    for orth, norm in _ABBREVIATIONS.items():
        table[orth] = [{ORTH: orth, NORM: norm}]
        capital = orth[0].upper() + orth[1:]
        if capital not in _ABBREVIATIONS:
            table[capital] = [{ORTH: capital, NORM: norm}]
    for orth, norm in _APOSTROPHE_WORDS.items():
        for form in (orth, orth.replace("'", "’"), orth.capitalize()):
            table[form] = [{ORTH: form, NORM: norm}]
    return table


TOKENIZER_EXCEPTIONS: ExceptionTable = update_exc(BASE_EXCEPTIONS, _build())
