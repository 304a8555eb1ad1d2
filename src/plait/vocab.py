"""Vocab: the shared vocabulary of a pipeline (strings, lexemes, vectors)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import msgpack
import numpy as np

from . import attrs
from .errors import Errors, FormatError, InputTypeError, LookupFailed
from .lang.lex_attrs import LEX_ATTR_GETTERS
from .lexeme import F_FLAGS, F_LENGTH, FIELD_OF_ATTR, Lexeme
from .strings import StringStore
from .vectors import Vectors

_FLAG_GETTERS = [a for a in attrs.FLAG_IDS]


class Vocab:
    """Strings, lexemes with their lexical attributes, and word vectors.

    `lex_attr_getters` maps attribute IDs (plait.attrs) to functions of the string;
    unset ones use plait's language-independent defaults. A `Language` creates its vocab
    with its language's getters (stop words, number words...).
    """

    def __init__(
        self,
        lex_attr_getters: dict[int, Callable[[str], object]] | None = None,
        strings: StringStore | Iterable[str] | None = None,
        lookups: object | None = None,
        vectors: Vectors | None = None,
        writing_system: dict | None = None,
        get_noun_chunks: Callable | None = None,
        lang: str = "",
    ) -> None:
        getters = dict(LEX_ATTR_GETTERS)
        if lex_attr_getters:
            getters.update(lex_attr_getters)
        if attrs.LANG in getters and not lang:
            value = getters[attrs.LANG]
            lang = value("") if callable(value) else str(value)
        self.lex_attr_getters = getters
        if isinstance(strings, StringStore):
            self.strings = strings
        else:
            self.strings = StringStore(strings)
        self.lookups = lookups
        self.vectors = vectors if vectors is not None else Vectors()
        self.writing_system = writing_system or {}
        self.get_noun_chunks = get_noun_chunks
        self.lang = lang
        self._lex: dict[int, list[int]] = {}
        self._edited: set[int] = set()
        # attr ID -> (sorted orths, their values): lex_attr_array's numpy lookup table.
        # Cleared whenever a lexeme is edited or loaded.
        self._lex_tables: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    # --- lexemes ---------------------------------------------------------------------------

    def _lex_record(self, orth: int) -> list[int]:
        """Return the (mutable) attribute record of a lexeme, computing it on first use."""
        rec = self._lex.get(orth)
        if rec is None:
            rec = self._make_record(orth)
        return rec

    def _make_record(self, orth: int) -> list[int]:
        text = self.strings[orth]
        g = self.lex_attr_getters
        add = self.strings.add
        flags = 0
        for flag in _FLAG_GETTERS:
            getter = g.get(flag)
            if getter is not None and getter(text):
                flags |= 1 << flag
        rec = [
            add(g[attrs.LOWER](text)),
            add(g[attrs.NORM](text)),
            add(g[attrs.SHAPE](text)),
            add(g[attrs.PREFIX](text)),
            add(g[attrs.SUFFIX](text)),
            len(text),
            flags,
        ]
        self._lex[orth] = rec
        return rec

    def __getitem__(self, key: str | int) -> Lexeme:
        if isinstance(key, str):
            return Lexeme(self, self.strings.add(key))
        if isinstance(key, (int, np.integer)) and not isinstance(key, bool):
            if int(key) not in self.strings:
                raise LookupFailed(Errors.E002.format(key=key))
            return Lexeme(self, int(key))
        raise InputTypeError(Errors.E001.format(type=type(key).__name__))

    def get(self, key: str | int) -> Lexeme:
        """Return the lexeme for a string or hash (adding a string when new)."""
        return self[key]

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            key = self.strings[key]
        return key in self._lex

    def __len__(self) -> int:
        return len(self._lex)

    def __iter__(self) -> Iterator[Lexeme]:
        for orth in list(self._lex):
            yield Lexeme(self, orth)

    def set_lex_field(self, orth: int, field: int, value: int) -> None:
        """Overwrite one field of a lexeme record (saved with the vocab)."""
        self._lex_record(orth)[field] = value
        self._edited.add(orth)
        self._lex_tables.clear()

    def set_lex_flag(self, orth: int, flag: int, value: bool) -> None:
        """Set or clear one boolean flag of a lexeme (saved with the vocab)."""
        rec = self._lex_record(orth)
        rec[F_FLAGS] = rec[F_FLAGS] | (1 << flag) if value else rec[F_FLAGS] & ~(1 << flag)
        self._edited.add(orth)
        self._lex_tables.clear()

    def lex_attr_array(self, orths: np.ndarray, attr_id: int) -> np.ndarray:
        """Return a lexical attribute for every orth in `orths` (uint64 array).

        The value is a hash for string attributes, 0/1 for flags, the length for LENGTH.
        Values are looked up in a per-attribute table of sorted orths (numpy
        `searchsorted`); orths the table lacks are computed once, each distinct one in
        Python, and merged into it.
        """
        orths = np.asarray(orths, dtype=np.uint64)
        if len(orths) == 0:
            return np.zeros(0, dtype=np.uint64)
        if attr_id not in FIELD_OF_ATTR and attr_id not in attrs.FLAG_IDS:
            raise LookupFailed(Errors.E003.format(name=attrs.NAMES.get(attr_id, attr_id)))
        table = self._lex_tables.get(attr_id)
        if table is not None:
            keys, values = table
            pos = np.searchsorted(keys, orths)
            np.minimum(pos, len(keys) - 1, out=pos)
            if np.array_equal(keys[pos], orths):
                return values[pos]
        keys, values = self._grow_lex_table(attr_id, orths)
        return values[np.searchsorted(keys, orths)]

    def _grow_lex_table(self, attr_id: int, orths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Add the values of `orths` missing from the lookup table of `attr_id`."""
        keys, values = self._lex_tables.get(attr_id, (_NO_ORTHS, _NO_ORTHS))
        new = np.unique(orths)
        if len(keys):
            new = new[~np.isin(new, keys, assume_unique=True)]
        rec = self._lex_record
        if attr_id in FIELD_OF_ATTR:
            field = FIELD_OF_ATTR[attr_id]
            found = [rec(o)[field] for o in new.tolist()]
        else:
            found = [rec(o)[F_FLAGS] >> attr_id & 1 for o in new.tolist()]
        keys = np.concatenate([keys, new])
        values = np.concatenate([values, np.asarray(found, dtype=np.uint64)])
        order = np.argsort(keys, kind="stable")
        table = (keys[order], values[order])
        self._lex_tables[attr_id] = table
        return table

    def lex_length(self, orth: int) -> int:
        return self._lex_record(orth)[F_LENGTH]

    # --- vectors ---------------------------------------------------------------------------

    @property
    def vectors_length(self) -> int:
        return self.vectors.width

    def _vector_key(self, orth: int | str) -> int:
        return self.strings.add(orth) if isinstance(orth, str) else int(orth)

    def has_vector(self, orth: int | str) -> bool:
        """True when the vectors table has a row for this string or hash."""
        return self._vector_key(orth) in self.vectors

    def get_vector(self, orth: int | str) -> np.ndarray:
        """Return the vector of a string or hash, or zeros of the table's width if it has none."""
        key = self._vector_key(orth)
        if key in self.vectors:
            return self.vectors[key]
        return np.zeros((self.vectors.width,), dtype=np.float32)

    def set_vector(self, orth: int | str, vector: np.ndarray) -> None:
        """Set the vector of a string or hash (the first vector fixes the table's width)."""
        self.vectors.add(self._vector_key(orth), vector=vector)

    # --- serialization ---------------------------------------------------------------------

    def _lexemes_to_bytes(self) -> bytes:
        return msgpack.packb({o: self._lex[o] for o in self._edited}, use_bin_type=True)

    def _lexemes_from_bytes(self, data: bytes) -> None:
        try:
            table = msgpack.unpackb(data, raw=False, strict_map_key=False)
            if not isinstance(table, dict):
                raise TypeError("expected a map")
            self._lex_tables.clear()
            for orth, rec in table.items():
                if not isinstance(rec, list) or len(rec) != F_FLAGS + 1:
                    raise ValueError("bad lexeme record")
                self._lex[int(orth)] = [int(x) for x in rec]
                self._edited.add(int(orth))
        except (ValueError, TypeError, msgpack.ExtraData) as e:
            raise FormatError(Errors.E006.format(path="<bytes>", reason=str(e))) from e

    def _meta_bytes(self) -> bytes:
        return msgpack.packb({"lang": self.lang}, use_bin_type=True)

    def _set_meta(self, data: bytes) -> None:
        try:
            self.lang = msgpack.unpackb(data, raw=False).get("lang", self.lang)
        except Exception as e:
            raise FormatError(Errors.E006.format(path="<bytes>", reason=f"bad meta ({e})")) from e

    def _byte_parts(self) -> dict:
        return {
            "meta": self._meta_bytes,
            "strings": self.strings.to_bytes,
            "lexemes": self._lexemes_to_bytes,
            "vectors": self.vectors.to_bytes,
        }

    def to_bytes(self, exclude: Iterable[str] = ()) -> bytes:
        """Serialize strings, edited lexemes and vectors. `exclude`: part names to skip."""
        from . import serialize

        exclude = serialize.check_exclude(exclude, self._byte_parts())
        return serialize.to_bytes(self._byte_parts(), exclude)

    def from_bytes(self, data: bytes, exclude: Iterable[str] = ()) -> Vocab:
        """Load what `to_bytes` wrote (strings are added to the current ones)."""
        from . import serialize

        exclude = serialize.check_exclude(exclude, self._byte_parts())
        serialize.from_bytes(data, self._byte_setters(), exclude)
        return self

    def _byte_setters(self) -> dict[str, Callable[[bytes], object]]:
        """How each part written by `_byte_parts` is read back."""
        return {
            "meta": self._set_meta,
            "strings": lambda b: self.strings.add_many(StringStore().from_bytes(b)),
            "lexemes": self._lexemes_from_bytes,
            "vectors": self.vectors.from_bytes,
        }

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        """Write a directory with one file per part (strings.msgpack, lexemes, vectors...)."""
        from . import serialize

        parts = self._byte_parts()
        exclude = serialize.check_exclude(exclude, parts)
        writers = {name: (lambda p, get=get: serialize.write_bytes(p, get())) for name, get in parts.items()}
        # the table is a directory with a mappable file, not msgpack bytes
        writers["vectors"] = lambda p: self.vectors.to_disk(p)
        serialize.to_disk(path, writers, exclude)

    def from_disk(self, path: str | Path, exclude: Iterable[str] = (), *,
                  mmap: bool = True) -> Vocab:
        """Load a directory written by `to_disk` (with `mmap`, vectors are memory-mapped)."""
        from . import serialize

        exclude = serialize.check_exclude(exclude, self._byte_parts())
        readers = {
            name: (lambda p, s=s: s(p.read_bytes())) for name, s in self._byte_setters().items()
        }
        readers["vectors"] = lambda p: self.vectors.from_disk(p, mmap=mmap)
        serialize.from_disk(path, readers, exclude)
        return self

    def __reduce__(self):
        return (_vocab_from_bytes, (self.lang, self.to_bytes()))


_NO_ORTHS = np.zeros(0, dtype=np.uint64)


def _vocab_from_bytes(lang: str, data: bytes) -> Vocab:
    return Vocab(lang=lang).from_bytes(data)
