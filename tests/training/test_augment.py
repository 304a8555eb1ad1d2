"""Tests for the training augmenters (registry `augmenters`) and the corpus options using them."""

import random

import pytest

import plait
from plait.errors import InputError
from plait.tokens import Doc, DocBin, Span
from plait.training.augment import (
    dont_augment,
    lowercased,
    make_orth_variants,
    make_whitespace_variant,
)
from plait.training.corpus import Corpus
from plait.training.example import Example
from plait.util import load_config_from_str, registry

WORDS = ["He", "said", "“", "John", "Smith", "lives", "in", "New", "York", ".", "”"]
TAGS = ["PRP", "VBD", "``", "NNP", "NNP", "VBZ", "IN", "NNP", "NNP", ".", "''"]
HEADS = [1, 1, 5, 4, 5, 1, 5, 8, 6, 1, 1]
DEPS = ["nsubj", "ROOT", "punct", "compound", "nsubj", "ccomp", "prep", "compound", "pobj",
        "punct", "punct"]
ORTH_VARIANTS = {
    "single": [{"tags": ["."], "variants": [".", "!"]}],
    "paired": [{"tags": ["``", "''"], "variants": [["'", "'"], ["“", "”"], ['"', '"']]}],
}


@pytest.fixture
def nlp():
    return plait.blank("en")


@pytest.fixture
def example(nlp):
    doc = Doc(nlp.vocab, words=WORDS, tags=TAGS, heads=HEADS, deps=DEPS,
              lemmas=[w.lower() for w in WORDS])
    doc.ents = [Span(doc, 3, 5, "PERSON"), Span(doc, 7, 9, "GPE")]
    doc.cats = {"NEWS": 1.0}
    return Example(Doc(nlp.vocab, words=WORDS), doc)


def annotation(doc):
    return ([t.tag_ for t in doc], [t.head.i for t in doc], [t.dep_ for t in doc],
            [t.lemma_ for t in doc], [(e.start, e.end, e.label_) for e in doc.ents], doc.cats)


def test_lowercased_keeps_the_annotation(nlp, example):
    new = lowercased(nlp, example)
    assert new.reference.text == example.reference.text.lower()
    assert new.predicted.text == new.reference.text
    assert annotation(new.reference) == annotation(example.reference)
    assert [e.text for e in new.reference.ents] == ["john smith", "new york"]
    assert new.get_aligned_ner()[3:5] == ["B-PERSON", "L-PERSON"]
    # the original is untouched
    assert example.reference[3].text == "John"


def test_lowercased_retokenizes_a_differently_tokenized_prediction(nlp):
    ref = Doc(nlp.vocab, words=["Don", "'t", "GO"], spaces=[False, True, False])
    ref.ents = [Span(ref, 2, 3, "ORG")]
    eg = Example(nlp.make_doc("Don't GO"), ref)
    new = lowercased(nlp, eg)
    assert new.predicted.text == "don't go"
    assert new.get_aligned_ner()[-1] == "U-ORG"


@pytest.mark.parametrize("name", ["plait.lower_case.v1", "spacy.lower_case.v1"])
def test_lower_case_augmenter_level(nlp, example, name):
    always = registry.augmenters.get(name)(level=1.0)
    never = registry.augmenters.get(name)(level=0.0)
    assert [e.text for e in always(nlp, example)] == [example.text.lower()]
    assert [e for e in never(nlp, example)] == [example]
    random.seed(0)
    half = registry.augmenters.get(name)(level=0.5)
    lowered = sum(next(half(nlp, example)).text.islower() for _ in range(400))
    assert 150 < lowered < 250


@pytest.mark.parametrize("level", [-0.1, 1.5, "high", True])
def test_bad_level_is_a_coded_error(level):
    with pytest.raises(InputError, match="E584"):
        registry.augmenters.get("plait.lower_case.v1")(level=level)


def test_orth_variants_single_and_paired(nlp, example):
    random.seed(1)
    seen = set()
    for _ in range(60):
        words = make_orth_variants(example.reference, list(WORDS), ORTH_VARIANTS)
        assert len(words) == len(WORDS)
        assert words[:2] == WORDS[:2] and words[3:9] == WORDS[3:9]
        assert words[9] in {".", "!"}
        # a pair keeps its sides: the opening and the closing quote of one variant
        assert [words[2], words[10]] in [["'", "'"], ["“", "”"], ['"', '"']]
        seen.add((words[2], words[9]))
    assert len(seen) == 6


