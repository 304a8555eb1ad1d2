"""Span views: bounds, labels, text, root, sentences, entities, as_doc, char_span."""

import pickle

import numpy as np
import pytest

from plait.errors import InputError, InputTypeError, OutOfRange
from plait.tokens import Doc, Span


@pytest.mark.parametrize("bounds", [(0, 10), (-1, 2), (3, 2)])
def test_invalid_bounds_are_coded_error(parsed, bounds):
    with pytest.raises(OutOfRange, match="E060"):
        Span(parsed, *bounds)


def test_labels_accept_strings_and_hashes(parsed):
    label = parsed.vocab.strings.add("GPE")
    span = Span(parsed, 0, 2, label=label, kb_id="Q60", span_id="nyc")
    assert (span.label_, span.kb_id_, span.id_) == ("GPE", "Q60", "nyc")
    span.label_ = "LOC"
    assert span.label == parsed.vocab.strings["LOC"]
    with pytest.raises(InputTypeError, match="E090"):
        Span(parsed, 0, 1, label=1.5)


def test_text_and_offsets(parsed):
    span = parsed[2:4]
    assert (span.text, span.text_with_ws) == ("is big", "is big")
    assert parsed[0:2].text_with_ws == "New York "
    assert (span.start_char, span.end_char) == (9, 15)
    assert parsed[3:3].text == ""
    assert len(span) == 2 and [t.text for t in span] == ["is", "big"]


def test_indexing_inside_a_span(parsed):
    span = parsed[2:6]
    assert span[0].i == 2 and span[-1].i == 5
    assert (span[1:3].start, span[1:3].end) == (3, 5)
    with pytest.raises(OutOfRange):
        span[4]
    with pytest.raises(InputError, match="E058"):
        span[::2]


def test_root_uses_the_parse(parsed):
    assert parsed[0:2].root.text == "York"
    assert parsed[0:5].root.text == "is"
    assert parsed[3:7].root.i == 6  # the only candidate that is a root itself


def test_root_without_parse_is_first_token(vocab):
    doc = Doc(vocab, words=["a", "b", "c"])
    assert doc[1:3].root.i == 1


def test_sent_and_sents(parsed):
    assert parsed[6:8].sent.text == "It is old."
    assert [s.text for s in parsed[3:7].sents] == ["New York is big.", "It is old."]


def test_ents_inside_span(parsed):
    assert [e.text for e in parsed[0:4].ents] == ["New York"]
    assert parsed[1:4].ents == ()


def test_lefts_rights_subtree(parsed):
    span = parsed[2:3]
    assert [t.text for t in span.lefts] == ["York"]
    assert [t.text for t in span.rights] == ["big", "."]
    assert [t.i for t in parsed[1:2].subtree] == [0, 1]


def test_as_doc_keeps_annotations_and_remaps_heads(parsed):
    doc = parsed[1:4].as_doc()
    assert doc.text == "York is big"
    assert [t.tag_ for t in doc] == ["NNP", "VBZ", "JJ"]
    assert [t.head.i for t in doc] == [1, 1, 1]
    assert [e.text for e in doc.ents] == ["York"]  # clipped to the span
    assert doc[0].ent_iob_ == "B"
    assert str(doc[0].morph) == "Number=Sing"


def test_as_doc_heads_outside_become_roots(parsed):
    doc = parsed[0:1].as_doc()
    assert doc[0].head.i == 0 and doc[0].dep_ == "dep"


def test_as_doc_copies_user_data_on_request(parsed, clean_extensions):
    from plait.tokens import Token

    Token.set_extension("flag", default=False)
    parsed[3]._.flag = True
    assert parsed[2:5].as_doc(copy_user_data=True)[1]._.flag is True
    assert parsed[2:5].as_doc()[1]._.flag is False


def test_span_char_span_is_relative(parsed):
    span = parsed[5:9]
    assert span.char_span(0, 2).text == "It"
    assert span.char_span(3, 5).text == "is"
    assert span.char_span(0, 100) is None


def test_to_array_slices_rows(parsed):
    assert parsed[2:4].to_array("ORTH").tolist() == parsed.to_array("ORTH")[2:4].tolist()


def test_equality_and_hash(parsed):
    assert parsed[0:2] == Span(parsed, 0, 2)
    assert parsed[0:2] != Span(parsed, 0, 2, label="X")
    assert len({parsed[0:2], Span(parsed, 0, 2)}) == 1


def test_pickling_a_span_is_coded_error(parsed):
    with pytest.raises(InputTypeError, match="E075"):
        pickle.dumps(parsed[0:2])


def test_span_vector_override(parsed):
    span = Span(parsed, 0, 2, vector=np.ones(3, dtype=np.float32))
    assert span.has_vector and span.vector.tolist() == [1.0, 1.0, 1.0]
