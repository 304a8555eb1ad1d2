"""Registered, plain, trusted and plait's own classes; loading imports nothing untrusted."""

from __future__ import annotations

import dataclasses
import enum
import io
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import plait.persist as pp
from plait.errors import (
    FormatError,
    InputError,
    InputTypeError,
    LookupFailed,
    SerializationError,
)

from .conftest import dumped, roundtrip


@dataclasses.dataclass
class Point:
    x: float
    y: float
    tags: list = dataclasses.field(default_factory=list)


@dataclasses.dataclass(frozen=True, slots=True)
class FrozenSlotted:
    a: int
    b: np.ndarray


class Estimator:
    """Shaped like a scikit-learn estimator: parameters in __init__, fitted state after."""

    def __init__(self, alpha: float = 1.0) -> None:
        self.alpha = alpha

    def fit(self) -> Estimator:
        self.coef_ = np.arange(6.0).reshape(2, 3)
        self.classes_ = np.array(["a", "b"])
        self.n_iter_ = 3
        return self

    def __init_subclass__(cls) -> None:  # a class-level hook must not run on load
        raise AssertionError


class Color(enum.Enum):
    RED = 1
    GREEN = "g"


class Celsius:
    def __init__(self, degrees: float) -> None:
        self.degrees = degrees


def test_dataclass_is_stored_with_no_code_and_loads_when_trusted():
    p = Point(1.0, 2.0, ["a"])
    data = dumped(p)
    with pytest.raises(LookupFailed, match=r"E270.*Point"):
        pp.load(io.BytesIO(data))
    assert pp.load(io.BytesIO(data), trusted=[Point]) == p
    assert pp.load(io.BytesIO(data), trusted=[f"{__name__}:Point"]) == p
    assert pp.load(io.BytesIO(data), trusted=[__name__.split(".")[0]]) == p  # a module prefix


def test_registered_dataclass_loads_without_trusted():
    pp.register(Point)
    try:
        assert roundtrip([Point(1, 2), Point(3, 4)]) == [Point(1, 2), Point(3, 4)]
    finally:
        pp.unregister(Point)


def test_frozen_slotted_dataclass_round_trips():
    value = FrozenSlotted(3, np.arange(3))
    out = pp.load(io.BytesIO(dumped(value)), trusted=[FrozenSlotted])
    assert out.a == 3 and out.b.tolist() == [0, 1, 2]


def test_estimator_like_object_round_trips_without_calling_init():
    est = Estimator(alpha=0.5).fit()
    out = pp.load(io.BytesIO(dumped({"model": est})), trusted=[Estimator])["model"]
    assert type(out) is Estimator and out.alpha == 0.5 and out.n_iter_ == 3
    np.testing.assert_array_equal(out.coef_, est.coef_)
    assert out.classes_.tolist() == ["a", "b"]


def test_object_in_a_cycle_round_trips():
    est = Estimator()
    est.me = est
    est.friends = [est]
    out = pp.load(io.BytesIO(dumped(est)), trusted=[Estimator])
    assert out.me is out and out.friends[0] is out


def test_enum_members_load_as_the_same_members():
    out = pp.load(io.BytesIO(dumped([Color.RED, Color.GREEN])), trusted=[Color])
    assert out[0] is Color.RED and out[1] is Color.GREEN


def test_register_with_state_functions():
    pp.register(Celsius, lambda c: c.degrees, lambda s: Celsius(s), name="tests.Celsius")
    try:
        out = roundtrip({"t": Celsius(21.5)})
        assert isinstance(out["t"], Celsius) and out["t"].degrees == 21.5
        assert b"tests.Celsius" in dumped(Celsius(1))
    finally:
        pp.unregister(Celsius)


def test_register_rejects_bad_arguments():
    with pytest.raises(InputTypeError, match="E259"):
        pp.register(Celsius(1))  # type: ignore[arg-type]
    with pytest.raises(InputError, match="E259"):
        pp.register(Celsius, to_state=lambda c: 1)
    with pytest.raises(InputError, match="E259"):
        pp.register(dict)
    pp.register(Celsius, name="tests.taken")
    try:
        with pytest.raises(InputError, match=r"E259.*taken"):
            pp.register(Point, name="tests.taken")
    finally:
        pp.unregister(Celsius)


def test_failing_to_state_is_a_coded_error_with_path():
    def broken(_):
        raise RuntimeError("boom")

    pp.register(Celsius, broken, lambda s: s, name="tests.broken")
    try:
        with pytest.raises(SerializationError, match=r"E276.*obj\[0\].*boom"):
            pp.dump([Celsius(1)], io.BytesIO())
    finally:
        pp.unregister(Celsius)


