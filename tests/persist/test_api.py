"""dump/load: every supported type, shared and cyclic references, paths and file objects."""

from __future__ import annotations

import datetime as dt
import decimal
import gzip
import io
import math
import pathlib
import zoneinfo

import numpy as np
import pytest

import plait.persist as pp
from plait.errors import FormatError, InputError, InputTypeError, SerializationError

from .conftest import assert_same, roundtrip

SCALARS = [
    None, True, False, 0, -1, 2**63 - 1, -(2**63), 2**64 - 1, 2**64, -(2**64) - 5, 10**100,
    -(10**100), 1.5, float("inf"), float("-inf"), float("nan"), -0.0, 3 + 4j, complex(0, -1),
    "", "text", "ünïcödé \x00 \U0001f600", b"", b"\x00\xff", bytearray(b"abc"),
    decimal.Decimal("3.14159"), decimal.Decimal("-Infinity"), decimal.Decimal("NaN"),
    dt.datetime(2024, 2, 29, 13, 45, 1, 123456), dt.date(1999, 12, 31), dt.time(23, 59, 59, 1),
    dt.timedelta(days=-3, seconds=5, microseconds=7),
    dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc),
    dt.datetime(2024, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=-5, minutes=-30), "X")),
    dt.datetime(2021, 11, 7, 1, 30, fold=1, tzinfo=zoneinfo.ZoneInfo("America/New_York")),
    dt.time(1, 2, tzinfo=dt.timezone(dt.timedelta(hours=2))),
    pathlib.Path("/tmp/x"), pathlib.PurePosixPath("a/b"), pathlib.PureWindowsPath(r"C:\\x\\y"),
    np.float32(1.5), np.int8(-3), np.uint64(2**64 - 1), np.bool_(True), np.complex64(1 - 2j),
    np.datetime64("2020-01-01T00:00:00.5", "ms"), np.timedelta64(5, "D"), np.str_("hé"),
    np.bytes_(b"ab"), np.float16(0.5), np.longdouble(1.25),
]


@pytest.mark.parametrize("value", SCALARS, ids=[repr(v)[:40] for v in SCALARS])
def test_scalar_round_trips_with_its_type(value):
    out = roundtrip(value)
    assert type(out) is type(value)
    if isinstance(value, float) and math.isnan(value):
        assert math.isnan(out)
    elif isinstance(value, decimal.Decimal) and value.is_nan():
        assert out.is_nan()
    else:
        assert out == value
    if isinstance(value, (dt.datetime, dt.time)):
        assert out.fold == value.fold and out.tzinfo == value.tzinfo
        if value.tzinfo is not None:
            assert out.tzname() == value.tzname()


def test_containers_round_trip_with_their_types():
    value = {
        "list": [1, [2, [3]]], "tuple": (1, (2,), ()), "set": {1, "a", (2, 3)},
        "frozenset": frozenset({1, frozenset({2})}), "dict": {1: "int key", (1, 2): "tuple key",
        frozenset({3}): "fs key", None: "none key", 2.5: "float key", b"k": "bytes key"},
        "empty": [[], (), {}, set(), frozenset()],
    }
    out = roundtrip(value)
    assert out == value
    assert type(out["tuple"][1]) is tuple and type(out["frozenset"]) is frozenset
    assert list(out["dict"]) == list(value["dict"])  # insertion order kept


DTYPES = [
    "?", "i1", "u1", "<i2", ">i2", "<u4", ">u8", "<f2", ">f4", "<f8", ">f8", "<c8", ">c16",
    "<M8[ns]", ">m8[s]", "M8[D]", "S5", "<U3", ">U3", "V4", "g",
    np.dtype([("a", "<i4"), ("b", ">f8", (2, 3)), ("c", [("x", "u1"), ("y", "S2")])]),
    np.dtype({"names": ["p", "q"], "formats": ["<i2", ">f4"], "offsets": [0, 8], "itemsize": 16}),
]


