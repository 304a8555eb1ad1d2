"""German tokenizer exceptions: abbreviations that keep their full stop, and clitic forms."""

from __future__ import annotations

from ...attrs import NORM, ORTH
from ..exception_builders import (
    APOSTROPHES,
    abbreviation_exceptions,
    apostrophe_forms,
    single_token_exceptions,
)
from ..tokenizer_exceptions import BASE_EXCEPTIONS, ExceptionTable, merge_builtin_exc

# Abbreviation -> the word(s) it stands for (its NORM).
_ABBREVIATIONS: dict[str, str] = {
    "z.B.": "zum Beispiel", "z.b.": "zum Beispiel", "d.h.": "das heißt",
    "u.a.": "unter anderem", "u.ä.": "und Ähnliches", "o.ä.": "oder Ähnliches",
    "v.a.": "vor allem", "z.T.": "zum Teil", "u.U.": "unter Umständen",
    "i.d.R.": "in der Regel", "m.E.": "meines Erachtens", "o.g.": "oben genannt",
    "s.o.": "siehe oben", "s.u.": "siehe unten", "z.Zt.": "zur Zeit", "u.v.m.": "und vieles mehr",
    "u.s.w.": "und so weiter", "e.V.": "eingetragener Verein", "n.Chr.": "nach Christus",
    "v.Chr.": "vor Christus", "i.A.": "im Auftrag", "z.Hd.": "zu Händen",
    "usw.": "und so weiter", "bzw.": "beziehungsweise", "ca.": "circa", "vgl.": "vergleiche",
    "ggf.": "gegebenenfalls", "evtl.": "eventuell", "inkl.": "inklusive", "exkl.": "exklusive",
    "zzgl.": "zuzüglich", "bspw.": "beispielsweise", "etc.": "et cetera", "sog.": "sogenannt",
    "ehem.": "ehemalig", "allg.": "allgemein", "geb.": "geboren", "gest.": "gestorben",
    "verh.": "verheiratet", "insb.": "insbesondere", "bzgl.": "bezüglich",
    "ugs.": "umgangssprachlich",
    "Nr.": "Nummer", "Str.": "Straße", "Dr.": "Doktor", "Prof.": "Professor", "Hr.": "Herr",
    "Hrn.": "Herrn", "Fr.": "Frau", "Hrsg.": "Herausgeber", "Jh.": "Jahrhundert",
    "Jhd.": "Jahrhundert", "S.": "Seite", "Abs.": "Absatz", "Art.": "Artikel", "Bd.": "Band",
    "Kap.": "Kapitel", "Abb.": "Abbildung", "Tab.": "Tabelle", "Tel.": "Telefon",
    "Mio.": "Millionen", "Mrd.": "Milliarden", "Tsd.": "Tausend", "Std.": "Stunde",
    "Min.": "Minute", "Sek.": "Sekunde", "St.": "Sankt", "Dipl.-Ing.": "Diplomingenieur",
    "Jan.": "Januar", "Feb.": "Februar", "Febr.": "Februar", "Apr.": "April", "Jun.": "Juni",
    "Jul.": "Juli", "Aug.": "August", "Sep.": "September", "Sept.": "September",
    "Okt.": "Oktober", "Nov.": "November", "Dez.": "Dezember", "Mo.": "Montag",
    "Di.": "Dienstag", "Mi.": "Mittwoch", "Do.": "Donnerstag", "Sa.": "Samstag",
    "Co.": "Compagnie", "Ltd.": "Limited", "Inc.": "Incorporated", "Pkt.": "Punkt",
}

# Preposition + "'m" (dem) or "'n" (den, einen), as in colloquial writing: "auf'm Land".
_CLITIC_PREPOSITIONS = ["an", "auf", "aus", "bei", "durch", "für", "hinter", "in", "mit",
                        "nach", "über", "um", "unter", "von", "vor", "zu"]
_CLITIC_NORMS = {"m": "dem", "n": "den"}

# Reduced articles standing alone: "so 'ne Sache", "'n bisschen".
_REDUCED = {"'ne": "eine", "'nen": "einen", "'n": "ein", "'s": "es", "'m": "dem"}


def _clitic_contractions() -> ExceptionTable:
    table: ExceptionTable = {}
    for apostrophe in APOSTROPHES:
        for prep in _CLITIC_PREPOSITIONS:
            for letter, norm in _CLITIC_NORMS.items():
                for word in (prep, prep.capitalize()):
                    clitic = apostrophe + letter
                    table[word + clitic] = [{ORTH: word}, {ORTH: clitic, NORM: norm}]
    return table


TOKENIZER_EXCEPTIONS: ExceptionTable = merge_builtin_exc(
    BASE_EXCEPTIONS,
    abbreviation_exceptions(_ABBREVIATIONS),
    _clitic_contractions(),
    single_token_exceptions(_REDUCED, apostrophe_forms),
)
