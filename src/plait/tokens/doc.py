"""Doc: a sequence of tokens and their annotations, stored column-wise.

A Doc holds one numpy array per token attribute (see `arrays.py`); `Token` and `Span` are
views that own nothing. The tokenizer builds docs through `Doc._from_orths`, which only
wraps the orth and whitespace arrays: every other column is allocated on first write.
"""

from __future__ import annotations

import copy as copy_module
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .. import attrs as A
from ..errors import Errors, InputError, InputTypeError
from . import arrays, entities, parse
from .arrays import COLUMN_DTYPES, UPOS, UPOS_SET
from .indexing import index_view
from .morphanalysis import morph_key
from .similarity import any_vector, cosine, mean_vector
from .span_group import SpanGroups
from .underscore import HasExtensions, Underscore

if TYPE_CHECKING:
    from ..vocab import Vocab
    from .retokenizer import Retokenizer
    from .span import Span
    from .token import Token

_ALIGNMENT_MODES = ("strict", "contract", "expand")


class _DictOnFirstUse:
    """A dict attribute kept in the slot `_<name>` and created on first access."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_{name}"

    def __get__(self, obj: object, owner: type | None = None) -> dict:
        if obj is None:
            return self  # type: ignore[return-value]
        value = getattr(obj, self.slot)
        if value is None:
            value = {}
            setattr(obj, self.slot, value)
        return value

    def __set__(self, obj: object, value: dict) -> None:
        setattr(obj, self.slot, value)

class Doc(HasExtensions):
    """A sequence of tokens with their annotations (spaCy's `Doc`, column-wise).

    `Doc(vocab, words=["Hello", "world"], spaces=[True, False])`; annotations may be given
    as lists (`tags=`, `pos=`, `morphs=`, `lemmas=`, `heads=` absolute indices, `deps=`,
    `sent_starts=` True/False/None, `ents=` IOB tags "B-ORG"/"I-ORG"/"O"/"").
    """

    __slots__ = (
        "__weakref__",
        "_cats",
        "_cols",
        "_idx",
        "_orth",
        "_spacy",
        "_spans",
        "_tensor",
        "_text",
        "_user_data",
        "_user_hooks",
        "_user_span_hooks",
        "_user_token_hooks",
        "_vector",
        "_words",
        "has_unknown_spaces",
        "vocab",
    )  # fmt: skip

    def __init__(
        self,
        vocab: Vocab,
        words: Iterable[str] | None = None,
        spaces: Iterable[bool] | None = None,
        *,
        user_data: dict | None = None,
        tags: Sequence[str | None] | None = None,
        pos: Sequence[str | None] | None = None,
        morphs: Sequence[str | None] | None = None,
        lemmas: Sequence[str | None] | None = None,
        heads: Sequence[int | None] | None = None,
        deps: Sequence[str | None] | None = None,
        sent_starts: Sequence[bool | int | None] | None = None,
        ents: Sequence[str | None] | None = None,
    ) -> None:
        if words is None and spaces is not None:
            raise InputError(Errors.E051)
        words = list(words) if words is not None else []
        n = len(words)
        unknown_spaces = spaces is None and n > 0
        space_list = [True] * n if spaces is None else list(spaces)
        if len(space_list) != n:
            raise InputError(Errors.E050.format(n_words=n, n_spaces=len(space_list)))
        strings = vocab.strings
        orths = []
        for i, word in enumerate(words):
            if isinstance(word, str):
                orths.append(strings.add(word))
            elif (
                isinstance(word, (int, np.integer))
                and not isinstance(word, bool)
                and int(word) in strings
            ):
                orths.append(int(word))
            else:
                raise InputTypeError(Errors.E052.format(i=i, type=type(word).__name__, value=word))
        self._init(
            vocab, np.asarray(orths, dtype=np.uint64), np.asarray(space_list, dtype=bool), None
        )
        self.has_unknown_spaces = unknown_spaces
        if user_data is not None:
            self._user_data = user_data
        given = {
            "tags": tags,
            "pos": pos,
            "morphs": morphs,
            "lemmas": lemmas,
            "heads": heads,
            "deps": deps,
            "sent_starts": sent_starts,
            "ents": ents,
        }
        for name, values in given.items():
            if values is not None and len(values) != n:
                raise InputError(Errors.E053.format(n=len(values), name=name, n_words=n))
        if heads is not None and deps is None:
            raise InputError(Errors.E054)
        for name, values in (("tag", tags), ("lemma", lemmas), ("dep", deps)):
            if values is not None:
                self._cols[name] = self._hashes(values)
        if pos is not None:
            for value in pos:
                if value is not None and value not in UPOS_SET:
                    raise InputError(Errors.E057.format(value=value, options=", ".join(UPOS)))
            self._cols["pos"] = self._hashes(pos)
        if morphs is not None:
            self._cols["morph"] = np.asarray(
                [0 if m is None else morph_key(vocab, m) for m in morphs], dtype=np.uint64
            )
        if sent_starts is not None:
            self._cols["sent_start"] = np.asarray(
                [
                    1 if s is True or s == 1 else -1 if s is False or s == -1 else 0
                    for s in sent_starts
                ],
                dtype=np.int8,
            )
        if deps is not None:
            self._set_heads_absolute(heads if heads is not None else [None] * n)
        if ents is not None:
            iob, types = entities.parse_iob_tags(vocab, ents)
            self._cols["ent_iob"] = iob
            self._cols["ent_type"] = types

    def _hashes(self, values: Sequence[str | None]) -> np.ndarray:
        add = self.vocab.strings.add
        return np.asarray([0 if v is None else add(v) for v in values], dtype=np.uint64)

    def _set_heads_absolute(self, heads: Sequence[int | None]) -> None:
        n = len(heads)
        rel = np.zeros(n, dtype=np.int64)
        for i, head in enumerate(heads):
            if head is None:
                continue
            if (
                not isinstance(head, (int, np.integer))
                or isinstance(head, bool)
                or not 0 <= head < n
            ):
                raise InputError(Errors.E055.format(head=head, i=i, n=n, last=n - 1))
            rel[i] = int(head) - i
        self._cols["head"] = rel
        if parse.has_parse(self):
            self._cols["sent_start"] = parse.sent_starts_from_heads(self._abs_heads())

    def _init(self, vocab: Vocab, orth: np.ndarray, spacy: np.ndarray, text: str | None) -> None:
        self.vocab = vocab
        self._orth = orth
        self._spacy = spacy
        self._text = text
        self._cols = {}
        self._idx = None
        self._user_data = None
        self._cats = None
        self._tensor = None
        self._spans = None
        self._vector = None
        self._words = None
        # Hook dicts are made on first access: most docs never have hooks, and three empty
        # dicts per doc cost garbage-collector time when millions of docs are created.
        self._user_hooks = None
        self._user_token_hooks = None
        self._user_span_hooks = None
        self.has_unknown_spaces = False

    # Overrides of `vector`, `has_vector`, `vector_norm`, `similarity` and (doc) `sents` /
    # (span) `root`, keyed by those names.
    user_hooks = _DictOnFirstUse()
    user_token_hooks = _DictOnFirstUse()
    user_span_hooks = _DictOnFirstUse()

    @classmethod
    def _from_orths(
        cls,
        vocab: Vocab,
        orths: Sequence[int] | np.ndarray,
        spaces: Sequence[bool] | np.ndarray,
        text: str | None = None,
        norms: Sequence[int] | np.ndarray | None = None,
    ) -> Doc:
        """Build a Doc from orth hashes already in `vocab.strings` (the tokenizer's fast path).

        O(n) array work only: no lexeme lookups, no per-token objects. `text` (when given)
        must equal the tokens joined with their whitespace; `norms` are token-level norm
        hashes (0 = the lexeme's norm).
        """
        doc = cls.__new__(cls)
        orth = np.asarray(orths, dtype=np.uint64)
        spacy = np.asarray(spaces, dtype=bool)
        if len(spacy) != len(orth):
            raise InputError(Errors.E050.format(n_words=len(orth), n_spaces=len(spacy)))
        doc._init(vocab, orth, spacy, text)
        if norms is not None:
            norm = np.asarray(norms, dtype=np.uint64)
            if norm.any():
                doc._cols["norm"] = norm
        return doc

    # --- columns ---------------------------------------------------------------------------

    def _column(self, name: str) -> np.ndarray:
        """A column for reading (zeros, not stored, when never written)."""
        col = self._cols.get(name)
        if col is None:
            return np.zeros(len(self._orth), dtype=COLUMN_DTYPES[name])
        return col

    def _writable(self, name: str) -> np.ndarray:
        """A column for writing, allocated on first use."""
        col = self._cols.get(name)
        if col is None:
            col = self._cols[name] = np.zeros(len(self._orth), dtype=COLUMN_DTYPES[name])
        return col

    def _value(self, name: str, i: int) -> int:
        col = self._cols.get(name)
        return 0 if col is None else int(col[i])

    def _token_words(self) -> tuple[np.ndarray, list[int], list[str]]:
        """`(orth column, orths as ints, token texts)`, cached while the orth column stays.

        Token reads (`token.text`, `token.orth`) index these lists instead of the numpy
        column. The cache is keyed on the identity of `_orth`: code that replaces the
        column (retokenizing, loading) invalidates it without knowing of it.
        """
        words = self._words
        if words is not None and words[0] is self._orth:
            return words
        orth = self._orth
        orths = orth.tolist()
        strings = self.vocab.strings
        table = getattr(strings, "_map", None)
        try:
            texts = list(map(table.__getitem__, orths)) if table is not None else None
        except KeyError:
            texts = None
        if texts is None:  # not a plait StringStore, or an unknown hash: coded error
            texts = [strings[o] for o in orths]
        words = self._words = (orth, orths, texts)
        return words

    def _token_idx(self) -> np.ndarray:
        """Character offset of every token (int64, computed once)."""
        if self._idx is None:
            n = len(self._orth)
            lengths = np.fromiter(map(len, self._token_words()[2]), dtype=np.int64, count=n)
            ends = np.cumsum(lengths + self._spacy, dtype=np.int64)
            idx = np.zeros(n, dtype=np.int64)
            idx[1:] = ends[:-1]
            self._idx = idx
        return self._idx

    def _abs_heads(self) -> np.ndarray:
        return parse.abs_heads(self)

    # --- sequence --------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._orth)

    def __iter__(self) -> Iterator[Token]:
        from .token import Token

        return map(Token, repeat(self), range(len(self._orth)))

    def __getitem__(self, i: int | slice) -> Token | Span:
        return index_view(self, 0, len(self._orth), i, "Doc")

    def __repr__(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    def __bytes__(self) -> bytes:
        return self.to_bytes()

    @property
    def text(self) -> str:
        """The original text (tokens with their trailing whitespace)."""
        if self._text is None:
            texts = self._token_words()[2]
            self._text = "".join(
                t + " " if s else t for t, s in zip(texts, self._spacy.tolist())
            )
        return self._text

    @property
    def text_with_ws(self) -> str:
        """Same as `text` (a Doc keeps the whitespace after its last token)."""
        return self.text

    @property
    def lang(self) -> int:
        return self.vocab.strings.add(self.vocab.lang)

    @property
    def lang_(self) -> str:
        return self.vocab.lang

    # --- lazily created containers -----------------------------------------------------------

    @property
    def user_data(self) -> dict:
        """Free-form data; extension values live here under ("._.", name, start, end) keys."""
        if self._user_data is None:
            self._user_data = {}
        return self._user_data

    @user_data.setter
    def user_data(self, value: dict) -> None:
        self._user_data = value

    @property
    def cats(self) -> dict:
        """Document categories: label -> score."""
        if self._cats is None:
            self._cats = {}
        return self._cats

    @cats.setter
    def cats(self, value: dict) -> None:
        self._cats = value

    @property
    def tensor(self) -> np.ndarray:
        """A numpy array of per-token features set by components (empty by default)."""
        if self._tensor is None:
            self._tensor = np.zeros((0,), dtype=np.float32)
        return self._tensor

    @tensor.setter
    def tensor(self, value: np.ndarray) -> None:
        self._tensor = value

    @property
    def spans(self) -> SpanGroups:
        """Named groups of spans: `doc.spans["key"] = [span, ...]`."""
        if self._spans is None:
            self._spans = SpanGroups(self)
        return self._spans

    @spans.setter
    def spans(self, value: dict) -> None:
        groups = SpanGroups(self)
        for key, spans in dict(value).items():
            groups[key] = spans
        self._spans = groups

    @property
    def _(self) -> Underscore:
        """Extension attributes registered with `Doc.set_extension`."""
        return Underscore(Doc._extensions, self, self)

    # --- annotation ------------------------------------------------------------------------

    def has_annotation(self, attr: str | int, *, require_complete: bool = False) -> bool:
        """True when some token (every token with require_complete=True) has `attr` set."""
        if len(self) == 0:
            return True
        attr_id = arrays.resolve_attr(attr)
        if attr_id == A.HEAD:
            attr_id = A.DEP
        first = 0
        if attr_id == A.SENT_START:
            if "sents" in self.user_hooks or len(self) == 1:
                return True
            first = 1
        name = arrays.ATTR_COLUMN.get(attr_id)
        if name is not None and name != "norm":
            col = self._cols.get(name)
            if col is None:
                return False
            part = col[first:] != 0
        else:
            part = arrays.column_values(self, attr_id)[first:] != 0
        return bool(part.all()) if require_complete else bool(part.any())

    @property
    def ents(self) -> tuple[Span, ...]:
        """The named entities, one Span per entity."""
        return entities.read_ents(self)

    @ents.setter
    def ents(self, value: Iterable[Any]) -> None:
        entities.set_ents(self, value, default="outside")

    def set_ents(
        self,
        entities_: Iterable[Any],
        *,
        blocked: Iterable[Any] | None = None,
        missing: Iterable[Any] | None = None,
        outside: Iterable[Any] | None = None,
        default: str = "outside",
    ) -> None:
        """Set entities; `blocked`/`missing`/`outside` spans and `default` set the other tokens.

        Raises E061 when spans overlap, E062 for an entry that is not a Span, E063 for a bad
        `default` ("blocked", "missing", "outside" or "unmodified").
        """
        entities.set_ents(self, entities_, blocked, missing, outside, default)

    @property
    def sents(self) -> Iterator[Span]:
        """The sentences, from sentence starts (set by a parser, senter or by hand)."""
        if "sents" in self.user_hooks:
            yield from self.user_hooks["sents"](self)
            return
        if not self.has_annotation("SENT_START"):
            raise InputError(Errors.E064)
        from .span import Span

        for start, end in self._sent_bounds():
            yield Span(self, start, end)

    def _sent_bounds(self) -> list[tuple[int, int]]:
        n = len(self)
        if n == 0:
            return []
        starts = np.flatnonzero(self._column("sent_start") == 1).tolist()
        if not starts or starts[0] != 0:
            starts.insert(0, 0)
        return list(zip(starts, starts[1:] + [n]))

    @property
    def noun_chunks(self) -> Iterator[Span]:
        """Base noun phrases, from the language's noun-chunk iterator over the parse."""
        from .span import Span

        if not self.has_annotation("DEP"):
            raise InputError(Errors.E065)
        get_chunks = self.vocab.get_noun_chunks
        if get_chunks is None:
            raise InputError(Errors.E066.format(lang=self.vocab.lang))
        spans = [Span(self, s, e, label=label) for s, e, label in get_chunks(self)]
        yield from spans

    def char_span(
        self,
        start_idx: int,
        end_idx: int,
        label: int | str = 0,
        kb_id: int | str = 0,
        vector: np.ndarray | None = None,
        alignment_mode: str = "strict",
        span_id: int | str = 0,
    ) -> Span | None:
        """The Span covering characters start_idx:end_idx, or None when it cannot align.

        alignment_mode "strict" needs both offsets on token boundaries, "contract" keeps
        the tokens fully inside, "expand" takes every token the range touches (E067 else).
        """
        from .span import Span

        if alignment_mode not in _ALIGNMENT_MODES:
            raise InputError(Errors.E067.format(options=_ALIGNMENT_MODES, value=alignment_mode))
        bounds = self._char_token_range(start_idx, end_idx, alignment_mode, 0, len(self))
        if bounds is None:
            return None
        return Span(
            self, bounds[0], bounds[1], label=label, kb_id=kb_id, vector=vector, span_id=span_id
        )

    def _char_token_range(
        self, start_idx: int, end_idx: int, mode: str, lo: int, hi: int
    ) -> tuple[int, int] | None:
        if end_idx <= start_idx or hi <= lo:
            return None
        starts = self._token_idx()[lo:hi]
        get = self.vocab.strings.__getitem__
        ends = starts + np.fromiter(
            (len(get(o)) for o in self._orth[lo:hi].tolist()), dtype=np.int64, count=hi - lo
        )
        if mode == "strict":
            i = int(np.searchsorted(starts, start_idx))
            j = int(np.searchsorted(ends, end_idx))
            if i >= len(starts) or starts[i] != start_idx or j >= len(ends) or ends[j] != end_idx:
                return None
            first, last = i, j
        elif mode == "contract":
            first = int(np.searchsorted(starts, start_idx, side="left"))
            last = int(np.searchsorted(ends, end_idx, side="right")) - 1
        else:
            first = int(np.searchsorted(ends, start_idx, side="right"))
            last = int(np.searchsorted(starts, end_idx, side="left")) - 1
        if first > last or first >= len(starts) or last < 0:
            return None
        return lo + first, lo + last + 1

    def to_array(self, attr_ids: str | int | Iterable[str | int]) -> np.ndarray:
        """Token attributes as uint64: 1-D for one attribute, (tokens x attrs) for a list."""
        return arrays.to_array(self, attr_ids)

    def from_array(self, attrs: str | int | Iterable[str | int], array: np.ndarray) -> Doc:
        """Set token attributes from an array shaped like `to_array(attrs)`'s output."""
        arrays.from_array(self, attrs, array)
        return self

    def count_by(self, attr_id: str | int, exclude: Any = None, counts: dict | None = None) -> dict:
        """Count the values of one attribute: {value: count}."""
        counts = {} if counts is None else counts
        values, n = np.unique(self.to_array(attr_id), return_counts=True)
        for v, c in zip(values.tolist(), n.tolist()):
            counts[v] = counts.get(v, 0) + c
        return counts

    # --- vectors ---------------------------------------------------------------------------

    @property
    def vector(self) -> np.ndarray:
        """Mean of the token vectors (zeros of the vectors' width when there are none)."""
        if "vector" in self.user_hooks:
            return self.user_hooks["vector"](self)
        if self._vector is not None:
            return self._vector
        return mean_vector(self.vocab, self._orth)

    @vector.setter
    def vector(self, value: np.ndarray) -> None:
        self._vector = np.asarray(value, dtype=np.float32)

    @property
    def has_vector(self) -> bool:
        if "has_vector" in self.user_hooks:
            return bool(self.user_hooks["has_vector"](self))
        return self._vector is not None or any_vector(self.vocab, self._orth)

    @property
    def vector_norm(self) -> float:
        if "vector_norm" in self.user_hooks:
            return float(self.user_hooks["vector_norm"](self))
        return float(np.linalg.norm(self.vector)) if self.has_vector else 0.0

    def similarity(self, other: Any) -> float:
        """Cosine similarity of the vectors (0.0 and warning W010 when a side has none)."""
        if "similarity" in self.user_hooks:
            return self.user_hooks["similarity"](self, other)
        return cosine(self, other)

    # --- editing ---------------------------------------------------------------------------

    def retokenize(self) -> Retokenizer:
        """Context manager to merge and split tokens; changes apply when the block ends."""
        from .retokenizer import Retokenizer

        return Retokenizer(self)

    def copy(self) -> Doc:
        """A deep copy: columns, user data, cats, span groups, tensor and hooks."""
        doc = Doc.__new__(Doc)
        doc._init(self.vocab, self._orth.copy(), self._spacy.copy(), self._text)
        doc._cols = {name: col.copy() for name, col in self._cols.items()}
        doc.has_unknown_spaces = self.has_unknown_spaces
        if self._user_data is not None:
            doc._user_data = copy_module.deepcopy(self._user_data)
        if self._cats is not None:
            doc._cats = dict(self._cats)
        if self._tensor is not None:
            doc._tensor = self._tensor.copy()
        if self._vector is not None:
            doc._vector = self._vector.copy()
        if self._spans is not None:
            doc._spans = self._spans.copy(doc)
        doc.user_hooks = dict(self.user_hooks)
        doc.user_token_hooks = dict(self.user_token_hooks)
        doc.user_span_hooks = dict(self.user_span_hooks)
        return doc

    @staticmethod
    def from_docs(
        docs: Sequence[Doc],
        ensure_whitespace: bool = True,
        attrs: Any = None,
        *,
        exclude: Iterable[str] = (),
    ) -> Doc | None:
        """Concatenate docs into one (None for an empty list); they must share a Vocab.

        `ensure_whitespace` adds a space after a doc whose text does not end in whitespace.
        Extension values in user_data and span groups are carried over (offsets shifted);
        `exclude` may name "user_data" and "spans".
        """
        from .doc_concat import concat_docs

        return concat_docs(docs, ensure_whitespace, set(exclude))

    # --- serialization ---------------------------------------------------------------------

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the doc (msgpack; arrays as raw little-endian bytes). No pickle."""
        from .doc_bytes import doc_to_bytes

        return doc_to_bytes(self, exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Doc:
        """Load what `to_bytes` wrote into this doc (validated: FormatError E076 if damaged)."""
        from .doc_bytes import doc_from_bytes

        doc_from_bytes(self, data, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write `to_bytes` output to a file, atomically."""
        from ..serialize import write_bytes

        write_bytes(Path(path), self.to_bytes(exclude=exclude))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Doc:
        """Load a file written by `to_disk`."""
        from ..errors import FormatError

        path = Path(path)
        if not path.is_file():
            raise FormatError(Errors.E008.format(path=path))
        return self.from_bytes(path.read_bytes(), exclude=exclude)

    def __reduce__(self) -> tuple[Callable, tuple]:
        from .doc_pickle import reduce_doc

        return reduce_doc(self)  # a column-wise state, see doc_pickle.py


def _doc_from_bytes(vocab: Vocab, data: bytes) -> Doc:
    return Doc(vocab).from_bytes(data)
