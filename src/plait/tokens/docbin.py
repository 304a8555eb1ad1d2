"""DocBin: many docs in one compact, safe binary (spaCy's `DocBin`, column-wise).

`DocBin(attrs=, store_user_data=, docs=)`, then `add`, `merge`, `len`, `get_docs(vocab)`,
`to_bytes`/`from_bytes`, `to_disk`/`from_disk`; `docbin[i]` builds one doc. The bytes are a
preamble, compressed chunks (each the columns of many docs with one string table), an
index and a trailer (see `docbin_format.py` and docs/formats.md). Files bigger than memory:
`DocBin.open(path)` and `DocBinWriter` in `docbin_stream.py`. spaCy's `.spacy` files:
`DocBin.from_spacy_bytes` / `from_spacy_disk` (`docbin_spacy.py`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgpack

from .. import attrs as A
from ..errors import (
    Errors,
    FormatError,
    InputError,
    InputTypeError,
    OutOfRange,
    SerializationError,
)
from . import docbin_format as fmt
from .arrays import ATTR_COLUMN
from .doc import Doc
from .docbin_block import OPTIONAL, Block, BlockBuilder

if TYPE_CHECKING:
    from ..vocab import Vocab
    from .docbin_stream import DocBinFile

#: spaCy's default attributes (every token annotation plait stores)
ALL_ATTRS = ("ORTH", "NORM", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "ENT_KB_ID", "ENT_ID",
             "LEMMA", "MORPH", "POS", "SENT_START")
_ALWAYS = frozenset({A.ORTH, A.SPACY})
#: docs per chunk written by to_bytes (one string table per chunk)
CHUNK_DOCS = 50_000


def attr_columns(attrs: Iterable[str | int]) -> tuple[list[str], list[str]]:
    """(attribute names, column names) for `attrs=`; E360 for one DocBin cannot store."""
    if isinstance(attrs, (str, int)):
        attrs = [attrs]
    names, columns = [], []
    for attr in attrs:
        attr_id = A.intify_attr(attr)
        if attr_id in _ALWAYS:
            name = A.NAMES[attr_id]
        elif attr_id in ATTR_COLUMN:
            name = A.NAMES[attr_id]
            if ATTR_COLUMN[attr_id] not in columns:
                columns.append(ATTR_COLUMN[attr_id])
        else:
            raise InputError(Errors.E360.format(name=A.NAMES.get(attr_id, attr),
                                                options=", ".join(ALL_ATTRS)))
        if name not in names:
            names.append(name)
    order = {name: i for i, name in enumerate(OPTIONAL)}
    return names, sorted(columns, key=order.__getitem__)


class DocBin:
    """A collection of docs stored column-wise for fast, compact, safe serialization.

    `attrs`: the token attributes to store (ORTH and SPACY always are); `store_user_data`:
    also store `doc.user_data` (extension values); `compression`: "zstd" (the default when
    zstandard is installed, else "zlib"), "zlib", "lz4" or "none".
    """

    def __init__(
        self,
        attrs: Iterable[str | int] = ALL_ATTRS,
        store_user_data: bool = False,
        docs: Iterable[Doc] = (),
        *,
        compression: str | None = None,
    ) -> None:
        self.attrs, self._columns = attr_columns(attrs)
        self.store_user_data = bool(store_user_data)
        self.compression = fmt.check_method(compression)
        self._blocks: list[Block] = []
        self._pending = BlockBuilder(self._columns, self.store_user_data)
        self._vocab: Vocab | None = None
        for doc in docs:
            self.add(doc)

    # --- adding --------------------------------------------------------------------------

    def add(self, doc: Doc) -> None:
        """Add a doc (a snapshot: later changes to the doc are not seen).

        Raises InputTypeError E358 for a non-Doc, SerializationError E357/E365 for user data
        that cannot be stored (with store_user_data=True), naming its key.
        """
        if not isinstance(doc, Doc):
            raise InputTypeError(Errors.E358.format(type=type(doc).__name__))
        self._pending.add(doc)

    def merge(self, other: DocBin) -> None:
        """Append the docs of another DocBin with the same attrs."""
        if not isinstance(other, DocBin):
            raise InputTypeError(Errors.E090.format(what="DocBin.merge's argument",
                                                    expected="a DocBin",
                                                    type=type(other).__name__))
        if set(self.attrs) != set(other.attrs):
            raise InputError(Errors.E359.format(what="attrs", mine=sorted(self.attrs),
                                                theirs=sorted(other.attrs)))
        self._seal()
        self._blocks.extend(other._sealed())
        self.store_user_data = self.store_user_data or other.store_user_data
        self._pending = BlockBuilder(self._columns, self.store_user_data)

    def __len__(self) -> int:
        return sum(b.n_docs for b in self._blocks) + len(self._pending)

    def _seal(self) -> None:
        if len(self._pending):
            self._blocks.append(self._pending.build())
            self._pending = BlockBuilder(self._columns, self.store_user_data)

    def _sealed(self) -> list[Block]:
        self._seal()
        return self._blocks

    # --- reading docs --------------------------------------------------------------------

    def get_docs(self, vocab: Vocab) -> Iterator[Doc]:
        """Yield the docs, built on `vocab` (its strings grow with the docs' strings)."""
        for block in self._sealed():
            yield from block.docs(vocab, self._bad("<DocBin>"))

    def get_doc(self, i: int, vocab: Vocab | None = None) -> Doc:
        """Build doc `i` alone (the others are not decoded); `vocab` defaults to a shared one."""
        blocks = self._sealed()
        n = len(self)
        if not isinstance(i, int) or isinstance(i, bool):
            raise InputTypeError(Errors.E090.format(what="A DocBin index", expected="an int",
                                                    type=type(i).__name__))
        j = i + n if i < 0 else i
        if not 0 <= j < n:
            raise OutOfRange(Errors.E361.format(i=i, n=n))
        ends = []
        total = 0
        for block in blocks:
            total += block.n_docs
            ends.append(total)
        b = bisect.bisect_right(ends, j)
        k = j - (ends[b - 1] if b else 0)
        return blocks[b].doc(k, vocab or self._default_vocab(), self._bad("<DocBin>"))

    def __getitem__(self, i: int) -> Doc:
        return self.get_doc(i)

    def __iter__(self) -> Iterator[Doc]:
        return self.get_docs(self._default_vocab())

    def _default_vocab(self) -> Vocab:
        if self._vocab is None:
            from ..vocab import Vocab

            self._vocab = Vocab()
        return self._vocab

    @staticmethod
    def _bad(source: str) -> Any:
        return lambda reason: FormatError(Errors.E350.format(source=source, reason=reason))

    # --- bytes and disk ------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        """Serialize all docs (see docs/formats.md, "DocBin")."""
        parts = [fmt.preamble()]
        pos = len(parts[0])
        chunks = []
        for block in self._sealed():
            data = encode_block(block, self.compression)
            chunks.append([pos, block.n_docs])
            parts.append(data)
            pos += len(data)
        parts.append(fmt.index_bytes(self.attrs, self.store_user_data, chunks))
        parts.append(fmt.trailer(pos))
        return b"".join(parts)

    def from_bytes(self, bytes_data: bytes) -> DocBin:
        """Load what `to_bytes` wrote, replacing this DocBin's docs (validated first)."""
        if not isinstance(bytes_data, (bytes, bytearray, memoryview)):
            raise InputTypeError(Errors.E090.format(what="DocBin.from_bytes' data",
                                                    expected="bytes",
                                                    type=type(bytes_data).__name__))
        blocks, attrs, store = decode_all(bytes(bytes_data), "<bytes>")
        self.attrs, self._columns = attr_columns(attrs)
        self.store_user_data = store
        self._blocks = blocks
        self._pending = BlockBuilder(self._columns, self.store_user_data)
        return self

    def to_disk(self, path: str | Path) -> None:
        """Write `to_bytes` output to a file, atomically (conventional suffix: `.plaitdb`)."""
        from ..persist.atomic import atomic_write_bytes

        path = Path(path)
        try:
            atomic_write_bytes(path, self.to_bytes())
        except OSError as e:
            raise SerializationError(Errors.E368.format(path=path, error=e)) from e

    def from_disk(self, path: str | Path) -> DocBin:
        """Load a file written by `to_disk`."""
        path = Path(path)
        if not path.is_file():
            raise FormatError(Errors.E008.format(path=path))
        try:
            data = path.read_bytes()
        except OSError as e:
            raise FormatError(Errors.E367.format(source=path, error=e)) from e
        blocks, attrs, store = decode_all(data, str(path))
        self.attrs, self._columns = attr_columns(attrs)
        self.store_user_data = store
        self._blocks = blocks
        self._pending = BlockBuilder(self._columns, self.store_user_data)
        return self

    @staticmethod
    def open(path: str | Path) -> DocBinFile:
        """Open a DocBin file for streaming and random access without reading it whole."""
        from .docbin_stream import DocBinFile

        return DocBinFile(path)

    @classmethod
    def from_spacy_bytes(cls, data: bytes) -> DocBin:
        """Read a spaCy DocBin (`.spacy` bytes) into a new DocBin."""
        from .docbin_spacy import read_spacy

        return read_spacy(cls, data, "<bytes>")

    @classmethod
    def from_spacy_disk(cls, path: str | Path) -> DocBin:
        """Read a spaCy `.spacy` file into a new DocBin."""
        from .docbin_spacy import read_spacy

        path = Path(path)
        if not path.is_file():
            raise FormatError(Errors.E008.format(path=path))
        return read_spacy(cls, path.read_bytes(), str(path))

    def __reduce__(self) -> tuple:
        return (_docbin_from_bytes, (self.to_bytes(),))


def _docbin_from_bytes(data: bytes) -> DocBin:
    return DocBin().from_bytes(data)


def encode_block(block: Block, method: str) -> bytes:
    """One chunk: msgpack the block's payload, compress, prefix its head."""
    payload = msgpack.packb(block.to_msg(), use_bin_type=True)
    return fmt.chunk_bytes(fmt.CHUNK_TAG, method, block.n_docs, payload)


def decode_all(data: bytes, source: str) -> tuple[list[Block], list[str], bool]:
    """Validate and decode every chunk of DocBin bytes: (blocks, attrs, store_user_data)."""
    view = memoryview(data)
    pos = 0

    def read(n: int) -> bytes:
        nonlocal pos
        out = view[pos:pos + n]
        pos += len(out)
        return out.tobytes()

    blocks = []
    for item in fmt.iter_chunks(read, source):
        if item[0] == "index":
            return blocks, item[1], item[2]
        _offset, head, payload = item
        block = Block.from_msg(fmt.unpack(payload, source), source)
        if block.n_docs != head.n_docs:
            raise FormatError(Errors.E350.format(source=source,
                                                 reason="a chunk's doc count disagrees with its head"))
        blocks.append(block)
    raise FormatError(Errors.E350.format(source=source, reason="the index is missing"))
