"""Batches of docs as bytes, for sending docs from a worker back to the parent.

A batch is a `DocBin` (columnar: one buffer per token attribute for the whole batch, one
string table, user data, cats and span groups kept), uncompressed because it only crosses
a local pipe. Decoding costs a few numpy calls per batch and a few attribute writes per
doc, so the parent, which decodes every batch, stays far from being the bottleneck.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import Errors, FormatError, PlaitError
from ..tokens.docbin import DocBin

if TYPE_CHECKING:
    from ..tokens import Doc
    from ..vocab import Vocab


def encode_docs(docs: Sequence[Doc], compression: str = "none") -> bytes:
    """Encode a batch of docs with their user data (SerializationError when it cannot be)."""
    return DocBin(store_user_data=True, docs=docs, compression=compression).to_bytes()


def decode_docs(vocab: Vocab, data: bytes) -> list[Doc]:
    """Decode `encode_docs` output into docs of `vocab` (E753 for damaged data)."""
    try:
        return list(DocBin().from_bytes(data).get_docs(vocab))
    except PlaitError as e:
        raise FormatError(Errors.E753.format(reason=e)) from e