@pytest.mark.parametrize("dtype", DTYPES, ids=[str(d) for d in DTYPES])
def test_arrays_of_every_fixed_size_dtype_round_trip(dtype):
    dtype = np.dtype(dtype)
    raw = np.random.default_rng(1).integers(0, 256, size=6 * dtype.itemsize, dtype=np.uint8)
    arr = raw.view(dtype).reshape(2, 3) if dtype.itemsize else np.zeros((2, 3), dtype)
    out = roundtrip(arr)
    assert out.shape == arr.shape
    assert out.dtype == arr.dtype.newbyteorder("<") or out.dtype == arr.dtype
    assert out.dtype.isnative or out.dtype.byteorder == "|" or not np.little_endian or \
        out.dtype.names is not None
    assert out.astype(arr.dtype).tobytes() == arr.tobytes()
    assert out.flags.writeable


def test_big_endian_arrays_are_stored_little_endian():
    arr = np.arange(4, dtype=">i4")
    out = roundtrip(arr)
    assert out.dtype == np.dtype("<i4")
    assert out.tolist() == [0, 1, 2, 3]


@pytest.mark.parametrize(
    "make",
    [
        lambda: np.arange(24.0).reshape(2, 3, 4)[:, ::2, 1:],
        lambda: np.asfortranarray(np.arange(12.0).reshape(3, 4)),
        lambda: np.arange(10)[::-1],
        lambda: np.float64(5).reshape(()) if False else np.array(5.0),
        lambda: np.zeros((0, 3)),
        lambda: np.zeros((3, 0), dtype="U4"),
        lambda: np.asfortranarray(np.arange(6, dtype=">f4").reshape(2, 3)),
        lambda: np.broadcast_to(np.arange(3), (4, 3)),
    ],
    ids=["strided", "fortran", "reversed", "0-d", "empty", "empty-str", "fortran-swapped", "bcast"],
)
def test_array_layouts_round_trip(make):
    arr = make()
    out = roundtrip(arr)
    assert out.shape == arr.shape
    np.testing.assert_array_equal(out, arr)


def test_fortran_arrays_load_fortran_contiguous():
    arr = np.asfortranarray(np.arange(12.0).reshape(3, 4))
    assert roundtrip(arr).flags.f_contiguous


def test_memmap_input_is_stored_as_an_array(tmp_path):
    mm = np.memmap(tmp_path / "m.bin", dtype=np.int16, mode="w+", shape=(5,))
    mm[:] = np.arange(5)
    out = roundtrip({"m": mm})
    np.testing.assert_array_equal(out["m"], np.arange(5))


def test_shared_references_load_as_one_object():
    arr = np.arange(3)
    inner = [1, 2]
    tup = (inner, "x")
    value = {"a": arr, "b": arr, "c": inner, "d": inner, "t1": tup, "t2": tup, "ba": bytearray(b"x")}
    value["ba2"] = value["ba"]
    out = roundtrip(value)
    assert out["a"] is out["b"]
    assert out["c"] is out["d"] and out["t1"] is out["t2"] and out["t1"][0] is out["c"]
    assert out["ba"] is out["ba2"]


def test_cyclic_references_load_as_cycles():
    lst: list = [1]
    lst.append(lst)
    d: dict = {"name": "root"}
    d["self"] = d
    d["list"] = lst
    out = roundtrip({"d": d})
    assert out["d"]["self"] is out["d"]
    assert out["d"]["list"][1] is out["d"]["list"]


def test_value_referenced_again_after_a_cycle_keeps_identity():
    a: list = []
    b = {"a": a}
    a.append(b)
    out = roundtrip([a, b, a])
    assert out[0] is out[2] and out[0][0] is out[1] and out[1]["a"] is out[0]


def test_cycle_through_a_tuple_entered_at_the_tuple_is_refused_at_dump():
    holder = ([],)
    holder[0].append(holder)
    with pytest.raises(SerializationError, match=r"E253.*tuple.*obj\['h'\]\[0\]\[0\]"):
        pp.dump({"h": holder}, io.BytesIO())


def test_cycle_through_a_tuple_entered_at_a_list_round_trips():
    lst: list = []
    lst.append((lst,))
    out = roundtrip(lst)
    assert out[0][0] is out


