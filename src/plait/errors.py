"""Every error and warning plait raises, each with a code.

Messages live in `Errors` and `Warnings` as templates; reading an attribute returns the
message prefixed with its code, e.g. ``Errors.E001`` -> ``"[E001] ..."``. Raise them as
``raise FormatError(Errors.E041.format(path=path))``.

Exceptions form a small tree so that users can catch by kind: every plait exception is a
`PlaitError`, and each family also subclasses the built-in exception that Python users
would expect (`ValueError`, `KeyError`, `TypeError`, `AttributeError`), so code written for
spaCy that catches `ValueError` keeps working.

Code ranges, by area (so that parallel work does not collide):
E001-E049 strings, vocab, lexemes, attributes;  E050-E099 Doc, Token, Span, extensions;
E100-E149 tokenizer and language data;          E150-E249 Language, registries, config;
E250-E349 plait.persist;                        E350-E449 serialization, DocBin;
E450-E549 components, matchers;                 E550-E649 training; E650-E749 CLI, packages;
E750-E799 parallel.
"""

from __future__ import annotations

import warnings


class _CodedMessages(type):
    """Metaclass: class attributes named like codes read as "[CODE] message"."""

    def __getattribute__(cls, code: str) -> str:
        msg = super().__getattribute__(code)
        if code.startswith(("E", "W")) and code[1:].isdigit():
            return f"[{code}] {msg}"
        return msg


# ---------------------------------------------------------------------------------------
# Exception tree
# ---------------------------------------------------------------------------------------


class PlaitError(Exception):
    """Base class of every exception plait raises."""


class InputError(PlaitError, ValueError):
    """A value passed to plait is invalid (wrong length, out of range, bad span...)."""


class InputTypeError(PlaitError, TypeError):
    """A value passed to plait has the wrong type."""


class LookupFailed(PlaitError, KeyError):
    """A string, hash, lexeme, factory or component was not found."""

    def __str__(self) -> str:  # KeyError quotes its message; keep it readable
        return str(self.args[0]) if self.args else ""


class ExtensionError(PlaitError, AttributeError):
    """An extension attribute (`._.name`) is missing, already set, or misused."""


class ConfigError(PlaitError, ValueError):
    """A config is invalid: unknown section, bad value, failed validation."""


class PipelineError(PlaitError, ValueError):
    """A pipeline operation failed: unknown component, bad position, component error."""


class FormatError(PlaitError, ValueError):
    """Saved data is damaged, truncated, of an unknown version, or not plait's."""


class SerializationError(PlaitError, ValueError):
    """An object cannot be written: an unsupported value or type."""


class CompatibilityError(PlaitError, ValueError):
    """Saved data needs another plait version, or a package that is not installed."""


class PlaitWarning(UserWarning):
    """Base class of every warning plait emits."""


def warn(message: str, category: type[Warning] = PlaitWarning, stacklevel: int = 2) -> None:
    """Emit a plait warning (`message` should be a `Warnings.W0xx` text)."""
    warnings.warn(message, category, stacklevel=stacklevel + 1)


# ---------------------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------------------


class Warnings(metaclass=_CodedMessages):
    # --- W001-W009 strings, vocab ---
    W001 = "Vector width changed from {old} to {new}: the vectors table was reset."
    # --- W010-W019 Doc, Token, Span, extensions ---
    # --- W020-W029 tokenizer and language data ---
    # --- W030-W049 Language, registries, config ---
    # --- W050-W059 plait.persist ---


