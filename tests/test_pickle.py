"""pickle of docs, vocab, pipelines and DocBins goes through plait's own bytes."""

import pickle

import pytest

import plait
from plait.errors import InputTypeError
from plait.tokens import Doc, DocBin


def test_pickle_doc_round_trips_annotations():
    nlp = plait.blank("en")
    doc = Doc(nlp.vocab, words=["Hello", "world"], tags=["UH", "NN"], ents=["O", "B-LOC"])
    doc.cats = {"greeting": 1.0}
    out = pickle.loads(pickle.dumps(doc))
    assert out.text == doc.text and [t.tag_ for t in out] == ["UH", "NN"]
    assert [e.label_ for e in out.ents] == ["LOC"] and out.cats == {"greeting": 1.0}


def test_pickle_list_of_docs_stores_the_vocab_once():
    nlp = plait.blank("en")
    docs = [nlp(f"text number {i}") for i in range(20)]
    one = len(pickle.dumps(docs[:1]))
    many = pickle.loads(pickle.dumps(docs))
    assert all(d.vocab is many[0].vocab for d in many)
    assert len(pickle.dumps(docs)) < one * 20


def test_pickle_vocab_and_pipeline():
    nlp = plait.blank("en")
    nlp.vocab.strings.add("zebra-crossing")
    vocab = pickle.loads(pickle.dumps(nlp.vocab))
    assert "zebra-crossing" in vocab.strings
    again = pickle.loads(pickle.dumps(nlp))
    assert type(again) is type(nlp) and "zebra-crossing" in again.vocab.strings
    assert again("a b").text == "a b"


def test_pickle_docbin():
    nlp = plait.blank("en")
    db = DocBin(docs=[nlp("one"), nlp("two")])
    out = pickle.loads(pickle.dumps(db))
    assert [d.text for d in out.get_docs(nlp.vocab)] == ["one", "two"]


@pytest.mark.parametrize("view", [lambda d: d[0], lambda d: d[0:2]])
def test_pickle_of_a_token_or_span_points_to_as_doc(view):
    doc = plait.blank("en")("a b c")
    with pytest.raises(InputTypeError, match="E075.*as_doc"):
        pickle.dumps(view(doc))


def test_doc_to_bytes_keeps_span_token_and_array_extension_values():
    # Needs Doc.to_bytes (tokens/doc_bytes.py, helper A) to store user_data through
    # plait.tokens.user_data.pack_user_data / unpack_user_data, as DocBin does.
    import numpy as np

    Doc.set_extension("pickle_best", default=None, force=True)
    doc = plait.blank("en")("Ada wrote code")
    doc._.pickle_best = [doc[0:1], doc[2]]
    doc.user_data["vec"] = np.ones(3, dtype=np.float32)
    out = Doc(doc.vocab).from_bytes(doc.to_bytes())
    assert [s.text for s in out._.pickle_best] == ["Ada", "code"]
    np.testing.assert_array_equal(out.user_data["vec"], np.ones(3, dtype=np.float32))
