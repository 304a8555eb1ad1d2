"""English special cases: contractions, abbreviations with full stops, times, a few idioms.

Contractions are generated from their parts so that every spelling is covered: lower case,
Title case and UPPER case, with a straight (') or a typographic (’) apostrophe, and for the
"n't" family also without an apostrophe ("dont"), as people type them.
"""

from __future__ import annotations

from ...attrs import NORM, ORTH
from ..tokenizer_exceptions import BASE_EXCEPTIONS, merge_builtin_exc

_exc: dict[str, list[dict]] = {}


def _add(parts: list[tuple[str, str]]) -> None:
    """Add one contraction given as (orth, norm) parts, in all its case and quote variants."""
    variants = {
        tuple((o, n) for o, n in parts),
        tuple((o.upper(), n) for o, n in parts),
    }
    first, rest = parts[0], parts[1:]
    variants.add(((first[0][:1].upper() + first[0][1:], first[1]), *rest))
    for variant in variants:
        for quote in ("'", "’"):
            tokens = [{ORTH: o.replace("'", quote), NORM: n} for o, n in variant]
            _exc["".join(t[ORTH] for t in tokens)] = tokens


def _add_bare(parts: list[tuple[str, str]]) -> None:
    """Add the apostrophe-less spelling of a contraction ("dont"), lower and Title case."""
    bare = [(o.replace("'", ""), n) for o, n in parts]
    for variant in (bare, [(bare[0][0][:1].upper() + bare[0][0][1:], bare[0][1]), *bare[1:]]):
        tokens = [{ORTH: o, NORM: n} for o, n in variant]
        _exc["".join(t[ORTH] for t in tokens)] = tokens


# --- verb + not: "don't" -> do, n't ------------------------------------------------------
_NEGATABLE = {
    "do": "do", "does": "does", "did": "did", "is": "is", "are": "are", "was": "was",
    "were": "were", "has": "has", "have": "have", "had": "had", "could": "could",
    "would": "would", "should": "should", "might": "might", "must": "must", "need": "need",
    "dare": "dare", "ought": "ought",
}  # fmt: skip
for _verb, _norm in _NEGATABLE.items():
    _add([(_verb, _norm), ("n't", "not")])
    _add_bare([(_verb, _norm), ("n't", "not")])
# Irregular stems: the first part is not a word on its own.
for _stem, _norm in (("ca", "can"), ("wo", "will"), ("sha", "shall"), ("ai", "am")):
    _add([(_stem, _norm), ("n't", "not")])
    _add_bare([(_stem, _norm), ("n't", "not")])
for _modal in ("could", "would", "should", "might", "must"):
    _add([(_modal, _modal), ("n't", "not"), ("'ve", "have")])
    _add([(_modal, _modal), ("'ve", "have")])
    _add_bare([(_modal, _modal), ("'ve", "have")])
_add([("can", "can"), ("not", "not")])

# --- pronoun + verb: "I'm", "you're", "they'll", "we'd've" ---------------------------------
_PRONOUN_CLITICS = {
    "i": ["'m", "'ll", "'d", "'ve"],
    "you": ["'re", "'ll", "'d", "'ve"],
    "he": ["'ll", "'d"],
    "she": ["'ll", "'d"],
    "it": ["'ll", "'d"],
    "we": ["'re", "'ll", "'d", "'ve"],
    "they": ["'re", "'ll", "'d", "'ve"],
    "who": ["'re", "'ll", "'d", "'ve"],
    "what": ["'re", "'ll", "'d", "'ve"],
    "where": ["'re", "'ll", "'d", "'ve"],
    "when": ["'re", "'ll", "'d", "'ve"],
    "why": ["'re", "'ll", "'d", "'ve"],
    "how": ["'re", "'ll", "'d", "'ve"],
    "there": ["'re", "'ll", "'d", "'ve"],
    "that": ["'re", "'ll", "'d", "'ve"],
    "this": ["'ll", "'d"],
}
_CLITIC_NORMS = {"'m": "am", "'re": "are", "'ll": "will", "'d": "'d", "'ve": "have"}
for _pron, _clitics in _PRONOUN_CLITICS.items():
    _orth = "I" if _pron == "i" else _pron
    for _clitic in _clitics:
        _add([(_orth, _pron), (_clitic, _CLITIC_NORMS[_clitic])])
        if _pron == "i":
            _add([("i", "i"), (_clitic, _CLITIC_NORMS[_clitic])])
    for _clitic in ("'ll", "'d"):
        if _clitic in _clitics:
            for _first in {_orth, _pron}:
                _add([(_first, _pron), (_clitic, _CLITIC_NORMS[_clitic]), ("'ve", "have")])
