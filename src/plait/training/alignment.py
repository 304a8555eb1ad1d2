"""Alignment of two tokenizations of the same text (whitespace and case ignored).

`Alignment.from_strings(A, B)` maps each token of A to the tokens of B whose characters
overlap it (`x2y`), and back (`y2x`). Each direction is an `AlignmentArray`: `lengths[i]`
tokens for token i, stored flat in `data`; `array[i]` gives them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..errors import Errors, InputError


class AlignmentArray:
    """A ragged int array: the aligned token indices of each token."""

    def __init__(self, lengths: np.ndarray, data: np.ndarray) -> None:
        self.lengths = lengths.astype(np.int32)
        self.data = data.astype(np.int32)
        self._starts = np.concatenate([[0], np.cumsum(self.lengths)[:-1]]).astype(np.int64)

    @property
    def dataXd(self) -> np.ndarray:
        """The flat data (spaCy's name)."""
        return self.data

    def __len__(self) -> int:
        return len(self.lengths)

    def __getitem__(self, i: int | slice) -> np.ndarray:
        if isinstance(i, slice):
            start, stop, _ = i.indices(len(self.lengths))
            if stop <= start:
                return np.zeros(0, dtype=np.int32)
            return self.data[self._starts[start]:self._starts[stop - 1] + self.lengths[stop - 1]]
        return self.data[self._starts[i]:self._starts[i] + self.lengths[i]]

    @classmethod
    def identity(cls, n: int) -> AlignmentArray:
        """Each token aligned to the token with the same index."""
        return cls(np.ones(n, dtype=np.int32), np.arange(n, dtype=np.int32))


def _char_spans(words: Sequence[str]) -> tuple[np.ndarray, np.ndarray, str]:
    """Start/end of each word in the text with all whitespace removed, and that text."""
    stripped = ["".join(w.split()).lower() for w in words]
    lengths = np.asarray([len(w) for w in stripped], dtype=np.int64)
    ends = np.cumsum(lengths)
    return ends - lengths, ends, "".join(stripped)


def _overlaps(a_starts: np.ndarray, a_ends: np.ndarray, b_starts: np.ndarray,
              b_ends: np.ndarray) -> AlignmentArray:
    first = np.searchsorted(b_ends, a_starts, side="right")
    last = np.searchsorted(b_starts, a_ends, side="left") - 1
    empty = a_ends <= a_starts
    lengths = np.where(empty, 0, np.maximum(last - first + 1, 0))
    data = [np.arange(f, f + n) for f, n in zip(first.tolist(), lengths.tolist()) if n]
    flat = np.concatenate(data) if data else np.zeros(0, dtype=np.int64)
    return AlignmentArray(lengths, flat)


class Alignment:
    """Token alignment both ways between tokenizations `x` (predicted) and `y` (reference)."""

    def __init__(self, x2y: AlignmentArray, y2x: AlignmentArray,
                 x_spans: tuple[np.ndarray, np.ndarray] | None = None,
                 y_spans: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        self.x2y = x2y
        self.y2x = y2x
        self.x_spans = x_spans
        self.y_spans = y_spans

    @classmethod
    def from_strings(cls, A: Sequence[str], B: Sequence[str]) -> Alignment:
        """Align two token lists of the same text; E551 when the texts differ."""
        a_starts, a_ends, a_text = _char_spans(A)
        b_starts, b_ends, b_text = _char_spans(B)
        if a_text != b_text:
            raise InputError(Errors.E551.format(x=" ".join(A)[:80], y=" ".join(B)[:80]))
        return cls(
            _overlaps(a_starts, a_ends, b_starts, b_ends),
            _overlaps(b_starts, b_ends, a_starts, a_ends),
            (a_starts, a_ends), (b_starts, b_ends),
        )

    @classmethod
    def identity(cls, n: int) -> Alignment:
        """The alignment of a tokenization with itself."""
        return cls(AlignmentArray.identity(n), AlignmentArray.identity(n))

    @property
    def is_identity(self) -> bool:
        """True when every token aligns one-to-one with the token at the same index."""
        x2y = self.x2y
        return bool(
            len(x2y) == len(self.y2x) and np.all(x2y.lengths == 1)
            and np.array_equal(x2y.data, np.arange(len(x2y)))
        )