def test_orth_variants_need_tags(nlp):
    doc = Doc(nlp.vocab, words=["Hi", "."])
    assert make_orth_variants(doc, ["Hi", "."], ORTH_VARIANTS) == ["Hi", "."]


def test_orth_variants_augmenter_keeps_annotation(nlp, example):
    augment = registry.augmenters.get("spacy.orth_variants.v1")(
        level=1.0, lower=1.0, orth_variants=ORTH_VARIANTS)
    new = next(augment(nlp, example))
    assert new.reference.text.islower()
    assert annotation(new.reference) == annotation(example.reference)
    assert new.predicted.text == new.reference.text


@pytest.mark.parametrize("bad", [
    {"singles": []},
    {"single": [{"variants": ["."]}]},
    {"paired": [{"tags": ["``"], "variants": [["'"]]}]},
    ["single"],
])
def test_bad_orth_variants_are_a_coded_error(bad):
    with pytest.raises(InputError, match="E584"):
        registry.augmenters.get("plait.orth_variants.v1")(level=0.5, lower=0.0, orth_variants=bad)


@pytest.mark.parametrize("position", [0, 4, 8, 11])
def test_whitespace_variant(nlp, example, position):
    new = make_whitespace_variant(nlp, example, "\n", position)
    ref = new.reference
    assert len(ref) == len(WORDS) + 1
    ws = ref[position]
    assert (ws.text, ws.tag_, ws.dep_, ws.lemma_) == ("\n", "_SP", "dep", "\n")
    assert ws.head.i == (position - 1 if position else 1)
    # every other token keeps its tag and its head (shifted past the new token)
    old = example.reference
    others = [t for t in ref if t.i != position]
    assert [t.tag_ for t in others] == TAGS
    assert [t.head.i - (t.head.i > position) for t in others] == HEADS
    assert [e.label_ for e in ref.ents] == ["PERSON", "GPE"]
    inside = [e for e in ref.ents if e.start < position < e.end]
    assert all("\n" in e.text for e in inside)
    assert len(list(ref.sents)) == len(list(old.sents))
    assert ref.cats == old.cats
    assert [t.text for t in new.predicted] == [t.text for t in ref]


def test_whitespace_variant_leaves_span_groups_alone(nlp, example):
    example.reference.spans["sc"] = [Span(example.reference, 0, 1, "X")]
    assert make_whitespace_variant(nlp, example, "\n", 3) is example


def test_combined_augmenter(nlp, example):
    augment = registry.augmenters.get("spacy.combined_augmenter.v1")(
        lower_level=1.0, orth_level=1.0, orth_variants=ORTH_VARIANTS, whitespace_level=1.0,
        whitespace_per_token=0.2, whitespace_variants=["\n", "  "])
    random.seed(2)
    new = next(augment(nlp, example))
    ref = new.reference
    assert ref.text.islower()
    assert len(ref) == len(WORDS) + int(len(WORDS) * 0.2)
    assert [e.label_ for e in ref.ents] == ["PERSON", "GPE"]
    assert [t.tag_ for t in ref if t.tag_ != "_SP"] == TAGS
    with pytest.raises(InputError, match="E584"):
        registry.augmenters.get("plait.combined_augmenter.v1")(
            lower_level=0.1, orth_level=0.0, orth_variants=None, whitespace_level=0.1,
            whitespace_per_token=0.1, whitespace_variants=["x"])


def test_dont_augment(nlp, example):
    assert list(dont_augment(nlp, example)) == [example]


def write_docbin(nlp, path, n=20):
    docs = []
    for i in range(n):
        doc = nlp.make_doc(f"Doc {i} mentions Paris")
        doc.ents = [Span(doc, 3, 4, "GPE")]
        docs.append(doc)
    DocBin(docs=docs, store_user_data=True).to_disk(path)


def test_corpus_applies_the_augmenter_and_shuffles(nlp, tmp_path):
    path = tmp_path / "train.plait"
    write_docbin(nlp, path)
    augment = registry.augmenters.get("plait.lower_case.v1")(level=1.0)
    examples = list(Corpus(path, augmenter=augment)(nlp))
    assert [e.text for e in examples] == [f"doc {i} mentions paris" for i in range(20)]
    assert all(e.get_aligned_ner()[3] == "U-GPE" for e in examples)
    random.seed(0)
    shuffled = [e.text for e in Corpus(path, shuffle=True)(nlp)]
    assert sorted(shuffled) == sorted(f"Doc {i} mentions Paris" for i in range(20))
    assert shuffled != [f"Doc {i} mentions Paris" for i in range(20)]