_add_bare([("I", "i"), ("'m", "am")])

# --- clitics and shortened words standing alone --------------------------------------------
for _orth, _norm in (
    ("'re", "are"), ("'ll", "will"), ("'d", "'d"), ("'s", "'s"), ("'S", "'s"),
    ("n't", "not"), ("'em", "them"), ("'cause", "because"), ("'bout", "about"),
):  # fmt: skip
    for _quote in ("'", "’"):
        _exc[_orth.replace("'", _quote)] = [{ORTH: _orth.replace("'", _quote), NORM: _norm}]
# A left quote typed for an apostrophe ("John‘s") still makes a possessive.
for _orth in ("‘s", "‘S"):
    _exc[_orth] = [{ORTH: _orth, NORM: "'s"}]

# --- words written with an apostrophe or a full stop inside --------------------------------
for _orth, _norm in (
    ("ma'am", "madam"), ("o'clock", "o'clock"), ("ol'", "old"),
    ("let's", None), ("lovin'", "loving"), ("nothin'", "nothing"),
    ("goin'", "going"), ("doin'", "doing"), ("somethin'", "something"),
):  # fmt: skip
    for _text in {_orth, _orth[:1].upper() + _orth[1:]}:
        for _quote in ("'", "’"):
            _t = _text.replace("'", _quote)
            if _orth == "let's":
                _exc[_t] = [{ORTH: _t[:3]}, {ORTH: _t[3:], NORM: "us"}]
            else:
                _exc[_t] = [{ORTH: _t, NORM: _norm}]
for _text, _parts in (
    ("gonna", [("gon", "going"), ("na", "to")]),
    ("gotta", [("got", "got"), ("ta", "to")]),
    ("y'all", [("y'", "you"), ("all", "all")]),
    ("c'mon", [("c'm", "come"), ("on", "on")]),
):
    _add(_parts)

# --- times of day: "5pm", "10a.m." -> number + am/pm ------------------------------------
for _hour in range(1, 13):
    for _period, _norm in (("am", "a.m."), ("pm", "p.m."), ("a.m.", "a.m."), ("p.m.", "p.m.")):
        _exc[f"{_hour}{_period}"] = [{ORTH: str(_hour)}, {ORTH: _period, NORM: _norm}]

# --- abbreviations that keep their full stop ---------------------------------------------
_ABBREVIATIONS = """
Mr. Mrs. Ms. Mx. Dr. Prof. St. Sr. Jr. Mt. Messrs. Mme. Rev. Fr. Gen. Gov. Sen. Rep. Sgt.
Capt. Col. Lt. Cmdr. Adm. Hon. Pres. Supt. Ph.D. M.D. B.A. M.A. B.Sc. M.Sc.
Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.
Mon. Tue. Tues. Wed. Thu. Thurs. Fri. Sat. Sun.
Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich.
Minn. Miss. Mo. Mont. Neb. Nev. Okla. Ore. Pa. Tenn. Va. Vt. Wash. Wis. Wyo.
N.H. N.J. N.M. N.Y. N.C. N.D. S.C. S.D. R.I. D.C. U.S. U.K. U.S.A. U.N. E.U.
Co. Corp. Inc. Ltd. Bros. Dept. Univ. Assn. Ave. Blvd. Rd. Hwy.
a.m. p.m. e.g. i.e. vs. viz. cf. approx. esp. incl. excl. ca.
pp. fig. figs. ft. lb. lbs. oz. yd. hrs.
"""
for _orth in _ABBREVIATIONS.split():
    _exc[_orth] = [{ORTH: _orth}]
    if _orth[0].islower() and _orth[:1].isalpha():
        _exc[_orth.capitalize()] = [{ORTH: _orth.capitalize()}]
_exc["and/or"] = [{ORTH: "and/or", NORM: "and/or"}]

TOKENIZER_EXCEPTIONS = merge_builtin_exc(BASE_EXCEPTIONS, _exc)

__all__ = ["TOKENIZER_EXCEPTIONS"]
