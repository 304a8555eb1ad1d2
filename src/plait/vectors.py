"""Vectors: a table of word vectors keyed by string hash (rows of one float32 array)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import msgpack
import numpy as np

from .errors import Errors, FormatError, InputError


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
        row = self.key2row.get(key)
        if row is None:
            row = self._next_row
            if row >= self.data.shape[0]:
                grown = np.zeros((max(16, self.data.shape[0] * 2), self.width), dtype=np.float32)
                grown[: self.data.shape[0]] = self.data
                self.data = grown
            self.key2row[key] = row
            self._next_row += 1
        self.data[row] = vector
        return row

    def to_bytes(self, exclude: Iterable[str] = ()) -> bytes:
        n = self._next_row if self.key2row else 0
        data = self.data[:n] if self.width else self.data
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
        try:
            msg = msgpack.unpackb(data, raw=False)
            shape = tuple(int(x) for x in msg["shape"])
            arr = np.frombuffer(msg["data"], dtype="<f4").reshape(shape).astype(np.float32)
            keys, rows = msg["keys"], msg["rows"]
            if len(keys) != len(rows) or any(not 0 <= r < max(shape[0], 1) for r in rows):
                raise ValueError("keys and rows do not match the table")
        except Exception as e:
            raise FormatError(Errors.E006.format(path="<bytes>", reason=f"bad vectors ({e})")) from e
        self.data = arr
        self.key2row = dict(zip(keys, rows))
        self._next_row = shape[0]
        self.name = msg.get("name")
        return self
