"""DocBin: round trips of every annotation, attrs, compression, merge, random access, errors."""

import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plait.errors import (
    CompatibilityError,
    FormatError,
    InputError,
    InputTypeError,
    OutOfRange,
    SerializationError,
)
from plait.tokens import Doc, DocBin
from plait.tokens import docbin_format as fmt
from plait.vocab import Vocab

WORDS = ["New", "York", "is", "big", ".", "It", "is", "old", "."]
SPACES = [True, True, True, False, True, True, True, False, False]


def make_doc(vocab: Vocab) -> Doc:
    doc = Doc(
        vocab, words=WORDS, spaces=SPACES, heads=[1, 2, 2, 2, 2, 6, 6, 6, 6],
        deps=["compound", "nsubj", "ROOT", "acomp", "punct", "nsubj", "ROOT", "acomp", "punct"],
        tags=["NNP", "NNP", "VBZ", "JJ", ".", "PRP", "VBZ", "JJ", "."],
        pos=["PROPN", "PROPN", "AUX", "ADJ", "PUNCT", "PRON", "AUX", "ADJ", "PUNCT"],
        lemmas=["new", "york", "be", "big", ".", "it", "be", "old", "."],
        morphs=["Number=Sing", "", "Tense=Pres", "", "", "", "", "", ""],
        ents=["B-GPE", "I-GPE", "O", "O", "O", "O", "O", "O", "O"],
    )
    doc.cats = {"CITY": 0.75, "OTHER": 0.25}
    doc.spans["sc"] = [doc[0:2], doc[3:4]]
    doc.spans["sc"].attrs["source"] = "test"
    return doc


def annotations(doc: Doc) -> list:
    return [
        doc.text, [t.tag_ for t in doc], [t.pos_ for t in doc], [t.dep_ for t in doc],
        [t.head.i for t in doc], [t.lemma_ for t in doc], [str(t.morph) for t in doc],
        [(e.start, e.end, e.label_) for e in doc.ents], [t.is_sent_start for t in doc],
        doc.cats, {k: [(s.start, s.end, s.label_) for s in g] for k, g in doc.spans.items()},
        [t.whitespace_ for t in doc],
    ]


@pytest.fixture
def vocab() -> Vocab:
    return Vocab(lang="en")


def test_docbin_round_trips_every_annotation(vocab):
    doc = make_doc(vocab)
    data = DocBin(docs=[doc]).to_bytes()
    (out,) = DocBin().from_bytes(data).get_docs(Vocab())
    assert annotations(out) == annotations(doc)
    assert out.spans["sc"].attrs == {"source": "test"}


def test_docbin_reads_into_a_fresh_vocab_with_its_strings(vocab):
    data = DocBin(docs=[make_doc(vocab)]).to_bytes()
    fresh = Vocab()
    (out,) = DocBin().from_bytes(data).get_docs(fresh)
    assert "York" in fresh.strings and out[1].text == "York"


@pytest.mark.parametrize("compression", ["zstd", "zlib", "lz4", "none"])
def test_docbin_round_trips_with_each_compression(vocab, compression):
    docs = [make_doc(vocab), Doc(vocab, words=["a", "b"])]
    db = DocBin(docs=docs, compression=compression)
    out = list(DocBin().from_bytes(db.to_bytes()).get_docs(vocab))
    assert [annotations(d) for d in out] == [annotations(d) for d in docs]


def test_docbin_rejects_unknown_compression():
    with pytest.raises(InputError, match="E355"):
        DocBin(compression="brotli")


def test_docbin_attrs_limit_the_stored_annotations(vocab):
    db = DocBin(attrs=["ORTH", "TAG"], docs=[make_doc(vocab)])
    (out,) = DocBin().from_bytes(db.to_bytes()).get_docs(vocab)
    assert out[0].tag_ == "NNP"
    assert not out.has_annotation("DEP") and not out.has_annotation("LEMMA")
    assert DocBin().from_bytes(db.to_bytes()).attrs == ["ORTH", "TAG"]


