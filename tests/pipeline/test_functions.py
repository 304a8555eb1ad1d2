import warnings

import numpy as np

from plait.pipeline import DocCleaner, merge_entities, merge_noun_chunks, merge_subtokens
from plait.tokens import Doc, Span


def test_merge_entities_merges_each_entity(nlp):
    nlp.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "New York"}])
    nlp.add_pipe("merge_entities")
    doc = nlp("I love New York City")
    assert [(t.text, t.ent_type_) for t in doc] == [
        ("I", ""), ("love", ""), ("New York", "GPE"), ("City", "")]


def test_merge_entities_keeps_the_root_tag(nlp):
    doc = Doc(nlp.vocab, words=["New", "York", "rocks"], tags=["NNP", "NNP", "VBZ"],
              heads=[1, 2, 2], deps=["compound", "nsubj", "ROOT"])
    doc.ents = [Span(doc, 0, 2, label="GPE")]
    doc = merge_entities(doc)
    assert [(t.text, t.tag_, t.dep_) for t in doc] == [("New York", "NNP", "nsubj"),
                                                      ("rocks", "VBZ", "ROOT")]


def test_merge_noun_chunks_merges_base_noun_phrases(nlp):
    doc = Doc(nlp.vocab, words=["The", "big", "dog", "barked"], pos=["DET", "ADJ", "NOUN", "VERB"],
              heads=[2, 2, 3, 3], deps=["det", "amod", "nsubj", "ROOT"])
    assert [t.text for t in merge_noun_chunks(doc)] == ["The big dog", "barked"]


def test_merge_noun_chunks_without_parse_is_a_no_op(nlp):
    doc = nlp.make_doc("The big dog")
    assert len(merge_noun_chunks(doc)) == 3


def test_merge_subtokens_merges_runs(nlp):
    doc = Doc(nlp.vocab, words=["a", "b", "c", "d"], heads=[1, 2, 2, 2],
              deps=["subtok", "subtok", "ROOT", "dep"])
    assert [t.text for t in merge_subtokens(doc)] == ["a b c", "d"]


def test_doc_cleaner_resets_tensor_and_warns_for_missing_extension(nlp):
    cleaner = nlp.add_pipe("doc_cleaner", config={"silent": False})
    doc = nlp.make_doc("a b")
    doc.tensor = np.ones((2, 3), dtype="float32")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cleaner(doc)
    assert doc.tensor.size == 0
    assert any("W061" in str(w.message) for w in caught)


def test_doc_cleaner_silent_does_not_warn(nlp):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        DocCleaner({"_.missing": None}, silent=True)(nlp.make_doc("a"))


def test_token_splitter_splits_long_tokens(nlp):
    splitter = nlp.add_pipe("token_splitter", config={"min_length": 6, "split_length": 3})
    assert [t.text for t in splitter(nlp.make_doc("abcdefgh ok"))] == ["abc", "def", "gh", "ok"]
