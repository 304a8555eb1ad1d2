"""Doc serialization: round trips, exclude, pickle, and refusal of damaged data."""

import pickle

import msgpack
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plait.errors import FormatError, InputError, SerializationError
from plait.tokens import Doc, Token
from plait.vocab import Vocab


def _same(a, b):
    cols = [
        "ORTH",
        "SPACY",
        "TAG",
        "POS",
        "DEP",
        "HEAD",
        "LEMMA",
        "MORPH",
        "ENT_IOB",
        "ENT_TYPE",
        "ENT_KB_ID",
        "SENT_START",
        "NORM",
    ]
    return a.text == b.text and np.array_equal(a.to_array(cols), b.to_array(cols))


def test_round_trip_keeps_everything(parsed, clean_extensions):
    Token.set_extension("pair", default=None)
    parsed[0]._.pair = ("x", 1)
    parsed.user_data[("custom", 1)] = {"nested": [1, 2.5, None, b"raw"]}
    parsed.cats = {"TRAVEL": 0.75}
    parsed.tensor = np.arange(18, dtype=np.float32).reshape(9, 2)
    parsed.spans["sc"] = [parsed[0:2], parsed[5:6]]
    parsed.spans["sc"].attrs["source"] = "test"
    parsed.spans["sc"][0].label_ = "CITY"
    parsed[1].norm_ = "york-norm"
    fresh = Vocab()
    doc = Doc(fresh).from_bytes(parsed.to_bytes())
    assert _same(parsed, doc)
    assert doc[0]._.pair == ("x", 1)
    assert doc.user_data[("custom", 1)] == {"nested": [1, 2.5, None, b"raw"]}
    assert doc.cats == {"TRAVEL": 0.75}
    assert np.array_equal(doc.tensor, parsed.tensor)
    assert [(s.text, s.label_) for s in doc.spans["sc"]] == [("New York", "CITY"), ("It", "")]
    assert doc.spans["sc"].attrs == {"source": "test"}
    assert [e.text for e in doc.ents] == ["New York"] and doc[1].norm_ == "york-norm"
    assert [s.text for s in doc.sents] == [s.text for s in parsed.sents]


def test_exclude_parts(parsed):
    parsed.user_data["k"] = 1
    parsed.cats["A"] = 1.0
    doc = Doc(parsed.vocab).from_bytes(parsed.to_bytes(exclude=["user_data", "cats"]))
    assert doc.user_data == {} and doc.cats == {}
    doc = Doc(parsed.vocab).from_bytes(parsed.to_bytes(), exclude=["user_data"])
    assert doc.user_data == {} and doc.cats == {"A": 1.0}
    with pytest.raises(InputError, match="E007"):
        parsed.to_bytes(exclude=["nonsense"])


def test_excluding_strings_needs_a_vocab_that_knows_them(parsed):
    data = parsed.to_bytes(exclude=["strings"])
    assert Doc(parsed.vocab).from_bytes(data).text == parsed.text
    with pytest.raises(FormatError, match="E076"):
        Doc(Vocab()).from_bytes(data)


def test_to_disk_and_from_disk(parsed, tmp_path):
    parsed.to_disk(tmp_path / "doc.bin")
    assert _same(parsed, Doc(Vocab()).from_disk(tmp_path / "doc.bin"))
    with pytest.raises(FormatError, match="E008"):
        Doc(Vocab()).from_disk(tmp_path / "missing.bin")


def test_pickle_round_trip_shares_vocab(parsed):
    other = Doc(parsed.vocab, words=["x"])
    a, b = pickle.loads(pickle.dumps([parsed, other]))
    assert _same(parsed, a) and b.text == "x " and a.vocab is b.vocab


def test_unsupported_user_data_value_is_coded_error_naming_key(parsed):
    # sets are stored since user_data goes through plait.tokens.user_data (one encoder for
    # DocBin and Doc.to_bytes), so the unsupported value here is a bare object
    parsed.user_data["bad"] = object()
    with pytest.raises(SerializationError, match=r"E357.*'bad'.*object"):
        parsed.to_bytes()


def test_user_data_with_a_span_of_another_doc_is_refused_naming_key(parsed):
    other = Doc(parsed.vocab, words=["elsewhere"])
    parsed.user_data["foreign"] = other[0:1]
    with pytest.raises(SerializationError, match=r"E365.*'foreign'"):
        parsed.to_bytes()


def test_user_data_keeps_sets_tuples_spans_tokens_and_arrays(parsed):
    parsed.user_data["set"] = {1, 2}
    parsed.user_data[("tuple", 1)] = (1, ("nested", 2.5))
    parsed.user_data["span"] = parsed[0:2]
    parsed.user_data["token"] = parsed[3]
    parsed.user_data["array"] = np.arange(6, dtype=np.int16).reshape(2, 3)
    doc = Doc(Vocab()).from_bytes(parsed.to_bytes())
    assert doc.user_data["set"] == {1, 2}
    assert doc.user_data[("tuple", 1)] == (1, ("nested", 2.5))
    assert doc.user_data["span"].text == "New York" and doc.user_data["span"].doc is doc
    assert doc.user_data["token"].i == 3 and doc.user_data["token"].doc is doc
    np.testing.assert_array_equal(doc.user_data["array"], parsed.user_data["array"])


