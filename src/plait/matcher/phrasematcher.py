"""PhraseMatcher: match large lists of phrases, given as Docs (spaCy's `PhraseMatcher`).

Phrases are stored in a trie over small integer codes: every attribute value that occurs
in a phrase gets a code (1, 2, 3...; 0 stands for any other value). A node is
`[children, match_ids]`, where `children` maps the next token's code to the next node and
`match_ids` holds the keys of the phrases that end there; `_first[code]` is the node of
the phrases starting with that code (None if there is none). Matching turns the doc's
attribute column into codes once (for lexical attributes through a per-orth memo, so a
word type is looked up once), finds the starting nodes at C speed
(`map(_first.__getitem__, codes)`), and walks the trie only from the tokens found there.
Small-int keys keep each step of a walk cheap: their hash is the value itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import compress, repeat
from typing import Any

from .. import attrs
from ..errors import Errors, InputError, LookupFailed
from ..tokens import Doc
from ..vocab import Vocab
from . import doclike as D
from .patterns import resolve_attr

OnMatch = Callable[[Any, Any, int, list], Any]

# A trie node: [children: value -> node, match IDs of the phrases ending here]
Node = list


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
        self._codes: dict[int, int] = {}  # attribute value -> code (>= 1)
        self._root: dict[int, Node] = {}  # code -> node, the trie's first level
        self._first: list[Node | None] = [None]  # the same, as a list indexed by code
        self._any_callback = False
        # Lexical attributes (LOWER, SHAPE...) are coded once per word type (orth).
        self._lexemes: D.OrthMemo | None = None
        if self.attr in D.LEXICAL_ATTRS and self.attr != attrs.ORTH:
            self._lexemes = D.OrthMemo(vocab, [self.attr], self._code_of_values)

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

    def _code(self, value: int) -> int:
        """The code of an attribute value, given a new one when first seen."""
        code = self._codes.get(value)
        if code is None:
            code = self._codes[value] = len(self._codes) + 1
            self._first.append(None)
            if self._lexemes is not None:
                self._lexemes.clear()  # memoized codes of 0 may now be wrong
        return code

    def _code_of_values(self, values: list[int]) -> int:
        """The code of a token, from its attribute values (as `OrthMemo` computes it)."""
        return self._codes.get(values[0], 0)

    def _insert(self, keyword: tuple[int, ...], match_id: int) -> None:
        children = self._root
        node: Node = []
        for value in keyword:
            code = self._code(value)
            node = children.get(code)  # type: ignore[assignment]
            if node is None:
                node = children[code] = [{}, ()]
                if children is self._root:
                    self._first[code] = node
            children = node[0]
        if match_id not in node[1]:
            node[1] = node[1] + (match_id,)

    def remove(self, key: str) -> None:
        """Remove the rule for `key` and its phrases; an unknown key is a coded KeyError."""
        if key not in self._docs:
            raise LookupFailed(Errors.E467.format(key=key))
        match_id = self._match_ids.pop(key)
        for keyword in self._docs.pop(key):
            path: list[tuple[dict, int]] = []
            children = self._root
            node = None
            for value in keyword:
                code = self._codes[value]
                node = children.get(code)
                if node is None:
                    break
                path.append((children, code))
                children = node[0]
            if node is None:
                continue
            node[1] = tuple(m for m in node[1] if m != match_id)
            for parent, code in reversed(path):  # prune nodes left empty
                child = parent[code]
                if child[0] or child[1]:
                    break
                del parent[code]
                if parent is self._root:
                    self._first[code] = None
        del self._callbacks[key]
        if self._keys_by_id.get(match_id) == key:
            del self._keys_by_id[match_id]
        self._any_callback = any(cb is not None for cb in self._callbacks.values())

    # --- matching ------------------------------------------------------------------------

    def __call__(self, doclike: Any, *, as_spans: bool = False) -> list:
        """Find all phrases in a Doc or Span: `(match_id, start, end)` tuples or Spans."""
        if doclike is None:
            return []
        doc, start, end = D.resolve(doclike)
        if start == end:
            return []
        if self._lexemes is None:
            values = D.column(doc, start, end, self.attr)
            codes = list(map(self._codes.get, values, repeat(0)))
        else:
            orths = D.column(doc, start, end, attrs.ORTH)
            codes = self._lexemes.lookup(doc, start, end, orths)
        matches = self._find(codes, start)
        if self._any_callback:
            for i, (match_id, _, _) in enumerate(matches):
                on_match = self._callbacks.get(self._keys_by_id.get(match_id))
                if on_match is not None:
                    on_match(self, doc, i, matches)
        if as_spans:
            from ..tokens import Span

            return [Span(doc, s, e, label=m) for m, s, e in matches]
        return matches

    def _find(self, codes: list[int], offset: int) -> list[tuple[int, int, int]]:
        """All phrases in `codes` (one per token), by start, then end; offsets shifted."""
        n = len(codes)
        firsts = list(map(self._first.__getitem__, codes))
        out: list[tuple[int, int, int]] = []
        if firsts.count(None) == n:
            return out
        codes.append(0)  # no node has a child for code 0: ends every walk at the doc's end
        append = out.append
        starts = compress(range(offset, offset + n), firsts)
        for start, node in zip(starts, compress(firsts, firsts)):
            ids = node[1]
            if ids:
                for match_id in ids:
                    append((match_id, start, start + 1))
            node = node[0].get(codes[start - offset + 1])
            if node is None:  # the common case: no phrase goes on with the next token
                continue
            end = start + 2
            while True:
                ids = node[1]
                if ids:
                    for match_id in ids:
                        append((match_id, start, end))
                node = node[0].get(codes[end - offset])
                if node is None:
                    break
                end += 1
        return out


def _unpickle_phrase_matcher(vocab, docs, callbacks, attr) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr=attr)
    for key, keywords in docs.items():
        matcher.add(key, [list(k) for k in keywords], on_match=callbacks.get(key))
    return matcher