def test_augmenter_from_a_config(nlp, tmp_path):
    path = tmp_path / "train.plait"
    write_docbin(nlp, path, n=3)
    config = load_config_from_str(f"""
[corpora]
[corpora.train]
@readers = "spacy.Corpus.v1"
path = "{path}"
shuffle = false

[corpora.train.augmenter]
@augmenters = "spacy.lower_case.v1"
level = 1.0
""")
    corpus = registry.resolve(config)["corpora"]["train"]
    assert [e.text for e in corpus(nlp)] == [f"doc {i} mentions paris" for i in range(3)]


@pytest.mark.parametrize("replacement", [["Ada"], ["Ada", "Lovelace"], ["Ada", "King", "Lovelace"]])
def test_replace_tokens(nlp, example, replacement):
    from plait.training.augment import replace_tokens

    new = replace_tokens(nlp, example, 3, 5, replacement)
    ref = new.reference
    k = len(replacement)
    assert [t.text for t in ref] == WORDS[:3] + replacement + WORDS[5:]
    assert [(e.text, e.label_) for e in ref.ents] == [(" ".join(replacement), "PERSON"),
                                                      ("New York", "GPE")]
    assert [t.tag_ for t in ref] == TAGS[:3] + ["NNP"] * k + TAGS[5:]
    # the last new token is the subject of "lives", the others hang on it
    last = ref[3 + k - 1]
    assert (last.dep_, last.head.text) == ("nsubj", "lives")
    assert all(ref[i].head.i == last.i for i in range(3, 3 + k - 1))
    assert ref[0].head.text == "said" and ref[-1].head.text == "said"
    assert [t.lemma_ for t in ref[3:3 + k]] == replacement
    assert new.predicted.text == ref.text
    assert new.get_aligned_ner()[3] in ("U-PERSON", "B-PERSON")


def test_ents_replace_augmenter(nlp, example):
    augment = registry.augmenters.get("plait.ents_replace.v1")(
        level=1.0, ent_dict={"PERSON": ["Grace Hopper", "Ada"], "GPE": [["Lagos"]]})
    random.seed(4)
    seen = set()
    for _ in range(20):
        ref = next(augment(nlp, example)).reference
        ents = [(e.text, e.label_) for e in ref.ents]
        assert ents[1] == ("Lagos", "GPE")
        assert ents[0] in [("Grace Hopper", "PERSON"), ("Ada", "PERSON")]
        seen.add(ents[0][0])
        assert (ref[-3].text, ref[-3].dep_, ref[-3].head.text) == ("Lagos", "pobj", "in")
    assert seen == {"Grace Hopper", "Ada"}
    never = registry.augmenters.get("plait.ents_replace.v1")(level=0.0, ent_dict={"GPE": ["X"]})
    assert next(never(nlp, example)) is example


@pytest.mark.parametrize("bad", [["Ada"], {"PERSON": []}, {"PERSON": ["Ada", ""]},
                                 {"PERSON": [["Ada Lovelace"]]}])
def test_bad_ent_dict_is_a_coded_error(bad):
    with pytest.raises(InputError, match="E584"):
        registry.augmenters.get("plait.ents_replace.v1")(level=0.5, ent_dict=bad)


def test_chain_from_a_config_with_a_json_table(nlp, tmp_path):
    path = tmp_path / "train.plait"
    write_docbin(nlp, path, n=3)
    table = tmp_path / "names.json"
    table.write_text('{"GPE": ["Lagos"]}', encoding="utf8")
    config = load_config_from_str(f"""
[corpora]
[corpora.train]
@readers = "plait.Corpus.v1"
path = "{path}"

[corpora.train.augmenter]
@augmenters = "plait.chain_augmenters.v1"

[corpora.train.augmenter.*.lower]
@augmenters = "plait.lower_case.v1"
level = 1.0

[corpora.train.augmenter.*.names]
@augmenters = "plait.ents_replace.v1"
level = 1.0

[corpora.train.augmenter.*.names.ent_dict]
@readers = "srsly.read_json.v1"
path = "{table}"
""")
    corpus = registry.resolve(config)["corpora"]["train"]
    assert [e.text for e in corpus(nlp)] == [f"doc {i} mentions Lagos" for i in range(3)]


def test_read_json_errors_are_coded(tmp_path):
    from plait.errors import FormatError
    from plait.training.corpus import read_json

    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf8")
    for path in (bad, tmp_path / "missing.json"):
        with pytest.raises(FormatError, match="E585"):
            read_json(path)
