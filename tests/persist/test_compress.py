"""Every compressor, the compress= forms, the extension rule, detection and registration."""

from __future__ import annotations

import gzip
import io
import subprocess
import sys
import zlib

import numpy as np
import pytest

import plait.persist as pp
from plait.errors import FormatError, InputError, LookupFailed
from plait.persist import compress as comp
from plait.persist.format import MAGIC

from .conftest import assert_same, dumped

METHODS = ["zlib", "gzip", "bz2", "lzma", "xz", "lz4", "zstd"]
EXTENSIONS = {".z": "zlib", ".gz": "gzip", ".bz2": "bz2", ".lzma": "lzma", ".xz": "xz",
              ".lz4": "lz4", ".zst": "zstd"}


@pytest.mark.parametrize("method", METHODS)
def test_each_method_round_trips_through_a_path_and_a_file_object(tmp_path, sample, method):
    path = tmp_path / "m.plait"
    pp.dump(sample, path, compress=method)
    assert comp.detect(path.read_bytes()[:8]) == method
    assert_same(sample, pp.load(path))
    buf = io.BytesIO()
    pp.dump(sample, buf, compress=(method, 1))
    buf.seek(0)
    assert_same(sample, pp.load(buf))


@pytest.mark.parametrize("ext,method", sorted(EXTENSIONS.items()))
def test_method_is_inferred_from_the_extension(tmp_path, ext, method):
    path = tmp_path / f"model.plait{ext}"
    pp.dump({"a": np.zeros(1000)}, path)
    assert comp.detect(path.read_bytes()[:8]) == method
    assert pp.load(path)["a"].sum() == 0


def test_explicit_compress_overrides_the_extension(tmp_path):
    path = tmp_path / "model.gz"
    pp.dump([1], path, compress=0)
    assert path.read_bytes().startswith(MAGIC)
    pp.dump([1], path, compress="zstd")
    assert comp.detect(path.read_bytes()[:8]) == "zstd"


@pytest.mark.parametrize(
    "value,expected",
    [(None, (None, 0)), (False, (None, 0)), (0, (None, 0)), (True, ("zlib", 3)), (7, ("zlib", 7)),
     ("lz4", ("lz4", 3)), (("bz2", 9), ("bz2", 9)), (("zstd", 19), ("zstd", 19)),
     (("gzip", 0), (None, 0))],
)
def test_compress_argument_forms(value, expected):
    assert comp.resolve(value, None) == expected


@pytest.mark.parametrize("value", [10, -1, 2.5, ("zlib",), ("zlib", 10), ("zlib", "3"), [1]])
def test_bad_compress_values_are_coded_errors(value):
    with pytest.raises(InputError, match="E254"):
        pp.dump(1, io.BytesIO(), compress=value)


def test_unknown_method_is_a_coded_error():
    with pytest.raises(LookupFailed, match="E255"):
        pp.dump(1, io.BytesIO(), compress="snappy")


def test_higher_level_gives_a_smaller_or_equal_file():
    value = {"a": np.repeat(np.arange(1000), 50)}
    sizes = []
    for level in (1, 9):
        buf = io.BytesIO()
        pp.dump(value, buf, compress=("zlib", level))
        sizes.append(len(buf.getvalue()))
    assert sizes[1] <= sizes[0]


def test_decompressed_file_is_a_plain_plait_file(tmp_path):
    path = tmp_path / "m.plait.gz"
    pp.dump({"a": np.arange(5)}, path)
    plain = tmp_path / "m.plait"
    plain.write_bytes(gzip.decompress(path.read_bytes()))
    out = pp.load(plain, mmap_mode="r")
    assert isinstance(out["a"], np.memmap) and out["a"].tolist() == [0, 1, 2, 3, 4]


def test_zlib_stream_is_standard_zlib():
    buf = io.BytesIO()
    pp.dump([1, 2], buf, compress="zlib")
    assert zlib.decompress(buf.getvalue()).startswith(MAGIC)


