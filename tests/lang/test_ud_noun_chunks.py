"""The shared UD noun-chunk iterator behind de/fr/es/it/nl/pt `noun_chunks`."""

import itertools

import pytest

import plait
from plait.errors import InputError
from plait.lang.ud_noun_chunks import iter_noun_chunks
from plait.tokens import Doc


@pytest.fixture(scope="module")
def vocab():
    return plait.blank("es").vocab


def parsed(vocab, rows):
    """Build a Doc from (word, head, dep, pos) rows."""
    words, heads, deps, pos = zip(*rows)
    return Doc(vocab, words=list(words), heads=list(heads), deps=list(deps), pos=list(pos))


def chunk_texts(doc, doclike=None):
    return [doc[s:e].text for s, e, _ in iter_noun_chunks(doc if doclike is None else doclike)]


def test_chunks_are_labelled_np(vocab):
    doc = parsed(vocab, [("Ana", 1, "nsubj", "PROPN"), ("canta", 1, "ROOT", "VERB")])
    assert [label for _, _, label in iter_noun_chunks(doc)] == ["NP"]


def test_predicate_nominal_does_not_swallow_subject_and_copula(vocab):
    doc = parsed(vocab, [("Ana", 3, "nsubj", "PROPN"), ("es", 3, "cop", "AUX"),
                         ("una", 3, "det", "DET"), ("médica", 3, "ROOT", "NOUN")])
    assert chunk_texts(doc) == ["Ana", "una médica"]


def test_chunk_starts_after_preposition(vocab):
    doc = parsed(vocab, [("vive", 0, "ROOT", "VERB"), ("en", 3, "case", "ADP"),
                         ("la", 3, "det", "DET"), ("ciudad", 0, "obl", "NOUN")])
    assert chunk_texts(doc) == ["la ciudad"]


def test_right_adjectives_join_only_when_contiguous(vocab):
    # "la casa, que es blanca" vs "la casa muy blanca"
    doc = parsed(vocab, [("la", 1, "det", "DET"), ("casa", 1, "ROOT", "NOUN"),
                         ("muy", 3, "advmod", "ADV"), ("blanca", 1, "amod", "ADJ"),
                         (",", 1, "punct", "PUNCT"), ("grande", 1, "amod", "ADJ")])
    assert chunk_texts(doc) == ["la casa muy blanca"]


def test_relative_clause_is_left_out(vocab):
    doc = parsed(vocab, [("el", 1, "det", "DET"), ("libro", 1, "ROOT", "NOUN"),
                         ("que", 3, "nsubj", "PRON"), ("leí", 1, "acl:relcl", "VERB")])
    assert chunk_texts(doc) == ["el libro", "que"]


def test_conjunct_chain_of_a_subject_gives_one_chunk_each(vocab):
    doc = parsed(vocab, [("perros", 5, "nsubj", "NOUN"), (",", 2, "punct", "PUNCT"),
                         ("gatos", 0, "conj", "NOUN"), ("y", 4, "cc", "CCONJ"),
                         ("aves", 2, "conj", "NOUN"), ("comen", 5, "ROOT", "VERB")])
    assert chunk_texts(doc) == ["perros", "gatos", "aves"]


def test_nominal_outside_argument_roles_is_skipped(vocab):
    doc = parsed(vocab, [("Juan", 2, "nsubj", "PROPN"), ("es", 2, "cop", "AUX"),
                         ("médico", 2, "ROOT", "NOUN"), ("hoy", 2, "obl:tmod", "NOUN")])
    assert chunk_texts(doc) == ["Juan", "médico"]


def test_span_yields_only_its_chunks_with_doc_offsets(vocab):
    doc = parsed(vocab, [("Ana", 1, "nsubj", "PROPN"), ("ve", 1, "ROOT", "VERB"),
                         ("el", 3, "det", "DET"), ("mar", 1, "obj", "NOUN")])
    assert [(s, e) for s, e, _ in iter_noun_chunks(doc[1:4])] == [(2, 4)]


def test_chunks_never_overlap(vocab):
    # "el hermano de mi amigo": "amigo" is nmod inside the subject's phrase
    doc = parsed(vocab, [("el", 1, "det", "DET"), ("hermano", 5, "nsubj", "NOUN"),
                         ("de", 4, "case", "ADP"), ("mi", 4, "det", "DET"),
                         ("amigo", 1, "nmod", "NOUN"), ("llega", 5, "ROOT", "VERB")])
    spans = [(s, e) for s, e, _ in iter_noun_chunks(doc)]
    assert spans == [(0, 2), (3, 5)]
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))


def test_doc_without_parse_raises_e112(vocab):
    doc = Doc(vocab, words=["la", "casa"])
    with pytest.raises(InputError, match="E112"):
        list(iter_noun_chunks(doc))


def test_empty_span_yields_nothing(vocab):
    doc = parsed(vocab, [("Ana", 0, "ROOT", "PROPN")])
    assert list(iter_noun_chunks(doc[0:0])) == []