def test_user_hooks_are_refused_not_dropped(parsed):
    parsed.user_hooks["vector"] = lambda doc: np.zeros(3)
    with pytest.raises(SerializationError, match="E087"):
        parsed.to_bytes()
    assert Doc(Vocab()).from_bytes(parsed.to_bytes(exclude=["user_hooks"])).text == parsed.text


def _parts(data):
    return msgpack.unpackb(data, raw=False)


def _rebuild(parts):
    return msgpack.packb(parts, use_bin_type=True)


def _set_column(data, name, array):
    parts = _parts(data)
    cols = msgpack.unpackb(parts["columns"], raw=False)
    cols[name] = {"dtype": array.dtype.str, "shape": list(array.shape), "data": array.tobytes()}
    parts["columns"] = msgpack.packb(cols, use_bin_type=True)
    return _rebuild(parts)


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d[: len(d) // 2],
        lambda d: b"\x00" + d,
        lambda d: b"not msgpack at all",
        lambda d: msgpack.packb([1, 2]),
        lambda d: _rebuild({k: v for k, v in _parts(d).items() if k != "columns"}),
        lambda d: _rebuild(
            {
                **_parts(d),
                "meta": msgpack.packb({"format": "plait.doc", "version": 99, "n_tokens": 9}),
            }
        ),
        lambda d: _rebuild({**_parts(d), "meta": msgpack.packb({"format": "other"})}),
        lambda d: _rebuild({**_parts(d), "text": msgpack.packb("different text")}),
        lambda d: _rebuild({**_parts(d), "strings": msgpack.packb([1, 2])}),
        lambda d: _rebuild(
            {
                **_parts(d),
                "spans": msgpack.packb([{"name": "x", "attrs": {}, "spans": [[0, 99, 0, 0, 0]]}]),
            }
        ),
        lambda d: _set_column(d, "head", np.full(9, 50, dtype="<i8")),
        lambda d: _set_column(d, "ent_iob", np.full(9, 7, dtype="|u1")),
        lambda d: _set_column(d, "sent_start", np.full(9, 5, dtype="|i1")),
        lambda d: _set_column(d, "tag", np.zeros(4, dtype="<u8")),
        lambda d: _set_column(d, "tag", np.zeros(9, dtype="<f8")),
        lambda d: _set_column(d, "weird", np.zeros(9, dtype="<u8")),
        lambda d: _rebuild({**_parts(d), "user_data": msgpack.packb([[1]])}),
        lambda d: _rebuild({**_parts(d), "user_data": b"\xc1 not msgpack"}),
        lambda d: _rebuild(
            {**_parts(d), "user_data": msgpack.packb([["k", msgpack.ExtType(2, b"\x90")]])}
        ),
        lambda d: _rebuild(
            {**_parts(d), "user_data": msgpack.packb([["k", msgpack.ExtType(3, b"\x63")]])}
        ),
        lambda d: _rebuild({**_parts(d), "user_data": msgpack.packb(["not bytes"])[1:]}),
        lambda d: _rebuild(
            {**_parts(d), "tensor": msgpack.packb({"dtype": "|O", "shape": [1], "data": b"x"})}
        ),
    ],
)
def test_damaged_bytes_are_coded_format_error(parsed, damage):
    data = damage(parsed.to_bytes())
    target = Doc(Vocab(), words=["keep"])
    with pytest.raises(FormatError, match="E076"):
        target.from_bytes(data)
    assert target.text == "keep "  # a failed load leaves the doc as it was


def test_random_byte_flips_never_crash(parsed):
    data = bytearray(parsed.to_bytes())
    rng = np.random.default_rng(0)
    for _ in range(200):
        damaged = bytearray(data)
        for pos in rng.integers(0, len(data), size=3):
            damaged[pos] ^= int(rng.integers(1, 256))
        try:
            doc = Doc(Vocab()).from_bytes(bytes(damaged))
        except FormatError:
            continue
        assert len(doc) == len(doc.to_array("ORTH"))


words = st.lists(
    st.text(st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=8), max_size=12
)


@settings(max_examples=60, deadline=None)
@given(words=words, data=st.data())
def test_round_trip_property(words, data):
    vocab = Vocab()
    n = len(words)
    spaces = data.draw(st.lists(st.booleans(), min_size=n, max_size=n))
    tags = data.draw(st.lists(st.sampled_from(["NN", "VB", None]), min_size=n, max_size=n))
    ents = data.draw(
        st.lists(st.sampled_from(["B-X", "I-X", "O", "", "B-Y"]), min_size=n, max_size=n)
    )
    doc = Doc(vocab, words=words, spaces=spaces, tags=tags, ents=ents)
    back = Doc(Vocab()).from_bytes(doc.to_bytes())
    assert _same(doc, back)
    assert [(e.start, e.end, e.label_) for e in back.ents] == [
        (e.start, e.end, e.label_) for e in doc.ents
    ]
