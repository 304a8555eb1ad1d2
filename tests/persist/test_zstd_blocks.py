"""Tests for the zstd reader's input budget (plait.persist.zstd_blocks) and the reader using it."""

import io
import os

import pytest
import zstandard as zstd

from plait.persist import compress
from plait.persist.zstd_blocks import (
    MAGIC,
    OUTPUT_LIMIT,
    SAFE_STEP,
    ZstdBudget,
    frame_header,
)

MAX_BLOCK = 128 << 10


def streamed(data: bytes, level: int = 3) -> bytes:
    """A frame as plait writes it: streamed (no content size), with a checksum."""
    out = io.BytesIO()
    with zstd.ZstdCompressor(level=level, write_checksum=True).stream_writer(
            out, closefd=False) as w:
        w.write(data)
    return out.getvalue()


class Recording:
    """A zstd decompressor object that records the size of each output."""

    def __init__(self):
        self.d = zstd.ZstdDecompressor().decompressobj()
        self.sizes = []

    def decompress(self, data):
        out = self.d.decompress(data)
        self.sizes.append(len(out))
        return out

    @property
    def eof(self):
        return self.d.eof


def read_all(frame: bytes, chunk: int = 1 << 16) -> tuple[bytes, Recording, ZstdBudget]:
    holder = {}

    def make():
        holder["d"] = Recording()
        return holder["d"]

    budget = ZstdBudget()
    reader = compress._ObjReader(io.BytesIO(frame), make, budget)
    parts, buf = [], bytearray(chunk)
    while n := reader.readinto(buf):
        parts.append(bytes(buf[:n]))
    return b"".join(parts), holder["d"], budget


@pytest.mark.parametrize("checksum", [True, False])
@pytest.mark.parametrize("size", [1, 1000, 300_000])
def test_frame_header_matches_the_format(checksum, size):
    data = os.urandom(size)
    one_shot = zstd.ZstdCompressor(write_checksum=checksum).compress(data)  # content size
    length, check = frame_header(one_shot)
    assert check == (4 if checksum else 0)
    # the first block header follows: a valid type and the last-block flag on the last one
    first = int.from_bytes(one_shot[length:length + 3], "little")
    assert (first >> 1) & 3 != 3
    assert frame_header(streamed(data))[1] == 4


def test_frame_header_refuses_what_is_not_a_plain_frame():
    assert frame_header(b"\x50\x2a\x4d\x18" + bytes(10)) is None  # a skippable frame
    assert frame_header(MAGIC + b"\x08" + bytes(10)) is None  # reserved bit
    assert frame_header(MAGIC) is None


CASES = {
    "raw blocks": lambda: os.urandom(3 << 20),
    "run-length blocks": lambda: bytes(12 << 20),  # 12 MiB from a few hundred bytes
    "mixed": lambda: (os.urandom(1000) + bytes(50_000)) * 100,
    "compressed blocks": lambda: b"plait " * 500_000,
}


@pytest.mark.parametrize("case", list(CASES))
def test_reader_round_trips_with_bounded_output_per_call(case):
    data = CASES[case]()
    frame = streamed(data)
    out, rec, budget = read_all(frame)
    assert out == data
    assert budget._walking  # the walk understood every block
    assert max(rec.sizes) <= OUTPUT_LIMIT + MAX_BLOCK
    # steps end at the output limit or at the end of an input chunk, not every 4 KiB
    assert len(rec.sizes) <= len(data) // (OUTPUT_LIMIT - MAX_BLOCK) + len(frame) // (1 << 20) + 3


def test_a_run_length_bomb_is_fed_in_bounded_steps():
    # hand-made frame: window 128 KiB, no checksum, 2,000 run-length blocks of 128 KiB each
    header = MAGIC + b"\x00" + b"\x38"  # descriptor: no size/dict/checksum; window 2^17
    block = ((MAX_BLOCK << 3) | (1 << 1)).to_bytes(3, "little") + b"x"
    last = ((MAX_BLOCK << 3) | (1 << 1) | 1).to_bytes(3, "little") + b"x"
    frame = header + block * 1999 + last
    out, rec, _ = read_all(frame, chunk=1 << 20)
    assert len(out) == 2000 * MAX_BLOCK and set(out) == {ord("x")}
    assert max(rec.sizes) <= OUTPUT_LIMIT + MAX_BLOCK


def test_truncated_frames_are_errors_never_short_data():
    data = os.urandom(200_000) + bytes(300_000)
    frame = streamed(data)
    for cut in list(range(0, len(frame), 4099)) + [len(frame) - k for k in range(1, 9)]:
        with pytest.raises((EOFError, zstd.ZstdError)):
            read_all(frame[:cut])


def test_an_unknown_block_type_gives_up_the_walk_and_zstd_refuses_it():
    frame = bytearray(streamed(os.urandom(1000)))
    length, _ = frame_header(frame)
    frame[length] |= 0b110  # block type 3 (reserved)
    budget = ZstdBudget()
    assert budget.step(memoryview(bytes(frame)), 0) == SAFE_STEP or not budget._walking
    with pytest.raises(zstd.ZstdError):
        read_all(bytes(frame))


def test_a_block_header_split_across_inputs_waits_for_more():
    frame = streamed(os.urandom(400_000))
    length, _ = frame_header(frame)
    budget = ZstdBudget()
    view = memoryview(frame)
    assert budget.step(view[:length + 2], 0) == length  # the header, not the split block
    assert budget.step(view[length:length + 2], length) == 0  # needs more input
    assert budget.step(view[length:], length) > 0