class Errors(metaclass=_CodedMessages):
    # --- strings, vocab, lexemes, attributes (E001-E049) ---
    E001 = (
        "StringStore keys must be str (to add or look up a string) or int (a 64-bit hash); "
        "got {type}. Convert the value with str() or pass its hash."
    )
    E002 = (
        "Hash {key} is not in the StringStore: the string was never added. Add it with "
        "`vocab.strings.add(text)` or use the StringStore the hash came from."
    )
    E003 = (
        "Unknown attribute {name!r}. Use one of the names in plait.attrs (e.g. ORTH, LOWER, "
        "TAG, POS, DEP, ENT_TYPE) or their integer IDs."
    )
    E004 = (
        "Vector for {key!r} has shape {shape}, but the vectors table has width {width}. "
        "Pass a 1-dimensional array of length {width}."
    )
    E005 = (
        "Cannot read StringStore data: {reason}. The data is damaged or was not written by "
        "plait's StringStore.to_bytes; save it again."
    )
    E006 = (
        "Cannot read Vocab data from {path}: {reason}. The data is damaged or was not "
        "written by plait's Vocab.to_bytes/to_disk; save it again."
    )
    E007 = "Unknown part(s) {names} in exclude=. This object has the parts: {parts}."
    E008 = "Path {path} does not exist. Check the path, or save the object there first."

    # --- Doc, Token, Span, extensions, retokenizer (E050-E099) ---

    # --- tokenizer and language data (E100-E149) ---

    # --- Language, registries, config (E150-E249) ---

    # --- plait.persist (E250-E349) ---

    # --- serialization of pipelines and docs, DocBin (E350-E449) ---

    # --- matchers: Matcher, PhraseMatcher, DependencyMatcher (E450-E499) ---
    E450 = (
        "on_match for key {key!r} must be callable (a function called as on_match(matcher, "
        "doc, i, matches)) or None; got {type}."
    )
    E451 = (
        "Patterns for key {key!r} must be a list of patterns, e.g. matcher.add({key!r}, "
        "[pattern1, pattern2]); got {type}. Wrap a single pattern in a list."
    )
    E452 = "greedy for key {key!r} must be None, 'FIRST' or 'LONGEST'; got {value!r}."
    E453 = (
        "Pattern {index} for key {key!r} is empty (or only has '{{0}}' operators): a pattern "
        "needs at least one token description, e.g. [{{'LOWER': 'hello'}}]."
    )
    E454 = (
        "Pattern {index} for key {key!r} must be a list of token descriptions (dicts); got "
        "{type}. Write it as [{{'LOWER': 'hello'}}, {{'IS_PUNCT': True}}]."
    )
    E455 = (
        "Token {token} of pattern {index} for key {key!r} must be a dict of attribute -> "
        "value; got {type}."
    )
    E456 = (
        "Unknown attribute {attr!r} in token {token} of pattern {index} for key {key!r}. "
        "Use one of: {options}, 'OP' or '_' (extension attributes)."
    )
    E457 = (
        "Bad operator {op!r} in token {token} of pattern {index} for key {key!r}. Use one of "
        "'!', '?', '*', '+', '{{n}}', '{{n,m}}', '{{n,}}', '{{,m}}' (n and m integers, n <= m)."
    )
    E458 = (
        "Wrong value type for {attr!r} in token {token} of pattern {index} for key {key!r}: "
        "got {value!r} ({type}), expected {expected}."
    )
    E459 = (
        "Unknown predicate {predicate!r} for {attr!r} in token {token} of pattern {index} "
        "for key {key!r}. Use one of: {options}."
    )
    E460 = (
        "Bad regular expression {value!r} for {attr!r} in token {token} of pattern {index} "
        "for key {key!r}: {reason}."
    )
    E461 = "Cannot remove {key!r}: the matcher has no rule with this key. Check `key in matcher` first."
    E462 = "The matcher needs a Doc or a Span; got {type}."
    E463 = (
        "The pattern(s) use {attr}, but the doc has no {attr} annotation: run a pipeline with "
        "a {pipe} first, or pass allow_missing=True to match anyway."
    )
    E464 = (
        "Extension attributes ('_') in token {token} of pattern {index} for key {key!r} must "
        "be given as a dict of name -> value; got {type}."
    )
    E465 = (
        "PhraseMatcher attr must be a token attribute name (e.g. 'ORTH', 'LOWER', 'NORM', "
        "'LEMMA', 'POS', 'TAG', 'SHAPE') or its ID; got {attr!r}."
    )
    E466 = (
        "PhraseMatcher.add({key!r}, ...) takes a list of Docs (or lists of attribute hashes) "
        "as its second argument; got {type}. Wrap a single Doc in a list."
    )
    E467 = "PhraseMatcher has no rule with key {key!r}, so it cannot be removed."
    E468 = (
        "Phrase pattern {index} for key {key!r} has no {attr} annotation, but the "
        "PhraseMatcher matches on {attr}: create the pattern docs with a pipeline that sets "
        "it (a {pipe}), e.g. with nlp.pipe(texts)."
    )
    E469 = (
        "Node {node} of dependency pattern {index} for key {key!r} must be a dict with "
        "RIGHT_ID, RIGHT_ATTRS (and LEFT_ID, REL_OP after the first node); got {type}."
    )
    E470 = (
        "Node {node} of dependency pattern {index} for key {key!r} is missing {missing}. "
        "Every node needs RIGHT_ID and RIGHT_ATTRS; every node after the first also needs "
        "LEFT_ID and REL_OP."
    )
    E471 = (
        "The first node of dependency pattern {index} for key {key!r} must be the anchor: "
        "RIGHT_ID and RIGHT_ATTRS only, without LEFT_ID or REL_OP."
    )
    E472 = (
        "Node {node} of dependency pattern {index} for key {key!r} reuses RIGHT_ID {name!r}: "
        "each node needs a new, unique RIGHT_ID."
    )
    E473 = (
        "Node {node} of dependency pattern {index} for key {key!r} has LEFT_ID {name!r}, "
        "which is not the RIGHT_ID of an earlier node. Known so far: {known}."
    )
    E474 = (
        "Unknown REL_OP {op!r} in node {node} of dependency pattern {index} for key {key!r}. "
        "Use one of: {options}."
    )
    E475 = (
        "Node {node} of dependency pattern {index} for key {key!r} uses the operator {op!r} "
        "in RIGHT_ATTRS: a dependency node matches exactly one token, so '?', '*' and '+' "
        "are not allowed."
    )
    E476 = (
        "Unknown key(s) {names} in node {node} of dependency pattern {index} for key "
        "{key!r}. A node has only RIGHT_ID, RIGHT_ATTRS, LEFT_ID and REL_OP."
    )
    E477 = (
        "Bad value for {attr!r} in token {token} of pattern {index} for key {key!r}: "
        "{reason}."
    )
