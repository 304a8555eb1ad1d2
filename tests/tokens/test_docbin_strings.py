"""A DocBin chunk's string table: hash columns to positions in one sorted table."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plait.errors import LookupFailed
from plait.strings import StringStore
from plait.tokens.docbin_strings import index_dtype, map_strings, table_positions


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 2**64 - 1), min_size=1, max_size=300, unique=True),
       st.data())
def test_table_positions_finds_every_value_like_a_search(keys, data):
    table = np.array(sorted(keys), dtype=np.uint64)
    picks = data.draw(st.lists(st.integers(0, len(keys) - 1), max_size=500))
    values = table[np.array(picks, dtype=np.int64)]
    assert table_positions(table, values).tolist() == np.searchsorted(table, values).tolist()


def test_table_positions_handles_clustered_small_keys():
    # sequential IDs (symbol-like values) would collide badly without mixing
    table = np.arange(0, 50_000, dtype=np.uint64)
    values = np.random.default_rng(0).integers(0, 50_000, size=200_000).astype(np.uint64)
    assert np.array_equal(table_positions(table, values), values.astype(np.int64))


def test_table_positions_refuses_a_value_missing_from_the_keys():
    with pytest.raises(ValueError):
        table_positions(np.array([1, 2, 3], dtype=np.uint64), np.array([4], dtype=np.uint64))


def test_index_dtype_is_the_smallest_that_fits():
    assert index_dtype(256) == np.dtype("|u1") and index_dtype(257) == np.dtype("<u2")
    assert index_dtype(70_000) == np.dtype("<u4")


def test_map_strings_builds_one_sorted_table_for_all_string_columns():
    store = StringStore(["apple", "pear", "NN", "VB"])
    orth = np.array([store["pear"], store["apple"], store["pear"]], dtype=np.uint64)
    tag = np.array([store["NN"], 0, store["VB"]], dtype=np.uint64)
    head = np.array([1, 0, -1], dtype=np.int64)
    strings, cols = map_strings({"orth": orth, "tag": tag, "head": head}, ("orth", "tag"),
                                [store])
    assert strings[0] == "" and len(strings) == 5
    assert [strings[i] for i in cols["orth"]] == ["pear", "apple", "pear"]
    assert [strings[i] for i in cols["tag"]] == ["NN", "", "VB"]
    assert cols["head"] is head and cols["orth"].dtype == np.dtype("|u1")


def test_map_strings_reads_strings_from_every_store():
    a, b = StringStore(["only-in-a"]), StringStore(["only-in-b"])
    orth = np.array([a["only-in-a"], b["only-in-b"]], dtype=np.uint64)
    strings, cols = map_strings({"orth": orth}, ("orth",), [a, b])
    assert [strings[i] for i in cols["orth"]] == ["only-in-a", "only-in-b"]


def test_map_strings_refuses_an_unknown_hash():
    with pytest.raises(LookupFailed, match="E002"):
        map_strings({"orth": np.array([12345], dtype=np.uint64)}, ("orth",), [StringStore()])