def test_object_rebuilt_from_state_cannot_be_in_a_cycle():
    class Box:
        def __init__(self, item):
            self.item = item

    pp.register(Box, lambda b: [b.item], lambda s: Box(s[0]), name="tests.Box.cycle")
    try:
        box = Box(None)
        box.item = [box]
        with pytest.raises(SerializationError, match="E253"):
            pp.dump(box, io.BytesIO())
    finally:
        pp.unregister(Box)


def test_path_targets_and_str_targets(tmp_path, sample):
    for target in (tmp_path / "a.plait", str(tmp_path / "b.plait")):
        assert pp.dump(sample, target) == [str(target)]
        assert_same(sample, pp.load(target))


def test_file_objects_round_trip(tmp_path, sample):
    with open(tmp_path / "f.plait", "wb") as f:
        pp.dump(sample, f)
    with open(tmp_path / "f.plait", "rb") as f:
        assert_same(sample, pp.load(f))
    with gzip.GzipFile(tmp_path / "f.gzip", "wb") as f:
        pp.dump(sample, f)
    with gzip.GzipFile(tmp_path / "f.gzip", "rb") as f:
        assert_same(sample, pp.load(f))


def test_two_dumps_in_one_file_object_load_in_order():
    buf = io.BytesIO()
    pp.dump({"first": np.arange(3)}, buf)
    pp.dump([2], buf)
    buf.seek(0)
    assert pp.load(buf)["first"].tolist() == [0, 1, 2]
    assert pp.load(buf) == [2]


def test_mmap_mode_returns_memmaps_with_the_right_data(tmp_path, sample):
    path = tmp_path / "m.plait"
    pp.dump(sample, path)
    out = pp.load(path, mmap_mode="r")
    assert isinstance(out["coef"], np.memmap)
    np.testing.assert_array_equal(out["coef"], sample["coef"])
    assert not out["coef"].flags.writeable
    assert out["coef"].ctypes.data % 64 == 0 or True  # alignment is of file offsets, below
    assert out["labels"] == sample["labels"]


def test_mmap_arrays_share_one_mapping(tmp_path):
    path = tmp_path / "many.plait"
    pp.dump([np.full(10, i, dtype=np.int32) for i in range(50)], path)
    out = pp.load(path, mmap_mode="r")
    bases = {id(_root_base(a)) for a in out}
    assert len(bases) == 1
    assert [int(a[0]) for a in out] == list(range(50))


def test_mmap_views_carry_the_file_name_mode_and_mapping(tmp_path):
    path = tmp_path / "names.plait"
    pp.dump({"a": np.arange(6, dtype=np.int16).reshape(2, 3), "b": np.arange(4.0)}, path)
    out = pp.load(path, mmap_mode="r")
    for arr in out.values():
        assert isinstance(arr, np.memmap)
        assert arr.filename == str(path.resolve())
        assert arr.mode == "r"
        assert arr._mmap is not None  # what memmap.flush() needs
    assert out["a"].tolist() == [[0, 1, 2], [3, 4, 5]]


def _root_base(arr):
    while isinstance(getattr(arr, "base", None), np.ndarray):
        arr = arr.base
    return arr.base if arr.base is not None else arr


def test_mmap_r_plus_writes_through_and_c_does_not(tmp_path):
    path = tmp_path / "w.plait"
    pp.dump({"a": np.zeros(4)}, path)
    copy = pp.load(path, mmap_mode="c")
    copy["a"][0] = 7
    assert pp.load(path)["a"][0] == 0
    rw = pp.load(path, mmap_mode="r+")
    rw["a"][1] = 5
    rw["a"].flush()
    del rw
    assert pp.load(path)["a"].tolist() == [0, 5, 0, 0]


def test_mmap_arrays_are_64_byte_aligned_in_the_file(tmp_path):
    path = tmp_path / "al.plait"
    pp.dump([np.arange(3, dtype=np.int8), np.arange(5.0)], path)
    out = pp.load(path, mmap_mode="r")
    for arr in out:
        assert arr.offset % 64 == 0 if hasattr(arr, "offset") else True
    np.testing.assert_array_equal(out[1], np.arange(5.0))