def test_docbin_rejects_a_lexical_attribute():
    with pytest.raises(InputError, match="E360"):
        DocBin(attrs=["ORTH", "LOWER"])


def test_docbin_add_rejects_a_non_doc():
    with pytest.raises(InputTypeError, match="E358"):
        DocBin().add("text")


def test_docbin_len_counts_added_and_loaded_docs(vocab):
    db = DocBin(docs=[make_doc(vocab)] * 3)
    assert len(db) == 3
    db2 = DocBin().from_bytes(db.to_bytes())
    db2.add(make_doc(vocab))
    assert len(db2) == 4
    assert len(list(db2.get_docs(vocab))) == 4


def test_docbin_merge_appends_docs_in_order(vocab):
    a = DocBin(docs=[Doc(vocab, words=["one"])])
    b = DocBin(docs=[Doc(vocab, words=["two"]), Doc(vocab, words=["three"])])
    a.merge(b)
    assert [d.text for d in a.get_docs(vocab)] == ["one ", "two ", "three "]
    again = DocBin().from_bytes(a.to_bytes())
    assert [d.text for d in again.get_docs(vocab)] == ["one ", "two ", "three "]


def test_docbin_merge_rejects_different_attrs(vocab):
    with pytest.raises(InputError, match="E359"):
        DocBin(attrs=["ORTH"]).merge(DocBin(attrs=["ORTH", "TAG"]))


def test_docbin_random_access_builds_one_doc(vocab):
    docs = [Doc(vocab, words=[f"w{i}", "x"]) for i in range(20)]
    db = DocBin().from_bytes(DocBin(docs=docs).to_bytes())
    assert db[7].text == "w7 x " and db[-1].text == "w19 x "
    assert db.get_doc(3, vocab)[0].text == "w3"
    with pytest.raises(OutOfRange, match="E361"):
        db[20]


def test_docbin_add_takes_docs_with_user_data_and_extensions(vocab):
    Doc.set_extension("best", default=None, force=True)
    Doc.set_extension("arr", default=None, force=True)
    doc = make_doc(vocab)
    doc._.best = [doc[0:2], doc[3]]
    doc._.arr = np.arange(6, dtype=np.float32).reshape(2, 3)
    doc.user_data["plain"] = {"a": [1, 2.5, None, True], "t": (1, "x")}
    doc.user_data["set"] = {1, 2}
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (out,) = DocBin().from_bytes(data).get_docs(vocab)
    spans = out._.best
    assert [(spans[0].start, spans[0].end), spans[1].i] == [(0, 2), 3]
    assert spans[0].doc is out
    np.testing.assert_array_equal(out._.arr, doc._.arr)
    assert out.user_data["plain"] == {"a": [1, 2.5, None, True], "t": (1, "x")}
    assert out.user_data["set"] == {1, 2}


def test_docbin_without_store_user_data_drops_user_data(vocab):
    doc = make_doc(vocab)
    doc.user_data["k"] = 1
    (out,) = DocBin().from_bytes(DocBin(docs=[doc]).to_bytes()).get_docs(vocab)
    assert out.user_data == {}


def test_docbin_add_refuses_unstorable_user_data_naming_the_key(vocab):
    doc = make_doc(vocab)
    doc.user_data["handle"] = object()
    db = DocBin(store_user_data=True)
    with pytest.raises(SerializationError, match="E357.*handle"):
        db.add(doc)
    assert len(db) == 0


def test_docbin_add_refuses_a_span_of_another_doc(vocab):
    doc, other = make_doc(vocab), make_doc(vocab)
    doc.user_data["foreign"] = other[0:1]
    with pytest.raises(SerializationError, match="E365"):
        DocBin(store_user_data=True).add(doc)


def test_docbin_to_disk_and_from_disk(vocab, tmp_path):
    path = tmp_path / "corpus.plaitdb"
    DocBin(docs=[make_doc(vocab)]).to_disk(path)
    (out,) = DocBin().from_disk(path).get_docs(vocab)
    assert annotations(out) == annotations(make_doc(vocab))
    with pytest.raises(FormatError, match="E008"):
        DocBin().from_disk(tmp_path / "missing")


