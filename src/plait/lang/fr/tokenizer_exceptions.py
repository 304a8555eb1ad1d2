"""French tokenizer exceptions: abbreviations and hyphenated words that must stay whole."""

from __future__ import annotations

from ..exception_builders import (
    abbreviation_exceptions,
    apostrophe_forms,
    single_token_exceptions,
)
from ..tokenizer_exceptions import BASE_EXCEPTIONS, ExceptionTable, merge_builtin_exc

# Abbreviation -> the word(s) it stands for (its NORM).
_ABBREVIATIONS: dict[str, str] = {
    "M.": "monsieur", "MM.": "messieurs", "Mme.": "madame", "Mlle.": "mademoiselle",
    "Dr.": "docteur", "Pr.": "professeur", "Me.": "maître", "Mgr.": "monseigneur",
    "St.": "saint", "Ste.": "sainte", "Cie.": "compagnie", "etc.": "et cetera",
    "cf.": "confer", "p.": "page", "pp.": "pages", "ex.": "exemple", "p.ex.": "par exemple",
    "env.": "environ", "av.": "avant", "apr.": "après", "J.-C.": "Jésus-Christ",
    "c.-à-d.": "c'est-à-dire", "c-à-d.": "c'est-à-dire", "vol.": "volume",
    "chap.": "chapitre", "éd.": "édition", "art.": "article", "tél.": "téléphone",
    "fig.": "figure", "bd.": "boulevard", "boul.": "boulevard", "min.": "minimum",
    "max.": "maximum", "suiv.": "suivant", "N.B.": "nota bene", "n°": "numéro", "nº": "numéro",
    "janv.": "janvier", "févr.": "février", "avr.": "avril", "juil.": "juillet",
    "sept.": "septembre", "oct.": "octobre", "nov.": "novembre", "déc.": "décembre",
    "lun.": "lundi", "mar.": "mardi", "mer.": "mercredi", "jeu.": "jeudi", "ven.": "vendredi",
    "sam.": "samedi", "dim.": "dimanche", "hab.": "habitants", "S.A.": "société anonyme",
}

# Hyphenated words whose last part is also a clitic pronoun ("rendez-vous"), words with an
# inner apostrophe, and fixed phrases: single tokens, not verb + "-vous".
_WHOLE_WORDS = [
    "rendez-vous", "c'est-à-dire", "aujourd'hui", "quelqu'un", "quelqu'une",
    "presqu'île", "prud'homme", "prud'hommes", "entr'acte", "chef-d'œuvre", "chefs-d'œuvre",
    "main-d'œuvre", "hors-d'œuvre", "va-et-vient", "sauve-qui-peut", "m'as-tu-vu",
    "qu'en-dira-t-on", "suivez-moi-jeune-homme", "pied-à-terre",
]


def _whole_word_forms(word: str) -> list[str]:
    return apostrophe_forms(word) + apostrophe_forms(word.capitalize())


TOKENIZER_EXCEPTIONS: ExceptionTable = merge_builtin_exc(
    BASE_EXCEPTIONS,
    abbreviation_exceptions(_ABBREVIATIONS),
    single_token_exceptions(dict.fromkeys(_WHOLE_WORDS), _whole_word_forms),
)
