"""PhraseMatcher: match large lists of phrases, given as Docs (spaCy's `PhraseMatcher`).

Phrases are stored in a trie over attribute values: a node is `[children, match_ids]`,
where `children` maps the next token's value to the next node and `match_ids` holds the
keys of the phrases that end there. Matching reads the doc's attribute column once,
looks every token up among the first values at C speed (`map(root.get, column)`), and
walks the trie only from the tokens found there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import compress
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
        self._root: dict[int, Node] = {}
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
            if not keyword:
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
        children = self._root
        node: Node = []
        for value in keyword:
            node = children.get(value)  # type: ignore[assignment]
            if node is None:
                node = children[value] = [{}, ()]
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
                node = children.get(value)
                if node is None:
                    break
                path.append((children, value))
                children = node[0]
            if node is None:
                continue
            node[1] = tuple(m for m in node[1] if m != match_id)
            for parent, value in reversed(path):  # prune nodes left empty
                child = parent[value]
                if child[0] or child[1]:
                    break
                del parent[value]
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
        n = len(col)
        firsts = list(map(self._root.get, col))
        col.append(_END)  # ends every walk at the end of the doc
        out: list[tuple[int, int, int]] = []
        append = out.append
        for t in compress(range(n), firsts):
            node = firsts[t]
            e = t + 1
            while node is not None:
                ids = node[1]
                if ids:
                    for match_id in ids:
                        append((match_id, t, e))
                node = node[0].get(col[e])
                e += 1
        if offset and out:
            out = [(m, s + offset, e + offset) for m, s, e in out]
        return out


_END = object()  # never a trie key


def _first(values: list[int]) -> int:
    return values[0]


def _unpickle_phrase_matcher(vocab, docs, callbacks, attr) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr=attr)
    for key, keywords in docs.items():
        matcher.add(key, [list(k) for k in keywords], on_match=callbacks.get(key))
    return matcher