def test_docbin_pickles_through_its_bytes(vocab):
    db = DocBin(docs=[make_doc(vocab)])
    again = pickle.loads(pickle.dumps(db))
    assert [annotations(d) for d in again.get_docs(vocab)] == [annotations(make_doc(vocab))]


def test_docbin_refuses_a_newer_format_version(vocab):
    data = bytearray(DocBin(docs=[make_doc(vocab)]).to_bytes())
    data[8:10] = (fmt.VERSION + 1).to_bytes(2, "little")
    with pytest.raises(CompatibilityError, match="E351"):
        DocBin().from_bytes(bytes(data))


def test_docbin_points_spacy_files_to_from_spacy_bytes():
    import zlib

    with pytest.raises(FormatError, match="E352.*from_spacy_bytes"):
        DocBin().from_bytes(zlib.compress(b"\x80"))


def test_docbin_empty_round_trips():
    assert len(DocBin().from_bytes(DocBin().to_bytes())) == 0


words = st.lists(st.text(alphabet="abcXYZ.é ", min_size=1, max_size=6).filter(str.strip),
                 min_size=0, max_size=8)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(words, st.lists(st.booleans(), min_size=8, max_size=8)),
                max_size=6))
def test_docbin_round_trip_property(docs_spec):
    vocab = Vocab()
    docs = []
    for ws, spaces in docs_spec:
        ws = [w.strip() for w in ws]
        doc = Doc(vocab, words=ws, spaces=spaces[: len(ws)],
                  tags=[w[:1].upper() for w in ws],
                  sent_starts=[i == 0 for i in range(len(ws))])
        docs.append(doc)
    out = list(DocBin().from_bytes(DocBin(docs=docs).to_bytes()).get_docs(Vocab()))
    assert [(d.text, [t.tag_ for t in d], [t.is_sent_start for t in d]) for d in out] == [
        (d.text, [t.tag_ for t in d], [t.is_sent_start for t in d]) for d in docs
    ]


def test_docbin_fills_a_column_only_some_docs_have(vocab):
    tagged = Doc(vocab, words=["a", "b"], spaces=[True, False], tags=["X", "Y"])
    plain = Doc(vocab, words=["c"], spaces=[False])
    unknown = Doc(vocab, words=["d", "e"])  # spaces not given: unknown whitespace
    back = list(DocBin().from_bytes(DocBin(docs=[plain, tagged, unknown]).to_bytes())
                .get_docs(Vocab()))
    assert [[t.tag_ for t in d] for d in back] == [[""], ["X", "Y"], ["", ""]]
    assert [d.has_annotation("TAG") for d in back] == [False, True, False]
    assert [d.has_unknown_spaces for d in back] == [False, False, True]


def test_docbin_stores_columns_held_in_other_dtypes_or_as_views(vocab):
    docs = [make_doc(vocab), make_doc(vocab)]
    docs[0]._cols["head"] = docs[0]._cols["head"].astype(np.int32)
    wide = np.zeros((len(docs[1]), 2), dtype=np.uint64)
    wide[:, 0] = docs[1]._cols["tag"]
    docs[1]._cols["tag"] = wide[:, 0]  # a non-contiguous view
    out = list(DocBin().from_bytes(DocBin(docs=docs).to_bytes()).get_docs(Vocab()))
    assert [annotations(d) for d in out] == [annotations(d) for d in docs]


def test_docbin_refuses_a_doc_whose_column_has_the_wrong_length(vocab):
    doc = make_doc(vocab)
    doc._cols["tag"] = doc._cols["tag"][:3]
    with pytest.raises(InputError, match="E380"):
        DocBin(docs=[doc]).to_bytes()


def test_docbin_docs_read_back_are_writable(vocab):
    (out,) = DocBin().from_bytes(DocBin(docs=[make_doc(vocab)]).to_bytes()).get_docs(vocab)
    out[0].tag_ = "XX"
    out[1].is_sent_start = True
    out[2].lemma_ = "was"
    assert (out[0].tag_, out[1].is_sent_start, out[2].lemma_) == ("XX", True, "was")
