"""Dutch tokenizer exceptions: abbreviations, and the apostrophe forms 's, 't, 'n, z'n, zo'n."""

from __future__ import annotations

from ..exception_builders import (
    abbreviation_exceptions,
    apostrophe_forms,
    single_token_exceptions,
)
from ..tokenizer_exceptions import BASE_EXCEPTIONS, ExceptionTable, merge_builtin_exc

# Abbreviation -> the word(s) it stands for (its NORM).
_ABBREVIATIONS: dict[str, str] = {
    "bijv.": "bijvoorbeeld", "bv.": "bijvoorbeeld", "b.v.": "bijvoorbeeld",
    "m.a.w.": "met andere woorden", "d.w.z.": "dat wil zeggen", "o.a.": "onder andere",
    "enz.": "enzovoort", "e.d.": "en dergelijke", "etc.": "et cetera",
    "i.p.v.": "in plaats van", "t.o.v.": "ten opzichte van", "m.b.t.": "met betrekking tot",
    "n.a.v.": "naar aanleiding van", "a.u.b.": "alstublieft", "s.v.p.": "s'il vous plaît",
    "o.b.v.": "op basis van", "m.i.": "mijns inziens", "i.v.m.": "in verband met",
    "z.g.a.n.": "zo goed als nieuw", "resp.": "respectievelijk", "ca.": "circa",
    "nr.": "nummer", "blz.": "bladzijde", "dhr.": "de heer", "mevr.": "mevrouw",
    "mr.": "meester", "dr.": "doctor", "prof.": "professor", "ir.": "ingenieur",
    "drs.": "doctorandus", "ing.": "ingenieur", "St.": "Sint", "jl.": "jongstleden",
    "vnl.": "voornamelijk", "incl.": "inclusief", "excl.": "exclusief", "evt.": "eventueel",
    "ong.": "ongeveer", "max.": "maximaal", "min.": "minimaal", "tel.": "telefoon",
    "v.Chr.": "voor Christus", "n.Chr.": "na Christus", "t/m": "tot en met",
    "N.V.": "naamloze vennootschap",
    "B.V.": "besloten vennootschap", "jan.": "januari", "feb.": "februari", "mrt.": "maart",
    "apr.": "april", "jun.": "juni", "jul.": "juli", "aug.": "augustus", "sep.": "september",
    "sept.": "september", "okt.": "oktober", "nov.": "november", "dec.": "december",
}

# Reduced forms written with an apostrophe; they stay lower-case at the start of a sentence.
_APOSTROPHE_FORMS: dict[str, str] = {
    "'s": "des", "'t": "het", "'n": "een", "'k": "ik", "'m": "hem", "'r": "haar", "'ns": "eens",
    "'ie": "hij", "z'n": "zijn", "m'n": "mijn", "d'r": "haar", "zo'n": "zo een",
    "da's": "dat is", "'s-Hertogenbosch": "'s-Hertogenbosch", "'s-Gravenhage": "'s-Gravenhage",
}


def _apostrophe_form_forms(word: str) -> list[str]:
    forms = apostrophe_forms(word)
    if word[0] != "'":
        forms += [form.capitalize() for form in forms]
    return forms


TOKENIZER_EXCEPTIONS: ExceptionTable = merge_builtin_exc(
    BASE_EXCEPTIONS,
    abbreviation_exceptions(_ABBREVIATIONS),
    single_token_exceptions(_APOSTROPHE_FORMS, _apostrophe_form_forms),
)
