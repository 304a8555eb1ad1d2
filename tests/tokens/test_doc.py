"""Doc construction, indexing, annotations, sentences, entities, char_span, from_docs."""

import numpy as np
import pytest

from plait import attrs as A
from plait.errors import InputError, InputTypeError, OutOfRange
from plait.tokens import Doc, Span, Token

WORDS = ["New", "York", "is", "big", ".", "It", "is", "old", "."]


def test_words_and_spaces_give_exact_text(vocab):
    doc = Doc(vocab, words=["Hello", ",", "world", "!"], spaces=[False, True, False, False])
    assert doc.text == "Hello, world!"
    assert doc.text_with_ws == doc.text
    assert [t.idx for t in doc] == [0, 5, 7, 12]
    assert len(doc) == 4 and not doc.has_unknown_spaces


def test_spaces_default_to_true_and_are_marked_unknown(vocab):
    doc = Doc(vocab, words=["a", "b"])
    assert doc.text == "a b " and doc.has_unknown_spaces


def test_empty_doc(vocab):
    doc = Doc(vocab)
    assert len(doc) == 0 and doc.text == "" and list(doc) == [] and doc.ents == ()
    assert doc.to_array(["ORTH", "HEAD"]).shape == (0, 2)
    assert doc.has_annotation("DEP")


def test_mismatched_spaces_is_coded_error(vocab):
    with pytest.raises(InputError, match="E050"):
        Doc(vocab, words=["a", "b"], spaces=[True])


def test_spaces_without_words_is_coded_error(vocab):
    with pytest.raises(InputError, match="E051"):
        Doc(vocab, spaces=[True])


def test_non_string_word_is_coded_type_error(vocab):
    with pytest.raises(InputTypeError, match="E052"):
        Doc(vocab, words=["a", 3.5])


def test_annotation_of_wrong_length_is_coded_error(vocab):
    with pytest.raises(InputError, match="E053"):
        Doc(vocab, words=["a", "b"], tags=["X"])


def test_heads_without_deps_is_coded_error(vocab):
    with pytest.raises(InputError, match="E054"):
        Doc(vocab, words=["a", "b"], heads=[0, 0])


@pytest.mark.parametrize("heads", [[0, 2], [0, -1], [0, "x"]])
def test_head_outside_doc_is_coded_error(vocab, heads):
    with pytest.raises(InputError, match="E055"):
        Doc(vocab, words=["a", "b"], heads=heads, deps=["x", "y"])


@pytest.mark.parametrize("tag", ["X-ORG", "B", "BORG", 3])
def test_bad_iob_tag_is_coded_error(vocab, tag):
    with pytest.raises(InputError, match="E056"):
        Doc(vocab, words=["a"], ents=[tag])


def test_non_ud_pos_is_coded_error(vocab):
    with pytest.raises(InputError, match="E057"):
        Doc(vocab, words=["a"], pos=["NN"])


def test_indexing_and_negative_indexing(parsed):
    assert parsed[0].text == "New" and parsed[-1].text == "."
    assert isinstance(parsed[np.int64(2)], Token)
    with pytest.raises(OutOfRange, match="E059"):
        parsed[len(parsed)]
    with pytest.raises(IndexError):
        parsed[-100]


def test_slices_give_spans_and_clip_like_python(parsed):
    span = parsed[1:3]
    assert isinstance(span, Span) and span.text == "York is"
    assert (parsed[-100:100].start, parsed[-100:100].end) == (0, len(parsed))
    assert (parsed[5:2].start, parsed[5:2].end) == (5, 5)


def test_stepped_slice_is_coded_error(parsed):
    with pytest.raises(InputError, match="E058"):
        parsed[0:4:2]


def test_iteration_yields_tokens_in_order(parsed):
    assert [t.text for t in parsed] == WORDS
    assert [t.i for t in parsed] == list(range(len(WORDS)))


def test_from_orths_builds_lazily_and_reads_zeros(vocab):
    orths = vocab.strings.add_many(["a", "b", "c"])
    doc = Doc._from_orths(vocab, orths, [True, False, False], text="a bc")
    assert doc.text == "a bc" and doc._cols == {}
    assert doc.to_array("TAG").tolist() == [0, 0, 0]
    assert not doc.has_annotation("TAG")
    assert [t.text for t in doc] == ["a", "b", "c"]


def test_from_orths_accepts_arrays_and_token_norms(vocab):
    orths = np.asarray(vocab.strings.add_many(["Gonna", "go"]), dtype=np.uint64)
    norm = vocab.strings.add("going to")
    doc = Doc._from_orths(vocab, orths, np.array([True, False]), norms=[norm, 0])
    assert doc[0].norm_ == "going to"
    assert doc[1].norm_ == "go"
    assert doc.to_array("NORM").tolist() == [norm, vocab["go"].norm]


