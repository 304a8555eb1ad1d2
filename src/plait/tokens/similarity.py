"""Vectors and cosine similarity shared by Doc, Span, Token and Lexeme."""

from __future__ import annotations

from typing import Any

import numpy as np

from ..errors import Warnings, warn


def cosine(obj: Any, other: Any) -> float:
    """Cosine similarity of `obj.vector` and `other.vector`.

    Returns 0.0 and emits W010 when either side has no vector (or a zero vector).
    """
    if not obj.has_vector or not other.has_vector:
        which = "the first object" if not obj.has_vector else "the second object"
        warn(Warnings.W010.format(obj=_name(obj), other=_name(other), which=which), stacklevel=3)
        return 0.0
    a = np.asarray(obj.vector, dtype=np.float64)
    b = np.asarray(other.vector, dtype=np.float64)
    if a.shape != b.shape:
        return 0.0
    norm = float(np.linalg.norm(a) * np.linalg.norm(b))
    if norm == 0.0:
        warn(Warnings.W010.format(obj=_name(obj), other=_name(other), which="a zero vector"))
        return 0.0
    return float(np.dot(a, b) / norm)


def _name(obj: Any) -> str:
    return f"{type(obj).__name__} {str(getattr(obj, 'text', obj))[:30]!r}"


def token_vectors(vocab: Any, orths: np.ndarray) -> np.ndarray:
    """The vector of each orth (zeros for orths without one), shape (n, width)."""
    table = vocab.vectors
    width = table.width
    if not width or len(orths) == 0:
        return np.zeros((len(orths), width), dtype=np.float32)
    key2row = table.key2row
    rows = np.fromiter(
        (key2row.get(o, -1) for o in orths.tolist()), dtype=np.int64, count=len(orths)
    )
    out = table.data[np.maximum(rows, 0)].astype(np.float32, copy=True)
    out[rows < 0] = 0.0
    return out


def mean_vector(vocab: Any, orths: np.ndarray) -> np.ndarray:
    """Mean of the token vectors (zeros of the table's width for no tokens or no vectors)."""
    width = vocab.vectors.width
    if len(orths) == 0 or not width:
        return np.zeros((width,), dtype=np.float32)
    return token_vectors(vocab, orths).mean(axis=0).astype(np.float32)


def any_vector(vocab: Any, orths: np.ndarray) -> bool:
    """True when at least one orth has a vector."""
    table = vocab.vectors
    if not table.width:
        return False
    return any(o in table for o in orths.tolist())
