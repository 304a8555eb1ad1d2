"""How much zstd input may be fed at once: a walk over the frame's block headers.

zstandard's decompressor objects have no output limit, so the reader feeds them input in
steps whose output is bounded in advance. Any 4 KiB of zstd can expand to ~128 MiB (a
run-length block is 4 bytes in and up to 128 KiB out), so 4 KiB is the step when nothing
else is known; but a block's header tells its output bound: a raw or run-length block makes
exactly its `Block_Size` bytes, a compressed one at most 128 KiB (RFC 8878, 3.1.1.2). Walking
the headers lets the reader feed up to a megabyte of ordinary data in one call, with the same
bound on what one call can allocate. Anything unexpected (a skippable frame, a reserved
bit, a block type 3) ends the walk, and the reader goes back to 4 KiB steps; the
decompressor itself still checks everything.
"""

from __future__ import annotations

MAGIC = b"\x28\xb5\x2f\xfd"
SAFE_STEP = 4096  # input whose output is bounded (~128 MiB) whatever it holds
OUTPUT_LIMIT = 1 << 20  # the most output that one fed step may make, when the walk knows
_MAX_BLOCK_OUT = 128 << 10
_DICT_ID_BYTES = (0, 1, 2, 4)
_FCS_BYTES = (0, 2, 4, 8)


def frame_header(data: bytes | memoryview) -> tuple[int, int] | None:
    """(header length, checksum length) of the zstd frame at the start of `data`, or None."""
    if len(data) < 6 or bytes(data[:4]) != MAGIC:
        return None
    descriptor = data[4]
    if descriptor & 0x08:  # reserved bit: the decompressor will refuse the frame
        return None
    single_segment = (descriptor >> 5) & 1
    fcs = _FCS_BYTES[descriptor >> 6] or single_segment
    length = 5 + (0 if single_segment else 1) + _DICT_ID_BYTES[descriptor & 3] + fcs
    return length, 4 if descriptor & 0x04 else 0


class ZstdBudget:
    """Says how many input bytes the reader may feed next, walking the block headers.

    `start` is the stream offset of `pending`'s first byte. `step(pending, start)` returns
    a count > 0 of bytes that may be fed, or 0 when the next block header is not all in
    `pending` yet (give more input; at the end of the input, feed SAFE_STEP steps).
    """

    def __init__(self) -> None:
        self._next: int | None = None  # stream offset of the next block header
        self._checksum = 0
        self._walking = True
        self._past_last_block = False

    def step(self, pending: memoryview, start: int) -> int:
        if not self._walking:
            return min(len(pending), SAFE_STEP)
        if self._next is None:
            if start != 0:
                return self._give_up(pending)
            header = frame_header(pending[:18])
            if header is None:
                return self._give_up(pending) if len(pending) >= 18 else 0
            self._next, self._checksum = header
        if self._past_last_block:  # only the checksum (and whatever follows) is left
            return min(len(pending), SAFE_STEP)
        end = start + len(pending)
        pos, out = self._next, 0
        while pos + 3 <= end:
            at = pos - start
            header = pending[at] | (pending[at + 1] << 8) | (pending[at + 2] << 16)
            last, kind, size = header & 1, (header >> 1) & 3, header >> 3
            if kind == 3:
                return self._give_up(pending)
            block_out = size if kind < 2 else _MAX_BLOCK_OUT
            if out and out + block_out > OUTPUT_LIMIT:
                break
            out += block_out
            pos += 3 + (1 if kind == 1 else size)
            if last:
                self._past_last_block = True
                pos += self._checksum
                break
        self._next = pos
        # bytes of a block already counted (fed in part before) need no more budget
        return max(min(pos, end) - start, 0)

    def _give_up(self, pending: memoryview) -> int:
        self._walking = False
        return min(len(pending), SAFE_STEP)
