"""Tests for Vectors: adding, bytes and disk round trips, memory-mapped loading, damaged files."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plait
import plait.persist as pp
from plait.errors import FormatError, InputError
from plait.vectors import TABLE_FILE, Vectors


def is_mapped(array):
    return isinstance(array, np.memmap) or isinstance(array.base, np.memmap)


def table(n=5, width=4, seed=0):
    vectors = Vectors(name="test.vectors")
    rng = np.random.default_rng(seed)
    for key in range(100, 100 + n):
        vectors.add(key, vector=rng.normal(size=width).astype(np.float32))
    return vectors


def test_add_grows_the_table_and_rejects_a_vector_of_another_width():
    vectors = table(n=40, width=3)
    assert len(vectors) == 40 and vectors.width == 3
    assert vectors.data.shape[0] >= 40
    with pytest.raises(InputError, match="E004"):
        vectors.add(7, vector=np.ones(5))


def test_disk_round_trip_maps_the_data_and_keeps_keys_rows_and_name(tmp_path):
    vectors = table()
    vectors.to_disk(tmp_path / "v")
    assert (tmp_path / "v" / TABLE_FILE).is_file()
    loaded = Vectors().from_disk(tmp_path / "v")
    assert is_mapped(loaded.data)
    assert loaded.shape == (5, 4)  # the spare rows `add` allocated are not saved
    assert loaded.key2row == vectors.key2row and loaded.name == "test.vectors"
    for key in vectors:
        assert np.array_equal(loaded[key], vectors[key])


def test_from_disk_without_mmap_reads_the_data_into_memory(tmp_path):
    table().to_disk(tmp_path / "v")
    loaded = Vectors().from_disk(tmp_path / "v", mmap=False)
    assert not is_mapped(loaded.data)
    assert loaded.data.flags.writeable


def test_editing_a_mapped_table_leaves_the_file_unchanged(tmp_path):
    vectors = table()
    vectors.to_disk(tmp_path / "v")
    loaded = Vectors().from_disk(tmp_path / "v")
    loaded.add(100, vector=np.zeros(4))
    loaded.add(999, vector=np.ones(4))
    assert not loaded[100].any() and loaded[999].tolist() == [1, 1, 1, 1]
    again = Vectors().from_disk(tmp_path / "v")
    assert np.array_equal(again[100], vectors[100]) and 999 not in again


def test_bytes_round_trip_still_works():
    vectors = table()
    loaded = Vectors().from_bytes(vectors.to_bytes())
    assert loaded.key2row == vectors.key2row
    assert np.array_equal(loaded.data, vectors.data[:5])


def test_an_empty_table_round_trips(tmp_path):
    Vectors().to_disk(tmp_path / "v")
    loaded = Vectors().from_disk(tmp_path / "v")
    assert len(loaded) == 0 and loaded.width == 0


def test_a_table_saved_as_msgpack_bytes_is_still_read_and_overwritten(tmp_path):
    vectors = table()
    (tmp_path / "vectors").write_bytes(vectors.to_bytes())
    loaded = Vectors().from_disk(tmp_path / "vectors")
    assert loaded.key2row == vectors.key2row
    loaded.to_disk(tmp_path / "vectors")
    assert (tmp_path / "vectors" / TABLE_FILE).is_file()


def test_missing_table_is_a_coded_error(tmp_path):
    (tmp_path / "v").mkdir()
    with pytest.raises(FormatError, match="E008"):
        Vectors().from_disk(tmp_path / "v")


def test_truncated_table_file_is_a_coded_error(tmp_path):
    table().to_disk(tmp_path / "v")
    path = tmp_path / "v" / TABLE_FILE
    path.write_bytes(path.read_bytes()[:-40])
    with pytest.raises(FormatError, match=r"E26\d"):
        Vectors().from_disk(tmp_path / "v")


@pytest.mark.parametrize(
    "value",
    [
        [1, 2],
        {"keys": np.zeros(1, np.uint64), "rows": np.zeros(1, np.int64)},
        {"data": np.zeros((2, 3), np.float64), "keys": np.zeros(0, np.uint64),
         "rows": np.zeros(0, np.int64)},
        {"data": np.zeros((2, 3), np.float32), "keys": np.zeros(2, np.uint64),
         "rows": np.zeros(1, np.int64)},
        {"data": np.zeros((2, 3), np.float32), "keys": np.zeros(1, np.uint64),
         "rows": np.asarray([5], np.int64)},
        {"data": np.zeros((2, 3), np.float32), "keys": np.zeros(0, np.uint64),
         "rows": np.zeros(0, np.int64), "name": 3},
    ],
)
def test_a_file_that_is_not_a_vectors_table_is_a_coded_error(tmp_path, value):
    (tmp_path / "v").mkdir()
    pp.dump(value, tmp_path / "v" / TABLE_FILE)
    with pytest.raises(FormatError, match="E010"):
        Vectors().from_disk(tmp_path / "v")


@settings(max_examples=25, deadline=None)
@given(
    st.dictionaries(st.integers(0, 2**64 - 1), st.floats(-1e6, 1e6, width=32), max_size=20),
    st.integers(1, 5),
)
def test_disk_round_trip_preserves_every_vector(tmp_path_factory, entries, width):
    vectors = Vectors()
    for key, value in entries.items():
        vectors.add(key, vector=np.full(width, value, dtype=np.float32))
    path = tmp_path_factory.mktemp("v")
    vectors.to_disk(path)
    loaded = Vectors().from_disk(path)
    assert set(loaded) == set(vectors)
    for key in vectors:
        assert np.array_equal(loaded[key], vectors[key])


def test_saved_pipeline_maps_its_vectors_and_gives_the_same_similarities(tmp_path):
    nlp = plait.blank("en")
    rng = np.random.default_rng(1)
    for word in ("apple", "orange", "car", "truck"):
        nlp.vocab.set_vector(word, rng.normal(size=6).astype(np.float32))
    nlp.to_disk(tmp_path / "p")
    loaded = plait.load(tmp_path / "p")
    assert is_mapped(loaded.vocab.vectors.data)
    text = "apple orange car truck"
    doc, same = nlp(text), loaded(text)
    assert np.array_equal(doc[0].vector, same[0].vector)
    assert np.array_equal(doc.vector, same.vector)
    assert doc[0].similarity(doc[1]) == same[0].similarity(same[1])
    assert doc[:2].similarity(doc[2:]) == same[:2].similarity(same[2:])
    assert doc.similarity(nlp("car truck")) == same.similarity(loaded("car truck"))


def test_vocab_from_disk_can_read_vectors_into_memory(tmp_path):
    vocab = plait.blank("en").vocab
    vocab.set_vector("apple", np.ones(3))
    vocab.to_disk(tmp_path / "vocab")
    loaded = plait.vocab.Vocab().from_disk(tmp_path / "vocab", mmap=False)
    assert not is_mapped(loaded.vectors.data)
    assert loaded.get_vector("apple").tolist() == [1, 1, 1]
    skipped = plait.vocab.Vocab().from_disk(tmp_path / "vocab", exclude=["vectors"])
    assert len(skipped.vectors) == 0
