"""PhraseMatcher: match large lists of phrases, given as Docs (spaCy's `PhraseMatcher`).

Phrases are stored level by level, as a trie flattened into one dict per phrase length:
level 1 maps a token's attribute value to the match IDs of the one-token phrases, level
k (k >= 2) maps a k-tuple of values to the match IDs of the k-token phrases. Every prefix
of a phrase is in its level too (with no IDs when no phrase ends there), so a level where
no window of the doc is found ends the search. Matching reads the doc's attribute column
once and looks up all its windows of one length at C speed
(`map(level.get, zip(col, col[1:], ...))`); Python only runs once per match found.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import compress
from operator import itemgetter
from typing import Any

from .. import attrs
from ..errors import Errors, InputError, LookupFailed
from ..tokens import Doc
from ..vocab import Vocab
from . import doclike as D
from .patterns import resolve_attr

OnMatch = Callable[[Any, Any, int, list], Any]

# One level of the flattened trie: a value (level 1) or a tuple of values (level k) ->
# the match IDs of the phrases that are exactly that sequence (() for a mere prefix).
Level = dict


def resolve_phrase_attr(attr: object) -> int:
    """The attribute ID a PhraseMatcher matches on, from a name (any case) or an ID."""
    if attr is None:
        return attrs.ORTH
    found = resolve_attr(attr)
    if found is None:
        raise InputError(Errors.E465.format(attr=attr))
    return found


class PhraseMatcher:
    """Match token sequences equal to given phrases on one attribute (ORTH by default).

    `PhraseMatcher(vocab, attr="LOWER")`; `add(key, [nlp.make_doc(text), ...])`; calling
    it on a Doc or Span returns `(match_id, start, end)` tuples sorted by start, then end
    (offsets are within the Doc, also for a Span).
    """

    def __init__(
        self, vocab: Vocab, attr: str | int | None = "ORTH", validate: bool = False
    ) -> None:
        self.vocab = vocab
        self.attr = resolve_phrase_attr(attr)
        self._validate = validate
        self._callbacks: dict[Any, OnMatch | None] = {}
        self._docs: dict[Any, set[tuple[int, ...]]] = {}
        self._match_ids: dict[Any, int] = {}
        self._keys_by_id: dict[int, Any] = {}
        # _levels[k - 1] holds the k-token phrases and prefixes; _root is level 1.
        self._root: Level = {}
        self._levels: list[Level] = [self._root]
        # prefix (a value or a tuple of values) -> how many stored phrases start with it
        self._uses: dict[Any, int] = {}
        self._any_callback = False
        # Lexical attributes (LOWER, SHAPE...) are looked up once per word type.
        self._lexemes: D.OrthMemo | None = None
        if self.attr in D.LEXICAL_ATTRS and self.attr != attrs.ORTH:
            self._lexemes = D.OrthMemo(vocab, [self.attr], _first)

    def __len__(self) -> int:
        """The number of keys (rules), not of phrases."""
        return len(self._callbacks)

    def __contains__(self, key: object) -> bool:
        return key in self._callbacks

    def __reduce__(self):
        return (_unpickle_phrase_matcher, (self.vocab, self._docs, self._callbacks, self.attr))

    # --- rules ---------------------------------------------------------------------------

    def add(
        self, key: str, docs: Iterable[Any], *_docs: Any, on_match: OnMatch | None = None
    ) -> None:
        """Add phrases (Docs, or sequences of attribute hashes) under `key`.

        The old form `add(key, on_match, *docs)` is accepted too. Matching on TAG, POS,
        MORPH, LEMMA or DEP needs phrase docs with that annotation (coded error otherwise).
        """
        if docs is None or callable(docs):  # old API: add(key, on_match, *docs)
            on_match, docs = docs, _docs
        if isinstance(docs, (Doc, str, bytes)) or not isinstance(docs, Iterable):
            raise InputError(Errors.E466.format(key=key, type=type(docs).__name__))
        if on_match is not None and not callable(on_match):
            raise InputError(Errors.E450.format(key=key, type=type(on_match).__name__))
        keywords = [self._keyword(doc, key, i) for i, doc in enumerate(docs)]
        match_id = self.vocab.strings.add(key) if isinstance(key, str) else key
        self._match_ids[key] = match_id
        self._keys_by_id[match_id] = key
        self._callbacks[key] = on_match
        self._any_callback = any(cb is not None for cb in self._callbacks.values())
        phrases = self._docs.setdefault(key, set())
        for keyword in keywords:
            if not keyword or keyword in phrases:
                continue
            phrases.add(keyword)
            self._insert(keyword, match_id)

    def _keyword(self, doc: Any, key: object, index: int) -> tuple[int, ...]:
        if isinstance(doc, Doc):
            if len(doc) == 0:
                return ()
            D.check_annotation(doc, [self.attr], Errors.E468, key=key, index=index)
            return tuple(D.column(doc, 0, len(doc), self.attr))
        if isinstance(doc, (str, bytes)) or not isinstance(doc, Iterable):
            raise InputError(Errors.E466.format(key=key, type=type(doc).__name__))
        return tuple(int(v) for v in doc)

    def _insert(self, keyword: tuple[int, ...], match_id: int) -> None:
        levels = self._levels
        uses = self._uses
        while len(levels) < len(keyword):
            levels.append({})
        last = len(keyword) - 1
        for k in range(last + 1):
            prefix = keyword[0] if k == 0 else keyword[: k + 1]
            uses[prefix] = uses.get(prefix, 0) + 1
            level = levels[k]
            ids = level.get(prefix)
            if ids is None:
                ids = level[prefix] = ()
            if k == last and match_id not in ids:
                level[prefix] = ids + (match_id,)

    def remove(self, key: str) -> None:
        """Remove the rule for `key` and its phrases; an unknown key is a coded KeyError."""
        if key not in self._docs:
            raise LookupFailed(Errors.E467.format(key=key))
        match_id = self._match_ids.pop(key)
        levels = self._levels
        uses = self._uses
        for keyword in self._docs.pop(key):
            last = len(keyword) - 1
            for k in range(last + 1):
                prefix = keyword[0] if k == 0 else keyword[: k + 1]
                level = levels[k]
                if k == last:
                    level[prefix] = tuple(m for m in level[prefix] if m != match_id)
                left = uses[prefix] - 1
                if left:
                    uses[prefix] = left
                else:  # no phrase starts with it any more
                    del uses[prefix]
                    del level[prefix]
        while len(levels) > 1 and not levels[-1]:
            levels.pop()
        del self._callbacks[key]
        if self._keys_by_id.get(match_id) == key:
            del self._keys_by_id[match_id]
        self._any_callback = any(cb is not None for cb in self._callbacks.values())

    # --- matching ------------------------------------------------------------------------

    def __call__(self, doclike: Any, *, as_spans: bool = False) -> list:
        """Find all phrases in a Doc or Span: `(match_id, start, end)` tuples or Spans."""
        if doclike is None or len(doclike) == 0:
            return []
        doc, start, end = D.resolve(doclike)
        if self._lexemes is None:
            values = D.column(doc, start, end, self.attr)
        else:
            orths = D.column(doc, start, end, attrs.ORTH)
            values = self._lexemes.lookup(doc, start, end, orths)
        matches = self._find(values, start)
        if self._any_callback:
            for i, (match_id, _, _) in enumerate(matches):
                on_match = self._callbacks.get(self._keys_by_id.get(match_id))
                if on_match is not None:
                    on_match(self, doc, i, matches)
        if as_spans:
            from ..tokens import Span

            return [Span(doc, s, e, label=m) for m, s, e in matches]
        return matches

    def _find(self, col: list[int], offset: int) -> list[tuple[int, int, int]]:
        """All phrases in `col` (attribute values), by start, then end; offsets shifted."""
        levels = self._levels
        hits = list(map(levels[0].get, col))
        out: list[tuple[int, int, int]] = []
        if hits.count(None) == len(hits):
            return out
        append = out.append
        for t in compress(range(len(hits)), hits):
            start = t + offset
            for match_id in hits[t]:
                append((match_id, start, start + 1))
        # Windows of k tokens: zip over the column and its shifts; stop at the first length
        # where no window is even a prefix of a phrase.
        shifted = [col]
        runs = 1 if out else 0  # levels that found matches: sort when more than one
        for k in range(2, min(len(levels), len(col)) + 1):
            shifted.append(shifted[-1][1:])
            hits = list(map(levels[k - 1].get, zip(*shifted)))
            if hits.count(None) == len(hits):
                break
            found = len(out)
            for t in compress(range(len(hits)), hits):
                start = t + offset
                for match_id in hits[t]:
                    append((match_id, start, start + k))
            if len(out) > found:
                runs += 1
        if runs > 1:
            out.sort(key=_START)  # stable: by start, then by end (the level) for one start
        return out


_START = itemgetter(1)


def _first(values: list[int]) -> int:
    return values[0]


def _unpickle_phrase_matcher(vocab, docs, callbacks, attr) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr=attr)
    for key, keywords in docs.items():
        matcher.add(key, [list(k) for k in keywords], on_match=callbacks.get(key))
    return matcher
