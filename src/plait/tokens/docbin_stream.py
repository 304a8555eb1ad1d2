"""DocBin files bigger than memory: a streaming writer and a chunk-by-chunk reader.

`DocBinWriter(path)` appends docs and writes a chunk every `chunk_size` docs (memory holds
one chunk); the file appears at `path` only when the writer is closed without error.
`DocBin.open(path)` returns a `DocBinFile`: `len`, `get_docs(vocab)` (one chunk in memory
at a time) and `docbin_file[i]` (reads and decodes only the chunk that holds doc i).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, BinaryIO

from ..errors import Errors, FormatError, InputError, InputTypeError, OutOfRange
from . import docbin_format as fmt
from .docbin import ALL_ATTRS, attr_columns, encode_block
from .docbin_block import Block, BlockBuilder

if TYPE_CHECKING:
    from ..vocab import Vocab
    from .doc import Doc


class DocBinWriter:
    """Write docs to a DocBin file in chunks of `chunk_size` docs, with bounded memory."""

    def __init__(
        self,
        path: str | Path,
        attrs: Iterable[str | int] = ALL_ATTRS,
        store_user_data: bool = False,
        *,
        compression: str | None = None,
        chunk_size: int = 1000,
    ) -> None:
        from ..persist.atomic import atomic_open

        if not isinstance(chunk_size, int) or isinstance(chunk_size, bool) or chunk_size < 1:
            raise InputError(Errors.E366.format(value=chunk_size))
        self.path = Path(path)
        self.attrs, self._columns = attr_columns(attrs)
        self.store_user_data = bool(store_user_data)
        self.compression = fmt.check_method(compression)
        self.chunk_size = chunk_size
        self._builder = BlockBuilder(self._columns, self.store_user_data)
        self._chunks: list[list[int]] = []
        self._opener = atomic_open(self.path)
        self._file: BinaryIO | None = self._opener.__enter__()
        self._pos = 0
        self._write(fmt.preamble())

    def _write(self, data: bytes) -> None:
        view = memoryview(data)
        while view:
            n = self._file.write(view)  # type: ignore[union-attr]
            view = view[n:]
        self._pos += len(data)

    def add(self, doc: Doc) -> None:
        """Add a doc; a full chunk is compressed and written."""
        from .doc import Doc

        if self._file is None:
            raise InputError(Errors.E363.format(path=self.path))
        if not isinstance(doc, Doc):
            raise InputTypeError(Errors.E358.format(type=type(doc).__name__))
        self._builder.add(doc)
        if len(self._builder) >= self.chunk_size:
            self._flush()

    def _flush(self) -> None:
        if len(self._builder):
            block = self._builder.build()
            self._builder = BlockBuilder(self._columns, self.store_user_data)
            self._chunks.append([self._pos, block.n_docs])
            self._write(encode_block(block, self.compression))

    def __len__(self) -> int:
        return sum(n for _o, n in self._chunks) + len(self._builder)

    def close(self) -> None:
        """Write the last chunk, the index and the trailer; the file then appears at `path`."""
        if self._file is None:
            return
        try:
            self._flush()
            index_at = self._pos
            self._write(fmt.index_bytes(self.attrs, self.store_user_data, self._chunks))
            self._write(fmt.trailer(index_at))
        except BaseException as e:
            self.abort(e)
            raise
        self._file = None
        self._opener.__exit__(None, None, None)

    def abort(self, error: BaseException | None = None) -> None:
        """Stop writing and remove the temporary file (`path` is left as it was)."""
        if self._file is None:
            return
        self._file = None
        err = error or InputError(Errors.E363.format(path=self.path))
        try:
            self._opener.__exit__(type(err), err, None)
        except BaseException as raised:
            if raised is not err:
                raise

    def __enter__(self) -> DocBinWriter:  # noqa: PYI034
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if exc is None:
            self.close()
        else:
            self.abort(exc)


class DocBinFile:
    """A DocBin file opened for streaming and random access (see `DocBin.open`)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.source = str(self.path)
        if not self.path.is_file():
            raise FormatError(Errors.E008.format(path=self.path))
        try:
            self._f: BinaryIO = open(self.path, "rb")  # noqa: SIM115 - closed by close()
        except OSError as e:
            raise FormatError(Errors.E367.format(source=self.path, error=e)) from e
        try:
            self._read_index()
        except BaseException:
            self._f.close()
            raise
        self._cache: tuple[int, Block] | None = None
        self._vocab: Vocab | None = None

    def _read_at(self, offset: int, n: int) -> bytes:
        self._f.seek(offset)
        return fmt.read_exact(self._f, n)

    def _read_index(self) -> None:
        size = self.path.stat().st_size
        fmt.check_preamble(self._read_at(0, fmt.PREAMBLE.size), self.source)
        min_size = fmt.PREAMBLE.size + fmt.HEAD.size + fmt.TRAILER.size
        if size < min_size:
            raise FormatError(Errors.E353.format(source=self.source, what="a DocBin file",
                                                 expected=min_size, got=size))
        index_at, end = fmt.TRAILER.unpack(self._read_at(size - fmt.TRAILER.size,
                                                         fmt.TRAILER.size))
        if end != fmt.END_MAGIC or not fmt.PREAMBLE.size <= index_at <= size - fmt.HEAD.size:
            raise FormatError(Errors.E350.format(
                source=self.source, reason="the trailer is missing or damaged (was the "
                "file cut short, or its writer not closed?)"))
        head = fmt.parse_head(self._read_at(index_at, fmt.HEAD.size), self.source, index_at)
        if head.tag != fmt.INDEX_TAG or index_at + fmt.HEAD.size + head.length + 16 != size:
            raise FormatError(Errors.E350.format(source=self.source,
                                                 reason="the trailer does not point at the index"))
        payload = fmt.read_payload(head, self._read_at(index_at + fmt.HEAD.size, head.length),
                                   self.source, index_at)
        attrs, store, chunks = fmt.parse_index(fmt.unpack(payload, self.source), self.source)
        prev = -1
        for i, (offset, _n) in enumerate(chunks):
            if ((i == 0 and offset != fmt.PREAMBLE.size) or offset <= prev
                    or offset + fmt.HEAD.size > index_at):
                raise FormatError(Errors.E350.format(source=self.source,
                                                     reason="the index offsets are out of order"))
            prev = offset
        self.attrs, _columns = attr_columns(attrs)
        self.store_user_data = store
        self._chunks = chunks
        self._index_at = index_at
        self._ends = []
        total = 0
        for _offset, n in chunks:
            total += n
            self._ends.append(total)
        if total != head.n_docs:
            raise FormatError(Errors.E350.format(source=self.source,
                                                 reason="the index doc counts disagree"))

    def __len__(self) -> int:
        return self._ends[-1] if self._ends else 0

    def _block(self, c: int) -> Block:
        if self._cache is not None and self._cache[0] == c:
            return self._cache[1]
        offset, n = self._chunks[c]
        head = fmt.parse_head(self._read_at(offset, fmt.HEAD.size), self.source, offset)
        end = self._chunks[c + 1][0] if c + 1 < len(self._chunks) else self._index_at
        if (head.tag != fmt.CHUNK_TAG or head.n_docs != n
                or offset + fmt.HEAD.size + head.length != end):
            raise FormatError(Errors.E350.format(source=self.source,
                                                 reason=f"no chunk of {n} docs at {offset}"))
        payload = fmt.read_payload(head, self._read_at(offset + fmt.HEAD.size, head.length),
                                   self.source, offset)
        block = Block.from_msg(fmt.unpack(payload, self.source), self.source)
        if block.n_docs != n:
            raise FormatError(Errors.E350.format(source=self.source,
                                                 reason="a chunk's doc count disagrees"))
        self._cache = (c, block)
        return block

    def _bad(self) -> Any:
        return lambda reason: FormatError(Errors.E350.format(source=self.source, reason=reason))

    def get_docs(self, vocab: Vocab) -> Iterator[Doc]:
        """Yield every doc, decoding one chunk at a time."""
        for c in range(len(self._chunks)):
            block = self._block(c)
            self._cache = None
            yield from block.docs(vocab, self._bad())

    def get_doc(self, i: int, vocab: Vocab | None = None) -> Doc:
        """Build doc `i`, reading only the chunk that holds it."""
        n = len(self)
        if not isinstance(i, int) or isinstance(i, bool):
            raise InputTypeError(Errors.E090.format(what="A DocBin index", expected="an int",
                                                    type=type(i).__name__))
        j = i + n if i < 0 else i
        if not 0 <= j < n:
            raise OutOfRange(Errors.E361.format(i=i, n=n))
        c = bisect.bisect_right(self._ends, j)
        k = j - (self._ends[c - 1] if c else 0)
        if vocab is None:
            if self._vocab is None:
                from ..vocab import Vocab

                self._vocab = Vocab()
            vocab = self._vocab
        return self._block(c).doc(k, vocab, self._bad())

    def __getitem__(self, i: int) -> Doc:
        return self.get_doc(i)

    def close(self) -> None:
        """Close the file."""
        self._f.close()

    def __enter__(self) -> DocBinFile:  # noqa: PYI034
        return self

    def __exit__(self, *args: object) -> None:
        self.close()
