"""Tokenizer exceptions every language shares, the URL matcher, and `update_exc`.

An exception maps a string to the tokens it must become, each a dict of attribute ID ->
value (`{ORTH: "do", NORM: "do"}, {ORTH: "n't", NORM: "not"}`); the ORTH values must
concatenate back to the string. Languages start from `BASE_EXCEPTIONS` and add their own
with `update_exc(BASE_EXCEPTIONS, ENGLISH_EXCEPTIONS, ...)`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..attrs import NORM, ORTH
from ..errors import Errors, InputError, InputTypeError
from .char_classes import ALPHA_LOWER, split_chars

TokenSpec = dict[Any, str]
ExceptionTable = dict[str, list[TokenSpec]]

# A URL or an e-mail address, matched against a whole token after its surrounding
# punctuation is split off: optional scheme, optional user[:password]@, a host (dotted
# IPv4, "localhost" or labels ending in a lower-case top-level domain), optional port and
# path. Labels accept ASCII letters and digits, and any non-ASCII character of the BMP from
# U+00A1 so that internationalised domain names work. Both classes are spelled as the
# complement of the other code points: the same sets, but `re` compiles these few small
# ranges in well under a millisecond, where the range U+00A1-U+FFFF costs ~3 ms per use.
_LABEL_CHAR = r"[^\x00-/:-@\[-`{-\xa0\U00010000-\U0010ffff]"
_LABEL_CHAR_OR_DASH = r"[^\x00-,./:-@\[-^`{-\xa0\U00010000-\U0010ffff]"  # also "-" and "_"
URL_PATTERN = (
    r"^"
    r"(?:[\w+.-]{2,}://)?"
    r"(?:\S+(?::\S*)?@)?"
    r"(?:"
    r"(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}"
    r"\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4])"
    r"|"
    rf"(?:(?:{_LABEL_CHAR}{_LABEL_CHAR_OR_DASH}{{0,62}})?{_LABEL_CHAR}\.)+"
    rf"(?:[{ALPHA_LOWER}]{{2,63}})"
    r"|localhost"
    r")"
    r"(?::\d{2,5})?"
    r"(?:[/?#]\S*)?"
    r"$"
)
URL_MATCH = re.compile(URL_PATTERN).match

# Whitespace and characters that must stay single tokens whatever the punctuation rules.
_SINGLE = [" ", "\t", "\\t", "\n", "\\n", "\u2014", "'", '\\")', "<space>", "''", "C++"]

# A single letter and a full stop is an initial or an enumeration ("J.", "b."), kept whole.
_INITIALS = [f"{c}." for c in "abcdefghijklmnopqrstuvwxyzäöü"]

# Temperatures: "°C." keeps its degree sign and letter apart from the sentence's full stop.
_DEGREES = {f"°{u}.": [{ORTH: "°"}, {ORTH: u}, {ORTH: "."}] for u in "cfkCFK"}

EMOTICONS: frozenset[str] = frozenset(
    split_chars(
        r"""
:) :-) :)) :-)) :))) :-))) (: (-: =) (= :] :-] [: [-: :> :-> 8) 8-) :3 =3 :-3
:( :-( :(( :-(( :((( ): )-: =( )= :[ :-[ :< :-< >:( >:-( :/ :-/ =/ :\ :-\ =\ :|
:-| =| :'( :'-( :') :'-) :’( :’) ;) ;-) (; ;( ;-( ;D ;-D :D :-D =D xD XD xDD XDD 8D
:p :P :-p :-P ;p ;P :-b =P :o :O :-o :-O :0 =O >:o >:O :x :X :-x :-X :*
:-* <3 <33 <333 </3 ^_^ ^__^ ^___^ -_- -__- o_o O_O o_O O_o o.o O.O o.O O.o 0_0
0.0 v.v V.V >.< >_< ._. (^_^) (>_<) (*_*) (¬_¬) (ಠ_ಠ) ಠ_ಠ ¯\(ツ)/¯ (╯°□°）╯︵┻━┻
"""
    )
)


def _build_base() -> ExceptionTable:
    table: ExceptionTable = {}
    for orth in _SINGLE + _INITIALS + sorted(EMOTICONS):
        table[orth] = [{ORTH: orth}]
    table["\u00a0"] = [{ORTH: "\u00a0", NORM: "  "}]
    table.update(_DEGREES)
    return table


BASE_EXCEPTIONS: ExceptionTable = _build_base()


_KEYS = {ORTH: ORTH, NORM: NORM, "ORTH": ORTH, "NORM": NORM, "orth": ORTH, "norm": NORM}


def validate_exception(string: str, substrings: Any) -> list[TokenSpec]:
    """Check one exception and return it as a list of `{ORTH: ..., NORM: ...}` dicts.

    Keys may be attribute IDs or names ("ORTH", "NORM"). Raises `InputTypeError` when the
    string is not a str (E104) or the tokens are not a list of dicts (E100), and
    `InputError` when a token lacks ORTH (E101), sets another attribute (E106), has a
    non-string value (E102), or the ORTHs do not concatenate to `string` (E103).
    """
    if not isinstance(string, str):
        raise InputTypeError(Errors.E104.format(type=type(string).__name__))
    if isinstance(substrings, (str, bytes, Mapping)) or not hasattr(substrings, "__iter__"):
        raise InputTypeError(Errors.E100.format(string=string, type=type(substrings).__name__))
    tokens: list[TokenSpec] = []
    for i, token in enumerate(substrings):
        if not isinstance(token, Mapping):
            raise InputTypeError(Errors.E100.format(string=string, type=type(token).__name__))
        spec: TokenSpec = {}
        for key, value in token.items():
            attr = _KEYS.get(key)
            if attr is None:
                raise InputError(Errors.E106.format(string=string, index=i, key=key))
            if not isinstance(value, str):
                raise InputError(
                    Errors.E102.format(string=string, index=i, key=key, value=value)
                )
            spec[attr] = value
        if ORTH not in spec or not spec[ORTH]:
            raise InputError(Errors.E101.format(string=string, index=i, token=dict(token)))
        tokens.append(spec)
    if not string or "".join(t[ORTH] for t in tokens) != string:
        raise InputError(Errors.E103.format(string=string, orths=[t[ORTH] for t in tokens]))
    return tokens


def update_exc(base: Mapping[str, list[TokenSpec]], *additions: Mapping[str, list[TokenSpec]]) -> ExceptionTable:
    """Return a new table: `base` updated with each table of `additions`, all validated."""
    table: ExceptionTable = {}
    for source in (base, *additions):
        if not isinstance(source, Mapping):
            raise InputTypeError(Errors.E105.format(type=type(source).__name__))
        for string, tokens in source.items():
            table[string] = validate_exception(string, tokens)
    return table


def merge_builtin_exc(*tables: Mapping[str, list[TokenSpec]]) -> ExceptionTable:
    """Return one table of plait's own language data, later tables winning; no checks.

    For the tables that `lang/<code>/tokenizer_exceptions.py` build at import: they are
    checked once by the tests (with `update_exc`), not at every import, and a tokenizer
    still checks the rules it is given. Anything else goes through `update_exc`.
    """
    table: ExceptionTable = {}
    for source in tables:
        table.update(source)
    return table


__all__ = [
    "BASE_EXCEPTIONS",
    "EMOTICONS",
    "URL_MATCH",
    "URL_PATTERN",
    "merge_builtin_exc",
    "update_exc",
    "validate_exception",
]
