"""Vectors: a table of word vectors keyed by string hash (rows of one float32 array).

On disk a table is a directory holding one uncompressed `plait.persist` file (`table.plait`:
the float32 data, the keys and their rows, the name), so `from_disk` memory-maps the data
instead of reading it: loading a large table costs the key map only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import msgpack
import numpy as np

from .errors import Errors, FormatError, InputError

#: the file inside a `Vectors.to_disk` directory
TABLE_FILE = "table.plait"


class Vectors:
    """A float32 table `data` of shape (n_rows, width) and a map key (hash) -> row.

    Empty by default (shape (0, 0)); the first `add` fixes the width.
    """

    def __init__(
        self,
        *,
        shape: tuple[int, int] | None = None,
        data: np.ndarray | None = None,
        keys: Iterable[int] | None = None,
        name: str | None = None,
    ) -> None:
        if data is None:
            data = np.zeros(shape or (0, 0), dtype=np.float32)
        self.data = np.ascontiguousarray(data, dtype=np.float32)
        self.key2row: dict[int, int] = {}
        self.name = name
        if keys is not None:
            for row, key in enumerate(keys):
                self.key2row[int(key)] = row
        self._next_row = len(self.key2row)
        # True once `add` has grown the table: rows past the used ones are then spare
        self._spare = False

    @property
    def shape(self) -> tuple[int, int]:
        return tuple(self.data.shape)  # type: ignore[return-value]

    @property
    def width(self) -> int:
        return int(self.data.shape[1]) if self.data.ndim == 2 else 0

    def __len__(self) -> int:
        return len(self.key2row)

    @property
    def n_keys(self) -> int:
        return len(self.key2row)

    def __contains__(self, key: int) -> bool:
        return key in self.key2row

    def __iter__(self) -> Iterator[int]:
        return iter(self.key2row)

    def keys(self):
        return self.key2row.keys()

    def __getitem__(self, key: int) -> np.ndarray:
        return self.data[self.key2row[key]]

    def add(self, key: int, *, vector: np.ndarray | None = None, row: int | None = None) -> int:
        """Add `key` with its `vector` (or point it at an existing `row`); return the row."""
        if row is not None:
            self.key2row[key] = row
            return row
        vector = np.asarray(vector, dtype=np.float32)
        if vector.ndim != 1 or (self.width and vector.shape[0] != self.width):
            raise InputError(Errors.E004.format(key=key, shape=vector.shape, width=self.width))
        if not self.width:
            self.data = np.zeros((16, vector.shape[0]), dtype=np.float32)
            self._next_row = 0
            self._spare = True
        elif not self.data.flags.writeable:
            # a read-only memory map: edit a private copy, the file stays as it is
            self.data = np.array(self.data)
        row = self.key2row.get(key)
        if row is None:
            row = self._next_row
            if row >= self.data.shape[0]:
                grown = np.zeros((max(16, self.data.shape[0] * 2), self.width), dtype=np.float32)
                grown[: self.data.shape[0]] = self.data
                self.data = grown
                self._spare = True
            self.key2row[key] = row
            self._next_row += 1
        self.data[row] = vector
        return row

    def _saved_data(self) -> np.ndarray:
        """The rows worth saving: all of them, unless `add` left spare rows at the end."""
        if not self._spare or not self.width:
            return self.data
        n = max(self._next_row, max(self.key2row.values(), default=-1) + 1)
        return self.data[:n]

    def to_bytes(self, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the table as msgpack with the raw float32 bytes (cannot be mapped)."""
        data = self._saved_data()
        return msgpack.packb(
            {
                "shape": list(data.shape),
                "data": np.ascontiguousarray(data, dtype="<f4").tobytes(),
                "keys": list(self.key2row.keys()),
                "rows": list(self.key2row.values()),
                "name": self.name,
            },
            use_bin_type=True,
        )

    def from_bytes(self, data: bytes, exclude: Iterable[str] = ()) -> Vectors:
        """Load what `to_bytes` wrote (the data is copied into memory)."""
        try:
            msg = msgpack.unpackb(data, raw=False)
            shape = tuple(int(x) for x in msg["shape"])
            arr = np.frombuffer(msg["data"], dtype="<f4").reshape(shape).astype(np.float32)
            keys, rows = msg["keys"], msg["rows"]
            if len(keys) != len(rows) or any(not 0 <= r < max(shape[0], 1) for r in rows):
                raise ValueError("keys and rows do not match the table")
        except Exception as e:
            reason = f"bad vectors ({e})"
            raise FormatError(Errors.E006.format(path="<bytes>", reason=reason)) from e
        self.data = arr
        self.key2row = dict(zip(keys, rows))
        self._next_row = shape[0]
        self._spare = False
        self.name = msg.get("name")
        return self

    def to_disk(self, path: str | Path, exclude: Iterable[str] = (), *,
                durable: bool = True) -> None:
        """Write directory `path` holding the table as one mappable plait.persist file.

        `durable=False` skips the fsync, for scratch copies (e.g. for worker processes).
        """
        from . import persist

        path = Path(path)
        if path.is_file():  # a table saved as msgpack bytes (before tables were mappable)
            path.unlink()
        path.mkdir(parents=True, exist_ok=True)
        persist.dump(
            {
                "data": np.ascontiguousarray(self._saved_data(), dtype=np.float32),
                "keys": np.fromiter(self.key2row.keys(), dtype=np.uint64, count=len(self)),
                "rows": np.fromiter(self.key2row.values(), dtype=np.int64, count=len(self)),
                "name": self.name,
            },
            path / TABLE_FILE,
            compress=False,
            durable=durable,
        )

    def from_disk(self, path: str | Path, exclude: Iterable[str] = (), *,
                  mmap: bool = True) -> Vectors:
        """Load a `to_disk` directory; with `mmap` the data is a copy-on-write memory map.

        Edits of a mapped table (`add`) stay in memory; the file is never written to.
        """
        from . import persist

        path = Path(path)
        if path.is_file():
            # the msgpack file written by Vocab.to_disk before tables were mappable
            return self.from_bytes(path.read_bytes())
        if not (path / TABLE_FILE).exists():
            raise FormatError(Errors.E008.format(path=path / TABLE_FILE))
        saved = persist.load(path / TABLE_FILE, mmap_mode="c" if mmap else None)
        self._set_table(saved, path / TABLE_FILE)
        return self

    def _set_table(self, saved: object, where: Path) -> None:
        """Adopt a loaded {data, keys, rows, name} table after checking it fits together."""
        try:
            if not isinstance(saved, dict):
                raise TypeError(f"expected a dict, got {type(saved).__name__}")
            data, keys, rows = saved["data"], saved["keys"], saved["rows"]
            name = saved.get("name")
            if not all(isinstance(a, np.ndarray) for a in (data, keys, rows)):
                raise TypeError("data, keys and rows must be arrays")
            if data.dtype != np.float32 or data.ndim != 2:
                raise ValueError(f"data must be 2-d float32, got {data.dtype} {data.shape}")
            if keys.shape != rows.shape or keys.ndim != 1:
                raise ValueError(f"{keys.shape[0]} keys but {rows.shape[0]} rows")
            if rows.size and (int(rows.min()) < 0 or int(rows.max()) >= data.shape[0]):
                raise ValueError(f"a row is outside the table of {data.shape[0]} rows")
            if name is not None and not isinstance(name, str):
                raise TypeError(f"name must be a str, got {type(name).__name__}")
        except (KeyError, TypeError, ValueError) as e:
            raise FormatError(Errors.E010.format(path=where, reason=e)) from e
        self.data = data
        self.key2row = dict(zip(keys.tolist(), rows.tolist()))
        self._next_row = int(data.shape[0])
        self._spare = False
        self.name = name
