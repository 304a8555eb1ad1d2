import pytest

import plait
from plait.errors import InputTypeError
from plait.pipeline import Sentencizer
from plait.tokens import Doc


def sents(doc):
    return [s.text for s in doc.sents]


def test_sentencizer_splits_after_final_punctuation(nlp):
    nlp.add_pipe("sentencizer")
    doc = nlp("Hello there. How are you?! Fine")
    assert sents(doc) == ["Hello there.", "How are you?!", "Fine"]


def test_sentencizer_keeps_closing_punctuation_in_the_sentence(nlp):
    doc = Doc(nlp.vocab, words=["He", "left", ".", ")", "Then", "rain"])
    Sentencizer()(doc)
    assert sents(doc) == ["He left . )", "Then rain"]


def test_sentencizer_uses_configured_characters(nlp):
    nlp.add_pipe("sentencizer", config={"punct_chars": [";"]})
    doc = nlp("one ; two . three")
    assert sents(doc) == ["one ;", "two . three"]


def test_sentencizer_keeps_existing_boundaries_unless_overwrite(nlp):
    words = ["a", "b", ".", "c", "d"]
    doc = Doc(nlp.vocab, words=words, sent_starts=[True, True, False, False, False])
    Sentencizer()(doc)
    assert [t.is_sent_start for t in doc] == [True, True, False, False, False]
    doc = Doc(nlp.vocab, words=words, sent_starts=[True, True, False, False, False])
    Sentencizer(overwrite=True)(doc)
    assert [t.is_sent_start for t in doc] == [True, False, False, True, False]


def test_sentencizer_handles_empty_doc(nlp):
    doc = Sentencizer()(Doc(nlp.vocab, words=[]))
    assert len(doc) == 0


def test_sentencizer_pipe_processes_every_doc(nlp):
    docs = [nlp.make_doc("one. two"), nlp.make_doc("three! four")]
    out = list(Sentencizer().pipe(docs))
    assert [len(list(d.sents)) for d in out] == [2, 2]


@pytest.mark.parametrize("bad", ["!?", [1], 5])
def test_sentencizer_rejects_bad_punct_chars(bad):
    with pytest.raises(InputTypeError, match="E478"):
        Sentencizer(punct_chars=bad)


def test_sentencizer_settings_survive_disk_round_trip(nlp, disk_round_trip):
    nlp.add_pipe("sentencizer", config={"punct_chars": ["|"], "overwrite": True})
    nlp.get_pipe("sentencizer").punct_chars = {"|", "#"}  # a change not in the config
    loaded = disk_round_trip(nlp)
    assert loaded.get_pipe("sentencizer").punct_chars == {"|", "#"}
    assert sents(loaded("a # b | c")) == ["a #", "b |", "c"]


def test_sentencizer_bytes_round_trip():
    s = Sentencizer(punct_chars=["~"])
    assert Sentencizer().from_bytes(s.to_bytes()).punct_chars == {"~"}


def test_sentencizer_is_importable_from_spacy_path():
    assert plait.pipeline.Sentencizer is Sentencizer
