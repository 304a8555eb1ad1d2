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


def _parsed(vocab):
    return Doc(
        vocab, words=["New", "York", "is", "big", ".", "It", "is", "old"],
        spaces=[True, True, True, False, True, True, True, False],
        heads=[1, 2, 2, 2, 2, 6, 6, 6],
        deps=["compound", "nsubj", "ROOT", "acomp", "punct", "nsubj", "ROOT", "acomp"],
        tags=["NNP", "NNP", "VBZ", "JJ", ".", "PRP", "VBZ", "JJ"],
        pos=["PROPN", "PROPN", "AUX", "ADJ", "PUNCT", "PRON", "AUX", "ADJ"],
        lemmas=["new", "york", "be", "big", ".", "it", "be", "old"],
        morphs=["Number=Sing", "", "Tense=Pres", "", "", "", "", ""],
        ents=["B-GPE", "I-GPE", "O", "O", "O", "O", "O", "O"],
    )


_ATTRS = ["ORTH", "SPACY", "TAG", "POS", "DEP", "HEAD", "LEMMA", "MORPH", "ENT_IOB", "ENT_TYPE",
          "ENT_KB_ID", "SENT_START", "NORM"]


@pytest.mark.parametrize("protocol", [2, 3, 4, 5])
def test_pickle_doc_keeps_every_column_with_each_protocol(protocol):
    import numpy as np

    doc = _parsed(plait.blank("en").vocab)
    doc[1].norm_ = "york-norm"
    out = pickle.loads(pickle.dumps(doc, protocol=protocol))
    assert out.text == doc.text
    assert np.array_equal(out.to_array(_ATTRS), doc.to_array(_ATTRS))
    assert [s.text for s in out.sents] == [s.text for s in doc.sents]


def test_pickled_doc_columns_are_writable_and_independent():
    doc = _parsed(plait.blank("en").vocab)
    a, b = pickle.loads(pickle.dumps([doc, doc.copy()]))
    a[0].tag_ = "XX"
    a[1].lemma_ = "yorkish"
    a[2].is_sent_start = True
    assert (a[0].tag_, a[1].lemma_, a[2].is_sent_start) == ("XX", "yorkish", True)
    assert b[0].tag_ == "NNP" and doc[0].tag_ == "NNP"


def test_pickle_doc_keeps_user_data_cats_spans_tensor_and_unknown_spaces(clean_ext):
    import numpy as np

    from plait.tokens import Token

    vocab = plait.blank("en").vocab
    doc = Doc(vocab, words=["Ada", "wrote", "code"])  # no spaces given: unknown
    Token.set_extension("pickle_pair", default=None, force=True)
    doc[0]._.pickle_pair = ("x", 1)
    doc.user_data["span"] = doc[1:3]
    doc.cats = {"TECH": 0.5}
    doc.spans["sc"] = [doc[0:1], doc[2:3]]
    doc.spans["sc"].attrs["source"] = "test"
    doc.spans["sc"][0].label_ = "PERSON"
    doc.tensor = np.arange(6, dtype=np.float32).reshape(3, 2)
    out = pickle.loads(pickle.dumps(doc))
    assert out[0]._.pickle_pair == ("x", 1)
    assert out.user_data["span"].text == "wrote code" and out.user_data["span"].doc is out
    assert out.cats == {"TECH": 0.5}
    assert [(s.text, s.label_) for s in out.spans["sc"]] == [("Ada", "PERSON"), ("code", "")]
    assert out.spans["sc"].attrs == {"source": "test"}
    np.testing.assert_array_equal(out.tensor, doc.tensor)
    assert out.has_unknown_spaces


def test_pickle_doc_with_columns_in_other_dtypes_or_as_views():
    import numpy as np

    doc = _parsed(plait.blank("en").vocab)
    doc._cols["head"] = doc._cols["head"].astype(np.int32)
    wide = np.zeros((len(doc), 2), dtype=np.uint64)
    wide[:, 1] = doc._cols["tag"]
    doc._cols["tag"] = wide[:, 1]
    out = pickle.loads(pickle.dumps(doc))
    assert np.array_equal(out.to_array(_ATTRS), doc.to_array(_ATTRS))
    assert out._cols["head"].dtype == np.int64


def test_pickle_doc_refuses_user_hooks_and_unstorable_user_data():
    from plait.errors import SerializationError

    doc = plait.blank("en")("a b")
    doc.user_hooks["vector"] = len
    with pytest.raises(SerializationError, match="E087"):
        pickle.dumps(doc)
    doc.user_hooks.clear()
    doc.user_data["bad"] = object()
    with pytest.raises(SerializationError, match=r"E357.*'bad'"):
        pickle.dumps(doc)


@pytest.mark.parametrize(
    "damage",
    [
        lambda args: (args[0], args[1] + 1, *args[2:]),
        lambda args: (args[0], -1, *args[2:]),
        lambda args: (*args[:2], ("weird",), *args[3:]),
        lambda args: (*args[:2], tuple(reversed(args[2])), *args[3:]),
        lambda args: (*args[:2], ["tag"], *args[3:]),
        lambda args: (*args[:3], bytes(args[3][:-1]), args[4]),
        lambda args: (*args[:3], "text", args[4]),
        lambda args: (*args[:4], ["not", "a", "dict"]),
        lambda args: (*args[:4], {"user_data": b"\xc1"}),
        lambda args: (*args[:4], {"spans": [["sc"]]}),
    ],
)
def test_unpickling_a_damaged_doc_state_is_a_coded_format_error(damage):
    from plait.errors import FormatError

    doc = _parsed(plait.blank("en").vocab)
    func, args = doc.__reduce__()
    with pytest.raises(FormatError, match="E076"):
        func(*damage(args))


@pytest.fixture
def clean_ext():
    from plait.tokens import Span, Token

    before = {cls: dict(cls._extensions) for cls in (Doc, Span, Token)}
    yield
    for cls, exts in before.items():
        cls._extensions.clear()
        cls._extensions.update(exts)


def test_every_doc_column_has_a_pickle_layout():
    # doc_pickle packs 8-byte columns, then 1-byte ones: a new column width needs a layout
    from plait.tokens.arrays import COLUMN_DTYPES
    from plait.tokens.doc_pickle import _NARROW, _WIDE

    assert _WIDE | _NARROW == set(COLUMN_DTYPES)