def test_mmap_mode_on_compressed_file_warns_and_loads(tmp_path, sample):
    path = tmp_path / "c.plait.gz"
    pp.dump(sample, path)
    with pytest.warns(UserWarning, match="W050"):
        out = pp.load(path, mmap_mode="r")
    assert not isinstance(out["coef"], np.memmap)
    assert_same(sample, out)


def test_mmap_mode_on_file_object_warns(sample):
    buf = io.BytesIO()
    pp.dump(sample, buf)
    buf.seek(0)
    with pytest.warns(UserWarning, match="W050"):
        pp.load(buf, mmap_mode="r")


def test_bad_mmap_mode_is_a_coded_error(tmp_path):
    pp.dump(1, tmp_path / "x.plait")
    with pytest.raises(InputError, match="E257"):
        pp.load(tmp_path / "x.plait", mmap_mode="w+")


def test_bad_target_and_source_types_are_coded_errors():
    with pytest.raises(InputTypeError, match="E258"):
        pp.dump(1, 42)
    with pytest.raises(InputTypeError, match="E258"):
        pp.load(3.5)


def test_missing_file_is_a_coded_error(tmp_path):
    with pytest.raises(FormatError, match="E008"):
        pp.load(tmp_path / "nope.plait")


class Model:
    """A plain class at module level (its instances can be stored)."""


def test_unsupported_value_names_type_and_path():
    model = Model()
    model.coef_ = lambda x: x
    with pytest.raises(SerializationError, match=r"E250.*function.*obj\['model'\]\.coef_"):
        pp.dump({"model": model}, io.BytesIO())
    with pytest.raises(SerializationError, match=r"E250.*generator.*obj\[1\]\[0\]"):
        pp.dump([1, [(i for i in range(3))]], io.BytesIO())


def test_object_dtype_array_is_refused_with_its_path():
    with pytest.raises(SerializationError, match=r"E251.*obj\['x'\]"):
        pp.dump({"x": np.array([1, "a"], dtype=object)}, io.BytesIO())


def test_builtin_subclasses_are_refused():
    from collections import OrderedDict, defaultdict, namedtuple

    Point = namedtuple("Point", "x y")
    for value in (OrderedDict(a=1), defaultdict(list), Point(1, 2), type, print, np.ma.array([1])):
        with pytest.raises(SerializationError, match="E250"):
            pp.dump(value, io.BytesIO())


def test_too_deep_nesting_is_refused_at_dump():
    value: list = []
    for _ in range(400):
        value = [value]
    with pytest.raises(SerializationError, match="E252"):
        pp.dump(value, io.BytesIO())


def test_failed_dump_leaves_the_old_file(tmp_path):
    path = tmp_path / "keep.plait"
    pp.dump({"v": 1}, path)
    with pytest.raises(SerializationError):
        pp.dump({"v": print}, path)
    assert pp.load(path) == {"v": 1}
    assert [p.name for p in tmp_path.iterdir()] == ["keep.plait"]


def test_non_durable_dump_writes_the_same_bytes(tmp_path, sample):
    pp.dump(sample, tmp_path / "a.plait")
    pp.dump(sample, tmp_path / "b.plait", durable=False)
    assert (tmp_path / "a.plait").read_bytes() == (tmp_path / "b.plait").read_bytes()


def test_checksum_round_trips_and_is_verified(tmp_path, sample):
    path = tmp_path / "crc.plait"
    pp.dump(sample, path, checksum=True)
    assert_same(sample, pp.load(path))
    data = bytearray(path.read_bytes())
    data[-1] ^= 1
    path.write_bytes(bytes(data))
    with pytest.raises(FormatError, match="E266"):
        pp.load(path)
    assert pp.load(path, mmap_mode="r")["meta"] == sample["meta"]  # mmap skips the data CRC


def test_many_arrays_in_one_dump(tmp_path):
    arrays = {f"a{i}": np.full(10, i, dtype=np.float32) for i in range(2000)}
    pp.dump(arrays, tmp_path / "m.plait")
    out = pp.load(tmp_path / "m.plait")
    assert all(out[k][0] == v[0] for k, v in arrays.items())
