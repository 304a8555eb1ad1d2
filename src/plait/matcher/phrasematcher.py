"""PhraseMatcher: match large lists of phrases, given as Docs (spaCy's `PhraseMatcher`).

Phrases are stored in a trie. Every attribute value that occurs in a phrase gets one
`PhraseValue` object, which serves twice: it is the trie's first-level node for the phrases
that start with that value, and it is the key that stands for that value in every deeper
node. A node is a dict mapping the next token's `PhraseValue` to the next node, and `END`
(-1) to the match ID of the phrase that ends there (`ManyIds`, a tuple, when it ends under
several keys); a `PhraseValue` hashes by identity, so each step of a walk costs one dict
lookup on a pointer hash.

Matching maps the doc's attribute column to `PhraseValue`s in one C-level `map` (for
lexical attributes through a per-orth memo, so a word type is looked up once); a value that
starts no phrase is an empty (false) dict, so `compress` finds the starts at C speed and
Python walks the trie only from there.
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

END = -1  # the key of a node's match ID(s): never a PhraseValue


class ManyIds(tuple):
    """The match IDs of a phrase added under several keys (one ID is stored as itself)."""

    __slots__ = ()


class PhraseValue(dict):
    """One attribute value of the phrases: its first-level trie node, and its key below."""

    __slots__ = ()
    # Identity hash (C speed, unlike a dict's content): a value is one object per matcher.
    # Equality stays the dict's, but dict lookups compare keys by identity before that.
    __hash__ = object.__hash__  # type: ignore[assignment]


class SharedLeaf(dict):
    """A leaf `{END: match_id}`, one per match ID, shared by all phrases with that ID.

    Sharing keeps a large trie small and its leaves in the CPU cache. A shared leaf is never
    written to: adding below it or removing its ID replaces it in its parent first.
    """

    __slots__ = ()


# A trie node: {PhraseValue of the next token: node, END: match ID(s) of the phrase ending here}
Node = dict
# The value of every token whose value occurs in no phrase: empty, so false, and never a key.
NO_VALUE = PhraseValue()


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
        self._values: dict[int, PhraseValue] = {}  # attribute value -> its PhraseValue
        self._root: dict[int, PhraseValue] = {}  # the same, for the values starting a phrase
        self._leaves: dict[Any, SharedLeaf] = {}  # match ID -> its shared leaf
        self._any_callback = False
        # Lexical attributes (LOWER, SHAPE...) are coded once per word type (orth).
        self._lexemes: D.OrthMemo | None = None
        if self.attr in D.LEXICAL_ATTRS and self.attr != attrs.ORTH:
            self._lexemes = D.OrthMemo(vocab, [self.attr], self._value_of_token)
        self._memo_edits = -2  # the vocab's number of edited lexemes at the last memo lookup

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

    def _value(self, value: int) -> PhraseValue:
        """The PhraseValue of an attribute value, made when first seen."""
        found = self._values.get(value)
        if found is None:
            found = self._values[value] = PhraseValue()
            if self._lexemes is not None:
                self._lexemes.clear()  # words memoized as NO_VALUE may now have a value
        return found

    def _value_of_token(self, values: list[int]) -> PhraseValue:
        """A token's PhraseValue, from its attribute values (as `OrthMemo` computes it)."""
        return self._values.get(values[0], NO_VALUE)

    def _insert(self, keyword: tuple[int, ...], match_id: int) -> None:
        node: Node = self._root.get(keyword[0]) or self._value(keyword[0])
        self._root[keyword[0]] = node  # type: ignore[assignment]
        parent: Node | None = None
        key: PhraseValue | None = None
        for value in keyword[1:]:
            parent, key = node, self._value(value)
            child = node.get(key)
            if child is None:
                child = node[key] = {}
            elif child.__class__ is SharedLeaf:
                child = node[key] = dict(child)  # a copy to write to
            node = child
        ids = _ids(node)
        if match_id not in ids:
            _set_ids(node, ids + (match_id,))
        if parent is not None:
            self._share_leaf(parent, key, node)

    def _share_leaf(self, parent: Node, key: Any, node: Node) -> None:
        """Put the shared leaf in place of `node` (below `parent`) if it is a one-ID leaf."""
        if len(node) != 1 or node.__class__ is SharedLeaf:
            return
        match_id = node.get(END)
        if match_id is None or match_id.__class__ is ManyIds:
            return
        leaf = self._leaves.get(match_id)
        if leaf is None:
            leaf = self._leaves[match_id] = SharedLeaf({END: match_id})
        parent[key] = leaf

    def remove(self, key: str) -> None:
        """Remove the rule for `key` and its phrases; an unknown key is a coded KeyError."""
        if key not in self._docs:
            raise LookupFailed(Errors.E467.format(key=key))
        match_id = self._match_ids.pop(key)
        for keyword in self._docs.pop(key):
            path: list[tuple[Node, Any]] = [(self._root, keyword[0])]
            node: Node | None = self._root.get(keyword[0])
            for value in keyword[1:]:
                if node is None:
                    break
                path.append((node, self._values[value]))
                node = node.get(self._values[value])
            if node is None:
                continue
            ids = tuple(m for m in _ids(node) if m != match_id)
            if node.__class__ is SharedLeaf:  # never written to: replaced by a copy
                parent, value_key = path[-1]
                node = parent[value_key] = {}
                _set_ids(node, ids)
                self._share_leaf(parent, value_key, node)
            else:
                _set_ids(node, ids)
            for parent, value_key in reversed(path):  # prune nodes left empty
                if parent[value_key]:
                    break
                del parent[value_key]  # a PhraseValue stays in `_values`, only leaves the root
        del self._callbacks[key]
        if self._keys_by_id.get(match_id) == key:
            del self._keys_by_id[match_id]
        self._any_callback = any(cb is not None for cb in self._callbacks.values())

    # --- matching ------------------------------------------------------------------------

    def __call__(self, doclike: Any, *, as_spans: bool = False) -> list:
        """Find all phrases in a Doc or Span: `(match_id, start, end)` tuples or Spans."""
        if doclike.__class__ is Doc:  # the common case, without the checks of `D.resolve`
            doc, start, end = doclike, 0, len(doclike._orth)
        elif doclike is None:
            return []
        else:
            doc, start, end = D.resolve(doclike)
        if start == end:
            return []
        matches = self._find(self._tokens(doc, start, end))
        if start:  # a Span: offsets within the doc, as spaCy gives them
            matches = [(m, s + start, e + start) for m, s, e in matches]
        if self._any_callback:
            for i, (match_id, _, _) in enumerate(matches):
                on_match = self._callbacks.get(self._keys_by_id.get(match_id))
                if on_match is not None:
                    on_match(self, doc, i, matches)
        if as_spans:
            from ..tokens import Span

            return [Span(doc, s, e, label=m) for m, s, e in matches]
        return matches

    def _tokens(self, doc: Doc, start: int, end: int) -> list[PhraseValue]:
        """The PhraseValue of each token `start:end` (NO_VALUE where it is in no phrase)."""
        orth = doc._orth
        if self._lexemes is None:
            values = D.column(doc, start, end, self.attr)
            return list(map(self._values.get, values, repeat(NO_VALUE)))
        orths = orth.tolist() if end - start == len(orth) else orth[start:end].tolist()
        memo = self._lexemes
        # The memo's own `lookup` follows lexeme edits; this inlines its common case (no new
        # edit since the last call, every word seen before) to save a call per doc.
        edited = getattr(self.vocab, "_edited", None)
        if edited is not None and len(edited) == self._memo_edits:
            tokens = list(map(memo.get, orths))
            if None not in tokens:
                return tokens
        self._memo_edits = len(edited) if isinstance(edited, set) else -2
        return memo.lookup(doc, start, end, orths)

    def _find(self, tokens: list[PhraseValue]) -> list[tuple[int, int, int]]:
        """All phrases in `tokens` (a PhraseValue each), sorted by start, then end."""
        out: list[tuple[int, int, int]] = []
        if not any(tokens):
            return out
        n = len(tokens)
        tokens.append(NO_VALUE)  # a key of no node: ends every walk at the doc's end
        append = out.append
        # The starts, their first-level nodes and the next tokens, for the non-empty values.
        walks = zip(
            compress(range(n), tokens), compress(tokens, tokens), compress(tokens[1:], tokens)
        )
        for start, node, after in walks:
            if END in node:
                ids = node[END]
                if ids.__class__ is ManyIds:
                    out.extend([(match_id, start, start + 1) for match_id in ids])
                else:
                    append((ids, start, start + 1))
            node = node.get(after)
            if node is None:  # the common case: no phrase goes on with the next token
                continue
            end = start + 2
            while True:
                if END in node:
                    ids = node[END]
                    if ids.__class__ is ManyIds:
                        out.extend([(match_id, start, end) for match_id in ids])
                    else:
                        append((ids, start, end))
                node = node.get(tokens[end])
                if node is None:
                    break
                end += 1
        return out


def _ids(node: Node) -> tuple:
    """The match IDs of the phrase ending at `node`, as a tuple (empty if none ends there)."""
    if END not in node:
        return ()
    ids = node[END]
    return tuple(ids) if ids.__class__ is ManyIds else (ids,)


def _set_ids(node: Node, ids: tuple) -> None:
    """Store the match IDs of the phrase ending at `node`: one as itself, more as ManyIds."""
    if not ids:
        node.pop(END, None)
    else:
        node[END] = ids[0] if len(ids) == 1 else ManyIds(ids)


def _unpickle_phrase_matcher(vocab, docs, callbacks, attr) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab, attr=attr)
    for key, keywords in docs.items():
        matcher.add(key, [list(k) for k in keywords], on_match=callbacks.get(key))
    return matcher
