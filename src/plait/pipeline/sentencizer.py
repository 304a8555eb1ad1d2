"""The `sentencizer`: sentence boundaries from sentence-final punctuation, no model needed."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import numpy as np

from .. import serialize
from ..errors import Errors, FormatError, InputTypeError
from ..language import Language
from ..strings import get_string_id
from ..tokens import Doc

# Sentence-final marks of many scripts: Latin, Armenian, Arabic, Syriac, Devanagari,
# Myanmar, Ethiopic, Khmer, Mongolian, CJK (full- and half-width), and doubled marks.
DEFAULT_PUNCT_CHARS: tuple[str, ...] = (
    ".", "!", "?", "\u0589", "\u061f", "\u06d4", "\u0700", "\u0701", "\u0702", "\u0964",
    "\u0965", "\u104a", "\u104b", "\u1362", "\u1367", "\u1368", "\u17d4", "\u17d5",
    "\u1803", "\u1809", "\u203c", "\u203d", "\u2047", "\u2048", "\u2049", "\u3002",
    "\ufe52", "\ufe56", "\ufe57", "\uff01", "\uff0e", "\uff1f", "\uff61",
)  # fmt: skip


class Sentencizer:
    """Split a doc into sentences after tokens made of sentence-final punctuation.

    A token whose text is in `punct_chars` ends a sentence; punctuation right after it
    (closing quotes, brackets, more marks) stays in that sentence, and the next other
    token starts a new one. With `overwrite=False`, boundaries already set are kept.
    """

    def __init__(
        self,
        name: str = "sentencizer",
        *,
        punct_chars: Iterable[str] | None = None,
        overwrite: bool = False,
        scorer: Callable | None = None,
    ) -> None:
        self.name = name
        self.punct_chars = _check_punct_chars(punct_chars)
        self.overwrite = overwrite
        self.scorer = scorer

    def __call__(self, doc: Doc) -> Doc:
        """Set `token.is_sent_start` on `doc` and return it."""
        self.set_annotations([doc], self.predict([doc]))
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of docs."""
        for doc in stream:
            yield self(doc)

    def predict(self, docs: Iterable[Doc]) -> list[np.ndarray]:
        """Return, per doc, an int8 array of 1 (sentence start) / -1 (not a start)."""
        marks = self._mark_hashes()
        result = []
        for doc in docs:
            n = len(doc)
            starts = np.full(n, -1, dtype=np.int8)
            if n:
                # A token that is neither a mark nor punctuation starts a sentence when a
                # mark stands between it and the previous such token (column-wise, no loop).
                is_mark = np.array([o in marks for o in doc.to_array("ORTH").tolist()], dtype=bool)
                punct = doc.to_array("IS_PUNCT").astype(bool)
                words = np.flatnonzero(~is_mark & ~punct)
                marks_before = np.cumsum(is_mark)[words]
                previous = np.concatenate(([0], marks_before[:-1]))
                starts[words[marks_before > previous]] = 1
                starts[0] = 1
            result.append(starts)
        return result

    def _mark_hashes(self) -> frozenset[int]:
        """The string hashes of `punct_chars` (stable: they do not depend on the vocab)."""
        key = frozenset(self.punct_chars)
        cached = getattr(self, "_marks_cache", None)
        if cached is None or cached[0] != key:
            cached = self._marks_cache = (key, frozenset(get_string_id(c) for c in key))
        return cached[1]

    def set_annotations(self, docs: Iterable[Doc], batch_tag_ids: list[np.ndarray]) -> None:
        """Write predicted boundaries into the docs (only unset ones unless `overwrite`)."""
        for doc, starts in zip(docs, batch_tag_ids):
            if not len(doc):
                continue
            if not self.overwrite:
                current = doc.to_array("SENT_START").astype(np.int64)
                starts = np.where(current != 0, current, starts)
            doc.from_array(["SENT_START"], starts.astype(np.int64).astype(np.uint64)[:, None])

    def initialize(self, get_examples: Callable | None = None, *, nlp: Language | None = None) -> None:
        """Nothing to learn; present for the pipeline's `initialize`."""

    # --- serialization -----------------------------------------------------------------

    def _cfg(self) -> dict[str, Any]:
        return {"punct_chars": sorted(self.punct_chars), "overwrite": self.overwrite}

    def _set_cfg(self, data: bytes, where: object) -> None:
        try:
            cfg = json.loads(data)
            punct_chars, overwrite = cfg["punct_chars"], bool(cfg.get("overwrite", False))
        except (ValueError, KeyError, TypeError) as e:
            raise FormatError(Errors.E485.format(name=self.name, path=where, reason=e)) from e
        self.punct_chars = _check_punct_chars(punct_chars)
        self.overwrite = overwrite

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the settings (punctuation, overwrite)."""
        return serialize.to_bytes({"cfg": lambda: json.dumps(self._cfg()).encode("utf8")}, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> Sentencizer:
        """Load settings from `to_bytes` output."""
        serialize.from_bytes(bytes_data, {"cfg": lambda b: self._set_cfg(b, "<bytes>")}, exclude)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the settings to `path/cfg` (JSON)."""
        serialize.to_disk(
            path,
            {"cfg": lambda p: serialize.write_bytes(p, json.dumps(self._cfg()).encode("utf8"))},
            exclude,
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Sentencizer:
        """Read settings written by `to_disk`."""
        path = Path(path)
        if path.is_file():  # spaCy writes the sentencizer's settings as one JSON file
            self._set_cfg(_read(path), path)
            return self
        serialize.from_disk(path, {"cfg": lambda p: self._set_cfg(_read(p), p)}, exclude)
        return self


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise FormatError(Errors.E483.format(action="read", path=path, error=e)) from e


def _check_punct_chars(punct_chars: Iterable[str] | None) -> set[str]:
    if punct_chars is None:
        return set(DEFAULT_PUNCT_CHARS)
    if isinstance(punct_chars, str) or not isinstance(punct_chars, Iterable):
        raise InputTypeError(
            Errors.E478.format(value=punct_chars, type=type(punct_chars).__name__)
        )
    chars = list(punct_chars)
    if not all(isinstance(c, str) and c for c in chars):
        raise InputTypeError(Errors.E478.format(value=chars, type="list"))
    return set(chars)


@Language.factory(
    "sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={"punct_chars": None, "overwrite": False},
    default_score_weights={"sents_f": 1.0, "sents_p": 0.0, "sents_r": 0.0},
)
def make_sentencizer(
    nlp: Language, name: str, punct_chars: list[str] | None, overwrite: bool
) -> Sentencizer:
    """Create a `Sentencizer` (factory "sentencizer")."""
    return Sentencizer(name, punct_chars=punct_chars, overwrite=overwrite)