def test_missing_package_is_a_coded_error_naming_it():
    code = (
        "import sys, io; sys.modules['zstandard'] = None\n"
        "import plait.persist as pp\n"
        "try:\n    pp.dump(1, io.BytesIO(), compress='zstd')\n"
        "except KeyError as e:\n    print(str(e))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert "E256" in out.stdout and "pip install zstandard" in out.stdout, out.stderr


class _Xor:
    """A toy compressor stream (xor every byte) to test registration."""

    def __init__(self, f):
        self.f = f

    def write(self, data):
        self.f.write(bytes(b ^ 0x55 for b in bytes(data)))
        return len(data)

    def read(self, n=-1):
        return bytes(b ^ 0x55 for b in self.f.read(n))

    def readinto(self, b):
        data = self.read(len(b))
        b[: len(data)] = data
        return len(data)

    def close(self):
        pass


def _xor_writer(f, level):
    f.write(b"XOR!")
    return _Xor(f)


def _xor_reader(f):
    assert f.read(4) == b"XOR!"
    return _Xor(f)


def test_registered_compressor_is_used_and_detected(tmp_path):
    pp.register_compressor("xor", pp.Compressor(b"XOR!", _xor_writer, _xor_reader, ".xor"))
    try:
        path = tmp_path / "m.plait.xor"
        pp.dump({"a": np.arange(4)}, path)
        assert path.read_bytes().startswith(b"XOR!")
        assert pp.load(path)["a"].tolist() == [0, 1, 2, 3]
        buf = io.BytesIO()
        pp.dump([1], buf, compress="xor")
        buf.seek(0)
        assert pp.load(buf) == [1]
    finally:
        comp._COMPRESSORS.pop("xor", None)


def test_register_compressor_rejects_clashes_and_bad_values():
    good = pp.Compressor(b"ZZ!!", _xor_writer, _xor_reader)
    with pytest.raises(InputError, match="E260"):
        pp.register_compressor("gzip", good)
    with pytest.raises(InputError, match="E260"):
        pp.register_compressor("x2", pp.Compressor(b"\x1f\x8b\x08", _xor_writer, _xor_reader))
    with pytest.raises(InputError, match="E260"):
        pp.register_compressor("x3", pp.Compressor(MAGIC[:4], _xor_writer, _xor_reader))
    with pytest.raises(InputError, match="E260"):
        pp.register_compressor("x4", pp.Compressor(b"Z", _xor_writer, _xor_reader))
    with pytest.raises(TypeError, match="E260"):
        pp.register_compressor("x5", object())  # type: ignore[arg-type]


@pytest.mark.parametrize("method", METHODS)
def test_truncated_compressed_file_is_a_coded_error(tmp_path, method):
    path = tmp_path / "t.plait"
    pp.dump({"a": np.random.default_rng(0).standard_normal(5000)}, path, compress=method)
    data = path.read_bytes()
    for cut in (len(data) // 2, len(data) - 3):
        path.write_bytes(data[:cut])
        with pytest.raises(FormatError, match="E26[34]|E273"):
            pp.load(path)


@pytest.mark.parametrize("method", METHODS)
def test_corrupted_compressed_file_is_a_coded_error(tmp_path, method):
    path = tmp_path / "c.plait"
    # lz4 frames have no checksum of their own: a flip in array data needs checksum=True.
    pp.dump({"a": np.arange(3000.0)}, path, compress=method, checksum=method == "lz4")
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(FormatError):
        pp.load(path)



def test_lz4_data_flips_are_caught_by_the_array_checksum():
    # lz4 frames carry no checksum of their own (as joblib writes them); checksum=True covers them.
    value = {"a": np.arange(3000.0)}
    data = dumped(value, compress="lz4", checksum=True)
    caught = 0
    for pos in range(len(data) // 4, len(data) - 4, 7):  # inside the blocks
        broken = bytearray(data)
        broken[pos] ^= 0x01
        try:
            out = pp.load(io.BytesIO(bytes(broken)))
        except FormatError:
            caught += 1
        else:  # the flip left the decompressed bytes as they were (e.g. an equivalent match)
            assert_same(value, out)
    assert caught
