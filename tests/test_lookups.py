import gzip
import json

import msgpack
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plait.errors import (
    FormatError,
    InputError,
    InputTypeError,
    LookupFailed,
    SerializationError,
)
from plait.lookups import Lookups, Table, load_lookups
from plait.registry import registry
from plait.strings import get_string_id


def test_table_keys_are_string_hashes():
    table = Table("t", {"going": "go"})
    assert table["going"] == "go"
    assert table[get_string_id("going")] == "go"
    assert "going" in table and get_string_id("going") in table and "gone" not in table
    assert table.get("gone", "x") == "x"
    table.set("gone", "go")
    assert len(table) == 2


def test_table_rejects_bad_keys():
    with pytest.raises(InputTypeError, match="E500"):
        Table()[1.5] = "x"


def test_lookups_add_get_remove():
    lookups = Lookups()
    table = lookups.add_table("a", {"x": 1})
    assert lookups.get_table("a") is table and lookups.has_table("a") and "a" in lookups
    assert lookups.tables == ["a"] and len(lookups) == 1
    with pytest.raises(InputError, match="E497"):
        lookups.add_table("a")
    assert lookups.get_table("b", None) is None
    with pytest.raises(LookupFailed, match="E496"):
        lookups.get_table("b")
    lookups.remove_table("a")
    with pytest.raises(LookupFailed, match="E496"):
        lookups.remove_table("a")


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.text(max_size=5), st.dictionaries(
    st.text(max_size=6), st.one_of(st.text(max_size=6), st.integers(-(2**63), 2**63 - 1),
              st.lists(st.text(max_size=3))),
    max_size=5), max_size=4))
def test_lookups_bytes_round_trip(tables):
    lookups = Lookups()
    for name, data in tables.items():
        lookups.add_table(name, data)
    other = Lookups().from_bytes(lookups.to_bytes())
    assert other.tables == lookups.tables
    for name, data in tables.items():
        for key, value in data.items():
            assert other.get_table(name)[key] == value


def test_lookups_disk_round_trip(tmp_path):
    lookups = Lookups()
    lookups.add_table("t", {"a": "b"})
    lookups.to_disk(tmp_path)
    assert (tmp_path / "lookups.bin").exists()
    assert Lookups().from_disk(tmp_path).get_table("t")["a"] == "b"
    assert Lookups().from_disk(tmp_path / "missing").tables == []


@pytest.mark.parametrize("data", [b"\xc1", msgpack.packb([1]), msgpack.packb({"t": 1}),
                                  msgpack.packb({"t": msgpack.packb({"dict": [[1]]})})])
def test_lookups_reject_damaged_bytes(data):
    with pytest.raises(FormatError, match="E501"):
        Lookups().from_bytes(data)


def test_load_lookups_reads_shipped_english_tables():
    lookups = load_lookups("en", ["lemma_lookup", "lemma_rules"])
    assert lookups.get_table("lemma_lookup")["went"] == "go"
    assert ["s", ""] in lookups.get_table("lemma_rules")["noun"]


def test_load_lookups_errors():
    with pytest.raises(LookupFailed, match="E494"):
        load_lookups("qq", ["x"])
    with pytest.raises(LookupFailed, match="E495"):
        load_lookups("en", ["no_such_table"])
    assert load_lookups("en", ["no_such_table"], strict=False).tables == []


def test_load_lookups_reads_paths_and_gz_files(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"x": "y"}))
    (tmp_path / "b.json.gz").write_bytes(gzip.compress(json.dumps({"p": "q"}).encode()))
    (tmp_path / "c.json").write_text("[1, 2]")
    (tmp_path / "d.json").write_text("{broken")
    registry.lookups.register("qx", func={
        "a": tmp_path / "a.json", "b": str(tmp_path / "b.json.gz"), "c": tmp_path / "c.json",
        "d": tmp_path / "d.json", "e": 42,
    })
    try:
        lookups = load_lookups("qx", ["a", "b"])
        assert lookups.get_table("a")["x"] == "y" and lookups.get_table("b")["p"] == "q"
        for bad in ("c", "d", "e"):
            with pytest.raises(FormatError, match="E498"):
                load_lookups("qx", [bad])
    finally:
        import catalogue

        catalogue._remove(("plait", "lookups", "qx"))


def test_load_lookups_rejects_a_non_dict_entry():
    registry.lookups.register("qy", func=lambda: [1, 2])
    try:
        with pytest.raises(InputTypeError, match="E499"):
            load_lookups("qy", ["a"])
    finally:
        import catalogue

        catalogue._remove(("plait", "lookups", "qy"))


@pytest.mark.parametrize("value", [2**70, object()])
def test_lookups_refuse_values_msgpack_cannot_store(value):
    lookups = Lookups()
    lookups.add_table("t", {"a": value})
    with pytest.raises(SerializationError, match="E509"):
        lookups.to_bytes()
