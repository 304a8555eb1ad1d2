"""Matcher: find sequences of tokens described by token patterns (spaCy's `Matcher`).

How it runs: each distinct token description of all patterns gets a bit. For a doc, the
columns of the attributes the patterns use are read once (`Doc.to_array`); each attribute
value is tested once per matcher (the results are cached as a bitmask per value), lexical
attributes once per word type (`doclike.OrthMemo`), and the bitmasks of a token's
attributes are ANDed into one integer per token. The state machine in `automaton.py` then
runs the patterns over these integers.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import and_
from typing import Any

from .. import attrs
from ..errors import Errors, InputError
from ..vocab import Vocab
from . import doclike as D
from .automaton import CompiledPattern, StartIndex, find_matches
from .levenshtein import levenshtein_compare
from .patterns import TokenSpec, compile_pattern

OnMatch = Callable[[Any, Any, int, list], Any]

_GREEDY = ("FIRST", "LONGEST")


class _ValueMasks(dict):
    """Attribute value -> bitmask of the specs that value satisfies (memoized).

    Specs that do not test this attribute have their bit set for every value.
    """

    def __init__(self, default: int, entries: list[tuple[int, tuple]]) -> None:
        super().__init__()
        self.default = default
        self.entries = entries

    def __missing__(self, value: Any) -> int:
        mask = self.default
        for bit, tests in self.entries:
            if all(test(value) for test in tests):
                mask |= bit
        if len(self) < 1_000_000:
            self[value] = mask
        return mask


class KeyedRules:
    """Rule keys as spaCy handles them: a str key is stored as its hash in the vocab.

    Shared by Matcher and DependencyMatcher, which keep the raw patterns of each key in
    `_patterns` and its callback in `_callbacks`.
    """

    vocab: Vocab
    _patterns: dict[Any, list]
    _callbacks: dict[Any, OnMatch | None]

    def __len__(self) -> int:
        """The number of rules (keys), not of patterns."""
        return len(self._patterns)

    def __contains__(self, key: object) -> bool:
        return self._normalize_key(key) in self._patterns

    def has_key(self, key: object) -> bool:
        """True when there is a rule for `key`."""
        return key in self

    def get(self, key: str | int, default: Any = None) -> Any:
        """Return `(on_match, patterns)` for `key`, or `default`."""
        match_id = self._normalize_key(key)
        if match_id not in self._patterns:
            return default
        return (self._callbacks[match_id], self._patterns[match_id])

    def _normalize_key(self, key: object) -> Any:
        return self.vocab.strings.add(key) if isinstance(key, str) else key


class Matcher(KeyedRules):
    """Match sequences of tokens against token patterns.

    `Matcher(vocab, validate=True, fuzzy_compare=levenshtein_compare)`; add rules with
    `add(key, [pattern, ...])` and call the matcher on a Doc or Span. Patterns with errors
    raise a coded `InputError` (a `ValueError`) naming the key, pattern and token.
    """

    def __init__(
        self,
        vocab: Vocab,
        validate: bool = True,
        *,
        fuzzy_compare: Callable[[str, str, int], bool] = levenshtein_compare,
    ) -> None:
        self.vocab = vocab
        self.validate = validate
        self._fuzzy_compare = fuzzy_compare
        self._patterns: dict[int, list[list[dict]]] = {}
        self._callbacks: dict[int, OnMatch | None] = {}
        self._filter: dict[int, str | None] = {}
        # Compiled patterns in the order they were added: (match_id, nodes)
        self._compiled: list[tuple[int, list[tuple[int, TokenSpec, int]]]] = []
        self._tables: _Tables | None = None

    # --- rules ---------------------------------------------------------------------------

    def add(
        self,
        key: str | int,
        patterns: list[list[dict]],
        *,
        on_match: OnMatch | None = None,
        greedy: str | None = None,
    ) -> None:
        """Add patterns under `key` (appended if the key exists; `on_match`, `greedy` replaced).

        `on_match(matcher, doc, i, matches)` is called for each match. `greedy="FIRST"`
        or `"LONGEST"` keeps, for this key, a set of non-overlapping matches.
        """
        if on_match is not None and not callable(on_match):
            raise InputError(Errors.E450.format(key=key, type=type(on_match).__name__))
        if not isinstance(patterns, list):
            raise InputError(Errors.E451.format(key=key, type=type(patterns).__name__))
        if greedy is not None and greedy not in _GREEDY:
            raise InputError(Errors.E452.format(key=key, value=greedy))
        compiled = [
            compile_pattern(
                pattern,
                key=key,
                index=i,
                strings=self.vocab.strings,
                strict=self.validate,
                fuzzy_compare=self._fuzzy_compare,
            )
            for i, pattern in enumerate(patterns)
        ]
        match_id = self._normalize_key(key)
        self._patterns.setdefault(match_id, []).extend(patterns)
        self._callbacks[match_id] = on_match
        self._filter[match_id] = greedy
        self._compiled.extend((match_id, nodes) for nodes in compiled)
        self._tables = None

    def remove(self, key: str | int) -> None:
        """Remove the rule for `key`; a key that is not there is a coded error."""
        match_id = self._normalize_key(key)
        if match_id not in self._patterns:
            raise InputError(Errors.E461.format(key=key))
        del self._patterns[match_id]
        del self._callbacks[match_id]
        self._filter.pop(match_id, None)
        self._compiled = [(m, nodes) for m, nodes in self._compiled if m != match_id]
        self._tables = None

    def __reduce__(self):
        return (
            _unpickle_matcher,
            (
                self.vocab,
                self._patterns,
                self._callbacks,
                self._filter,
                self.validate,
                self._fuzzy_compare,
            ),
        )

    # --- matching ------------------------------------------------------------------------

    def __call__(
        self,
        doclike: Any,
        *,
        as_spans: bool = False,
        allow_missing: bool = False,
        with_alignments: bool = False,
    ) -> list:
        """Find all matches in a Doc or Span, overlapping ones included.

        Returns `(match_id, start, end)` tuples (offsets within `doclike`), in the order
        the matches complete; with `with_alignments=True`, `(match_id, start, end,
        alignments)` where `alignments[k]` is the index of the token description that
        took token `start + k`; with `as_spans=True`, Spans labelled with the key.
        Raises a coded error when a pattern tests TAG, POS, MORPH, LEMMA or DEP and the
        doc has no such annotation, unless `allow_missing=True`.
        """
        doc, start, end = D.resolve(doclike)
        if as_spans:
            with_alignments = False
        tables = self._tables or self._build_tables()
        if not allow_missing and tables.value_attrs:
            D.check_annotation(doc, tables.value_attrs)
        if end == start or not self._compiled:
            raw = []
        else:
            bits = tables.token_bits(doc, start, end)
            raw = find_matches(tables.index, bits, with_alignments)
        final = self._select(raw, end - start)
        if with_alignments:
            final = [(m, s, e, list(a)) for m, s, e, a in final]
        else:
            final = [(m, s, e) for m, s, e, _ in final]
        if tables.any_callback:
            for i, match in enumerate(final):
                on_match = self._callbacks.get(match[0])
                if on_match is not None:
                    on_match(self, doc, i, final)
        if as_spans:
            from ..tokens import Span

            return [Span(doc, start + s, start + e, label=m) for m, s, e, *_ in final]
        return final

    def _select(self, raw: list, length: int) -> list:
        """Drop repeats and empty matches; apply the greedy filters (as spaCy does)."""
        if not raw:
            return raw
        seen: set[tuple[int, int, int]] = set()
        final = []
        filtered: dict[int, list] = {}
        filters = self._filter
        for match in raw:
            ident = match[:3]
            if ident in seen:
                continue
            seen.add(ident)
            if filters.get(match[0]) is None:
                final.append(match)
            else:
                filtered.setdefault(match[0], []).append(match)
        for match_id, matches in filtered.items():
            if filters[match_id] == "FIRST":
                ordered = sorted(matches, key=lambda m: (m[1], -m[2]))
            else:
                ordered = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
            taken = bytearray(length)
            for match in ordered:
                s, e = match[1], match[2]
                if not any(taken[s:e]):
                    final.append(match)
                    taken[s:e] = b"\x01" * (e - s)
        return final

    def _build_tables(self) -> _Tables:
        self._tables = _Tables(self.vocab, self._compiled, self._callbacks)
        return self._tables


class _Tables:
    """What the Matcher derives from its patterns: spec bits, value caches, start index."""

    def __init__(self, vocab: Vocab, compiled: list, callbacks: dict) -> None:
        spec_bits: dict[Any, int] = {}
        specs: list[TokenSpec] = []
        patterns = []
        for match_id, nodes in compiled:
            bits = []
            for _, spec, _ in nodes:
                bit = spec_bits.get(spec.key)
                if bit is None:
                    bit = spec_bits[spec.key] = 1 << len(specs)
                    specs.append(spec)
                bits.append(bit)
            patterns.append(
                CompiledPattern(match_id, [q for q, _, _ in nodes], bits, [i for _, _, i in nodes])
            )
        self.all_bits = (1 << len(specs)) - 1
        attr_entries: dict[int, list] = {}
        ext_entries: dict[str, list] = {}
        value_attrs: set[int] = set()
        for s, spec in enumerate(specs):
            for attr, tests in spec.attr_tests:
                attr_entries.setdefault(attr, []).append((1 << s, tests))
            for name, tests in spec.ext_tests:
                ext_entries.setdefault(name, []).append((1 << s, tests))
            value_attrs |= spec.value_attrs
        masks = {a: _ValueMasks(self._default(e), e) for a, e in attr_entries.items()}
        # Lexical attributes are tested once per word type (see doclike.OrthMemo); the
        # others once per distinct value, from the doc's columns.
        lexical = [a for a in masks if a in D.LEXICAL_ATTRS]
        self.token_attrs = [a for a in masks if a not in D.LEXICAL_ATTRS]
        self.token_masks = [masks[a] for a in self.token_attrs]
        self.lexemes: D.OrthMemo | None = None
        if lexical:
            lex_masks = [masks[a] for a in lexical]
            all_bits = self.all_bits

            def lexeme_mask(values: list[int]) -> int:
                mask = all_bits
                for value_masks, value in zip(lex_masks, values):
                    mask &= value_masks[value]
                return mask

            self.lexemes = D.OrthMemo(vocab, lexical, lexeme_mask)
        self.fetch = ([attrs.ORTH] if lexical else []) + self.token_attrs
        self.ext = [
            (name, self._default(entries), entries) for name, entries in ext_entries.items()
        ]
        self.value_attrs = sorted(value_attrs)
        self.index = StartIndex(patterns)
        self.any_callback = any(cb is not None for cb in callbacks.values())

    def _default(self, entries: list) -> int:
        constrained = 0
        for bit, _ in entries:
            constrained |= bit
        return self.all_bits & ~constrained

    def token_bits(self, doc: Any, start: int, end: int) -> list[int]:
        """One integer per token of `doc[start:end]`: bit s set when spec s holds."""
        bits: list[int] | None = None
        if self.fetch:
            cols = D.columns(doc, start, end, self.fetch)
            if self.lexemes is not None:
                bits = self.lexemes.lookup(doc, start, end, cols[0])
                cols = cols[1:]
            for col, masks in zip(cols, self.token_masks):
                col_bits = list(map(masks.__getitem__, col))
                bits = col_bits if bits is None else list(map(and_, bits, col_bits))
        if bits is None:
            bits = [self.all_bits] * (end - start)
        if self.ext:
            tokens = [doc[i] for i in range(start, end)]
            for name, default, entries in self.ext:
                ext_bits = []
                for token in tokens:
                    value = token._.get(name)
                    mask = default
                    for bit, tests in entries:
                        if all(test(value) for test in tests):
                            mask |= bit
                    ext_bits.append(mask)
                bits = list(map(and_, bits, ext_bits))
        return bits


def _unpickle_matcher(vocab, patterns, callbacks, filters, validate, fuzzy_compare) -> Matcher:
    matcher = Matcher(vocab, validate=validate, fuzzy_compare=fuzzy_compare)
    for key, key_patterns in patterns.items():
        matcher.add(key, key_patterns, on_match=callbacks.get(key), greedy=filters.get(key))
    return matcher