def test_from_orths_rejects_mismatched_spaces(vocab):
    with pytest.raises(InputError, match="E050"):
        Doc._from_orths(vocab, [vocab.strings.add("a")], [True, False])


def test_words_given_as_known_hashes(vocab):
    key = vocab.strings.add("hello")
    assert Doc(vocab, words=[key]).text == "hello "


def test_has_annotation(parsed, vocab):
    for name in (
        "TAG",
        "POS",
        "DEP",
        "HEAD",
        "LEMMA",
        "MORPH",
        "ENT_IOB",
        "ENT_TYPE",
        "SENT_START",
        "IS_SENT_START",
        A.DEP,
    ):
        assert parsed.has_annotation(name), name
    assert parsed.has_annotation("ENT_IOB", require_complete=True)
    bare = Doc(vocab, words=["a", "b"])
    assert not bare.has_annotation("TAG") and not bare.has_annotation("SENT_START")
    assert Doc(vocab, words=["a"]).has_annotation("SENT_START")
    with pytest.raises(InputError, match="E003"):
        bare.has_annotation("NOPE")


def test_has_annotation_require_complete(vocab):
    doc = Doc(vocab, words=["a", "b"], tags=["X", None])
    assert doc.has_annotation("TAG")
    assert not doc.has_annotation("TAG", require_complete=True)


def test_sents_from_parse(parsed):
    assert [s.text for s in parsed.sents] == ["New York is big.", "It is old."]
    assert [t.is_sent_start for t in parsed] == [True] + [False] * 4 + [True] + [False] * 3


def test_sents_from_sent_starts(vocab):
    doc = Doc(vocab, words=["A", "b", "C", "d"], sent_starts=[True, False, True, None])
    assert [(s.start, s.end) for s in doc.sents] == [(0, 2), (2, 4)]
    assert doc[3].is_sent_start is None


def test_sents_without_boundaries_is_coded_error(vocab):
    with pytest.raises(InputError, match="E064"):
        list(Doc(vocab, words=["a", "b"]).sents)


def test_sents_user_hook_overrides(vocab):
    doc = Doc(vocab, words=["a", "b", "c"])
    doc.user_hooks["sents"] = lambda d: [d[0:1], d[1:3]]
    assert [s.text for s in doc.sents] == ["a", "b c"]
    assert doc.has_annotation("SENT_START")


def test_ents_from_iob_repairs_iob1(vocab):
    doc = Doc(vocab, words=list("abcdef"), ents=["I-X", "I-X", "O", "I-Y", "I-Z", ""])
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(0, 2, "X"), (3, 4, "Y"), (4, 5, "Z")]
    assert [t.ent_iob_ for t in doc] == ["B", "I", "O", "B", "B", ""]


def test_set_ents_from_spans_and_tuples_clears_others(parsed):
    parsed.ents = [Span(parsed, 5, 6, label="PRON"), ("ADJ", 7, 8)]
    assert [(e.text, e.label_) for e in parsed.ents] == [("It", "PRON"), ("old", "ADJ")]
    assert parsed[0].ent_iob_ == "O" and parsed[0].ent_type_ == ""


def test_set_ents_keeps_kb_id_and_span_id(vocab):
    doc = Doc(vocab, words=["Douglas", "Adams", "wrote"])
    doc.ents = [Span(doc, 0, 2, label="PERSON", kb_id="Q42", span_id="adams")]
    ent = doc.ents[0]
    assert (ent.kb_id_, ent.id_) == ("Q42", "adams")
    assert doc[1].ent_kb_id_ == "Q42" and doc[1].ent_id_ == "adams"


def test_overlapping_ents_are_coded_error(parsed):
    with pytest.raises(InputError, match="E061"):
        parsed.ents = [Span(parsed, 0, 2, label="A"), Span(parsed, 1, 3, label="B")]


def test_bad_ent_entry_is_coded_error(parsed):
    with pytest.raises(InputError, match="E062"):
        parsed.ents = ["New York"]


def test_set_ents_default_modes(vocab):
    doc = Doc(vocab, words=list("abcd"))
    doc.set_ents(
        [Span(doc, 0, 1, label="X")], blocked=[doc[1:2]], missing=[doc[2:3]], default="missing"
    )
    assert [t.ent_iob_ for t in doc] == ["B", "B", "", ""]
    assert [e.label_ for e in doc.ents] == ["X"]
    doc.set_ents([], outside=[doc[3:4]], default="unmodified")
    assert [t.ent_iob_ for t in doc] == ["B", "B", "", "O"]
    with pytest.raises(InputError, match="E063"):
        doc.set_ents([], default="nothing")