def test_failing_from_state_is_a_coded_error_with_path():
    pp.register(Celsius, lambda c: c.degrees, lambda s: Celsius(s), name="tests.fs")
    data = dumped({"t": Celsius(1)})
    pp.unregister(Celsius)

    def broken(_):
        raise ValueError("bad state")

    pp.register(Celsius, lambda c: c.degrees, broken, name="tests.fs")
    try:
        with pytest.raises(FormatError, match=r"E272.*bad state.*|E272"):
            pp.load(io.BytesIO(data))
    finally:
        pp.unregister(Celsius)


def test_trusted_rejects_bad_entries():
    with pytest.raises(InputTypeError, match="E277"):
        pp.load(io.BytesIO(dumped(1)), trusted=[42])


def test_trusted_name_that_does_not_exist_is_a_coded_error():
    data = dumped(Estimator())
    with pytest.raises(LookupFailed, match="E271"):
        _load_with_name(data, "zz_no_such_module_plait:Thing")
    with pytest.raises(LookupFailed, match="E271"):
        _load_with_name(data, f"{__name__}:NoSuchClass")
    with pytest.raises(LookupFailed, match="E271"):
        _load_with_name(data, f"{__name__}:dumped")  # a function, not a class


def _load_with_name(data: bytes, name: str):
    """Load a structure whose class name was changed (rebuilding the header CRC)."""
    import msgpack

    from plait.persist import format as fmt

    raw = data[: fmt.HEADER_SIZE]
    header = fmt.parse_header(raw, "t", len(data))
    tree = msgpack.unpackb(data[fmt.HEADER_SIZE : fmt.HEADER_SIZE + header.structure_length])
    tree[1] = name
    structure = msgpack.packb(tree, use_bin_type=True)
    new = fmt.header_for(len(structure), header.data_length, None)
    body = new.pack(structure) + structure
    body += bytes(new.data_offset - len(body)) + data[header.data_offset :]
    return pp.load(io.BytesIO(body), trusted=[name])


def test_loading_never_imports_an_untrusted_module():
    code = textwrap.dedent(
        """
        import io, sys, msgpack
        import plait.persist as pp
        from plait.persist import format as fmt
        tree = [6, "json.decoder:JSONDecoder", [2, "x", 1]]
        s = msgpack.packb(tree, use_bin_type=True)
        h = fmt.header_for(len(s), 0, None)
        body = h.pack(s) + s
        body += bytes(h.data_offset - len(body))
        sys.modules.pop("json.decoder", None); sys.modules.pop("json", None)
        try:
            pp.load(io.BytesIO(body))
        except KeyError as e:
            assert "E270" in str(e), e
        assert "json.decoder" not in sys.modules, "imported!"
        print("ok")
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert out.stdout.strip() == "ok", out.stderr


def test_plait_doc_vocab_and_language_round_trip_sharing_the_vocab():
    import plait

    nlp = plait.blank("en")
    doc = nlp("Hello world, this is plait.")
    out = roundtrip({"nlp": nlp, "docs": [doc, doc, nlp("Second one")]})
    docs = out["docs"]
    assert [d.text for d in docs] == [doc.text, doc.text, "Second one"]
    assert docs[0] is docs[1]
    assert docs[0].vocab is docs[2].vocab is out["nlp"].vocab
    assert [t.is_stop for t in docs[0]] == [t.is_stop for t in doc]
    assert out["nlp"]("a test").text == "a test"


def test_string_store_and_vocab_round_trip():
    from plait.strings import StringStore
    from plait.vocab import Vocab

    strings = StringStore(["apple", "pear"])
    vocab = Vocab(strings=["x", "y"], lang="en")
    out = roundtrip([strings, vocab])
    assert list(out[0]) == list(strings)
    assert "x" in out[1].strings and out[1].lang == "en"


def test_docbin_round_trips():
    import plait
    from plait.tokens import DocBin

    nlp = plait.blank("en")
    out = roundtrip({"db": DocBin(docs=[nlp("one two"), nlp("three")])})["db"]
    assert isinstance(out, DocBin)
    assert [d.text for d in out.get_docs(nlp.vocab)] == ["one two", "three"]


def test_plait_object_that_cannot_be_built_is_a_coded_error(monkeypatch):
    from plait.persist import types

    monkeypatch.setitem(
        types._PLAIT_TYPES, "plait.Missing",
        ("plait.no_such_module", "Missing", False, lambda o: o, lambda s: s),
    )
    structure = [6, "plait.Missing", 1]
    from .test_format import _build

    with pytest.raises(LookupFailed, match="E278"):
        pp.load(io.BytesIO(_build(structure)))
