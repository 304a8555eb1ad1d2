"""Tests for scripts/data/person_names.py: the ner augmenter's PERSON table."""

from data_scripts import load_script

import plait
from plait.tokens import DocBin, Span

names = load_script("person_names")


def test_is_name():
    assert names.is_name("Stacey")
    assert not names.is_name("A")
    assert not names.is_name("McDonald")  # an inner capital: not in the simple name shape
    assert not names.is_name("stacey")
    assert not names.is_name("Jo-Ann")


def test_silver_surnames_counts_last_words_of_people(tmp_path):
    nlp = plait.blank("en")
    docs = []
    for text in ["I met Ada Lovelace .", "Ada Lovelace wrote .", "Grace Hopper spoke ."]:
        doc = nlp.make_doc(text)
        start = 2 if text.startswith("I met") else 0
        doc.ents = [Span(doc, start, start + 2, "PERSON")]
        docs.append(doc)
    path = tmp_path / "train.plait"
    DocBin(docs=docs).to_disk(path)
    assert names.silver_surnames([path]) == ["Lovelace"]


def test_person_table_is_seeded():
    first, surnames = ["Ada", "Grace"], ["Hopper", "Lovelace"]
    table = names.person_table(first, surnames, seed=1)
    assert table[:2] == first
    assert [t.split()[0] for t in table[2:]] == first
    assert all(t.split()[1] in surnames for t in table[2:])
    assert table == names.person_table(first, surnames, seed=1)
