"""The batches docs travel in from workers: exact round trips, damage refused."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plait.errors import FormatError
from plait.parallel.wire import decode_docs, encode_docs
from plait.tokens import Doc, Span
from plait.vocab import Vocab


def _state(doc: Doc) -> tuple:
    cols = {name: col.tolist() for name, col in sorted(doc._cols.items())}
    spans = {k: [(s.start, s.end, s.label_) for s in g] for k, g in doc.spans.items()}
    return (doc.text, doc._orth.tolist(), doc._spacy.tolist(), cols, dict(doc.user_data),
            dict(doc.cats), spans, doc.has_unknown_spaces)


def _annotated(vocab: Vocab) -> list[Doc]:
    tagged = Doc(vocab, words=["New", "York", "is", "big", "."],
                 spaces=[True, True, True, False, False], tags=["NNP", "NNP", "VBZ", "JJ", "."],
                 heads=[1, 2, 2, 2, 2], deps=["compound", "nsubj", "ROOT", "acomp", "punct"],
                 ents=["B-GPE", "I-GPE", "O", "O", "O"])
    tagged.user_data[("._.", "x", None, None)] = ("a", 1)
    tagged.cats["POS"] = 0.75
    plain = Doc(vocab, words=["plain", "words"])
    empty = Doc(vocab, words=[])
    with_spans = Doc(vocab, words=["a", "b", "c"], spaces=[True, True, False])
    with_spans.spans["sc"] = [Span(with_spans, 0, 2, label="AB")]
    return [tagged, plain, empty, with_spans]


def test_batch_round_trip_keeps_every_annotation_and_order():
    vocab = Vocab(lang="en")
    docs = _annotated(vocab)
    data = encode_docs(docs)
    other = Vocab(lang="en")
    back = decode_docs(other, data)
    assert [_state(d) for d in back] == [_state(d) for d in docs]
    assert back[0].ents[0].label_ == "GPE" and back[0][1].head.text == "is"
    assert back[1].has_unknown_spaces and all(d.vocab is other for d in back)


def test_decoded_columns_are_writable():
    vocab = Vocab()
    back = decode_docs(vocab, encode_docs(_annotated(vocab)[:2]))
    back[1][0].tag_ = "NN"
    back[0][0].tag_ = "XX"
    assert [t.tag_ for t in back[1]] == ["NN", ""]
    assert back[0][1].tag_ == "NNP"


def test_empty_batch_round_trips():
    assert decode_docs(Vocab(), encode_docs([])) == []


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.tuples(st.text(min_size=1, max_size=5).filter(str.strip),
                                   st.booleans()), max_size=6), max_size=5))
def test_any_words_and_spaces_round_trip(batch):
    vocab = Vocab()
    docs = [Doc(vocab, words=[w for w, _ in d], spaces=[s for _, s in d]) for d in batch]
    back = decode_docs(Vocab(), encode_docs(docs))
    assert [(d.text, [t.text for t in d]) for d in back] == [
        (d.text, [t.text for t in d]) for d in docs
    ]


def _valid() -> bytes:
    return encode_docs(_annotated(Vocab())[:2])


@pytest.mark.parametrize(
    "data",
    [b"not a docbin \xc1", _valid()[:-20], _valid()[:40] + b"\xff" * 8 + _valid()[48:]],
    ids=["garbage", "truncated", "overwritten"],
)
def test_damaged_batch_is_refused_with_e753(data):
    with pytest.raises(FormatError, match="E753"):
        decode_docs(Vocab(), data)
