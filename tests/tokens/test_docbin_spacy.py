"""Reading spaCy's .spacy DocBin files (spaCy is a test-only comparator)."""

import pytest

from plait.errors import FormatError
from plait.tokens import DocBin
from plait.vocab import Vocab

spacy = pytest.importorskip("spacy")
pytestmark = pytest.mark.spacy


def spacy_docs():
    from spacy.tokens import Doc as SDoc

    nlp = spacy.blank("en")
    doc = SDoc(
        nlp.vocab, words=["Apple", "is", "buying", "a", "startup", ".", "Hi", "Bob", "."],
        spaces=[True] * 8 + [False],
        tags=["NNP", "VBZ", "VBG", "DT", "NN", ".", "UH", "NNP", "."],
        pos=["PROPN", "AUX", "VERB", "DET", "NOUN", "PUNCT", "INTJ", "PROPN", "PUNCT"],
        heads=[2, 2, 2, 4, 2, 2, 6, 6, 6],
        deps=["nsubj", "aux", "ROOT", "det", "dobj", "punct", "ROOT", "npadvmod", "punct"],
        lemmas=["Apple", "be", "buy", "a", "startup", ".", "hi", "Bob", "."],
        morphs=["Number=Sing", "", "VerbForm=Ger", "", "Number=Sing", "", "", "", ""],
        ents=["B-ORG", "O", "O", "O", "O", "O", "O", "B-PERSON", "O"],
    )
    doc.spans["sc"] = [doc[0:1], doc[3:5]]
    doc.cats = {"TECH": 1.0}
    return [doc, nlp("plain text, no annotation")]


def view(doc):
    return [
        doc.text, [t.tag_ for t in doc], [t.pos_ for t in doc], [t.dep_ for t in doc],
        [t.head.i for t in doc], [t.lemma_ for t in doc], [str(t.morph) for t in doc],
        [(e.start, e.end, e.label_) for e in doc.ents], doc.cats,
        {k: [(s.start, s.end) for s in g] for k, g in doc.spans.items()},
    ]


def test_reads_a_spacy_docbin_made_by_spacy(tmp_path):
    from spacy.tokens import DocBin as SpacyDocBin

    sdocs = spacy_docs()
    path = tmp_path / "train.spacy"
    SpacyDocBin(docs=sdocs).to_disk(path)
    db = DocBin.from_spacy_disk(path)
    out = list(db.get_docs(Vocab()))
    assert [view(d) for d in out] == [view(d) for d in sdocs]
    again = DocBin().from_bytes(db.to_bytes())  # and it saves in plait's format
    assert [view(d) for d in again.get_docs(Vocab())] == [view(d) for d in sdocs]


def test_spacy_hash_matches_spacys():
    from spacy.strings import get_string_id

    from plait.tokens.docbin_spacy import spacy_hash

    for text in ["a", "hello", "exactly8", "ünïcode wörds", "x" * 33]:
        assert spacy_hash(text) == get_string_id(text)


def test_damaged_spacy_data_is_a_coded_error():
    from spacy.tokens import DocBin as SpacyDocBin

    data = SpacyDocBin(docs=spacy_docs()).to_bytes()
    with pytest.raises(FormatError, match="E362"):
        DocBin.from_spacy_bytes(data[: len(data) // 2])
    with pytest.raises(FormatError, match="E362"):
        DocBin.from_spacy_bytes(b"not zlib at all")