def test_char_span_alignment_modes(parsed):
    # "New York is big. It is old."
    assert parsed.char_span(0, 8).text == "New York"
    assert parsed.char_span(0, 8, label="GPE").label_ == "GPE"
    assert parsed.char_span(1, 8) is None
    assert parsed.char_span(1, 10, alignment_mode="contract").text == "York"
    assert parsed.char_span(1, 10, alignment_mode="expand").text == "New York is"
    assert parsed.char_span(4, 4) is None
    with pytest.raises(InputError, match="E067"):
        parsed.char_span(0, 3, alignment_mode="loose")


def test_char_span_matches_text(parsed):
    for token in parsed:
        span = parsed.char_span(token.idx, token.idx + len(token))
        assert span is not None and (span.start, span.end) == (token.i, token.i + 1)


def test_noun_chunks_use_language_iterator(vocab, parsed):
    with pytest.raises(InputError, match="E066"):
        list(parsed.noun_chunks)
    vocab.get_noun_chunks = lambda doc: [(0, 2, doc.vocab.strings.add("NP"))]
    assert [(c.text, c.label_) for c in parsed.noun_chunks] == [("New York", "NP")]
    assert [c.text for c in parsed[0:3].noun_chunks] == ["New York"]
    with pytest.raises(InputError, match="E065"):
        list(Doc(vocab, words=["a"]).noun_chunks)


def test_copy_is_independent(parsed):
    parsed.user_data["x"] = [1]
    parsed.cats["POS"] = 1.0
    parsed.spans["s"] = [parsed[0:2]]
    copy = parsed.copy()
    copy[0].tag_ = "XX"
    copy.user_data["x"].append(2)
    assert parsed[0].tag_ == "NNP" and parsed.user_data["x"] == [1]
    assert copy.cats == {"POS": 1.0} and copy.spans["s"][0].doc is copy
    assert copy.text == parsed.text


def test_from_docs_concatenates_with_whitespace(vocab):
    a = Doc(vocab, words=["Hi", "."], spaces=[False, False], ents=["B-X", "O"])
    b = Doc(vocab, words=["Bye"], spaces=[False], sent_starts=[True])
    doc = Doc.from_docs([a, b])
    assert doc.text == "Hi. Bye"
    assert [e.text for e in doc.ents] == ["Hi"]
    assert doc[2].is_sent_start
    assert Doc.from_docs([a, b], ensure_whitespace=False).text == "Hi.Bye"
    assert Doc.from_docs([]) is None


def test_from_docs_shifts_extension_offsets(vocab, clean_extensions):
    Token.set_extension("mark", default=None)
    a = Doc(vocab, words=["a", "b"], spaces=[True, False])
    b = Doc(vocab, words=["c"])
    b[0]._.mark = "here"
    a.spans["g"] = [a[0:1]]
    b.spans["g"] = [b[0:1]]
    doc = Doc.from_docs([a, b])
    assert doc[2]._.mark == "here"
    assert [s.text for s in doc.spans["g"]] == ["a", "c"]


def test_from_docs_rejects_different_vocabs(vocab):
    from plait.vocab import Vocab

    with pytest.raises(InputError, match="E086"):
        Doc.from_docs([Doc(vocab, words=["a"]), Doc(Vocab(), words=["b"])])


def test_cats_user_data_tensor_defaults(vocab):
    doc = Doc(vocab, words=["a"], user_data={"k": 1})
    assert doc.cats == {} and doc.user_data == {"k": 1}
    assert doc.tensor.shape == (0,)
    assert doc.lang_ == "en"


def test_count_by(vocab):
    doc = Doc(vocab, words=["a", "b", "a"])
    assert doc.count_by("ORTH") == {vocab.strings["a"]: 2, vocab.strings["b"]: 1}


def test_token_text_and_orth_follow_retokenizing(vocab):
    doc = Doc(vocab, words=["New", "York", "is", "big"])
    assert [t.text for t in doc] == ["New", "York", "is", "big"]  # fills the text cache
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert [t.text for t in doc] == ["New York", "is", "big"]
    assert doc[0].orth == vocab.strings["New York"]
    assert doc.text == "New York is big "


def test_iterating_a_doc_yields_each_token_in_order(vocab):
    doc = Doc(vocab, words=["a", "b", "c"])
    tokens = list(doc)
    assert [t.i for t in tokens] == [0, 1, 2]
    assert all(t.doc is doc for t in tokens)
    assert list(iter(Doc(vocab, words=[]))) == []


def test_token_text_of_a_loaded_doc(vocab):
    doc = Doc(vocab, words=["one", "two"], spaces=[True, False])
    assert [t.text for t in doc] == ["one", "two"]
    doc.from_bytes(Doc(vocab, words=["three"]).to_bytes())
    assert [t.text for t in doc] == ["three"] and doc[0].orth == vocab.strings["three"]
