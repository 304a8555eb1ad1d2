"""`plait convert`: CoNLL-U, IOB, CoNLL NER and JSONL to DocBin files, and bad inputs."""

from __future__ import annotations

import json

import pytest

import plait
from plait.cli.converters import _to_iob2, conllu_to_docs, iob_to_docs, ner_to_docs
from plait.errors import FormatError
from plait.tokens import DocBin

CONLLU = """# sent_id = 1
# text = Ada's cat sleeps.
1-2\tAda's\t_\t_\t_\t_\t_\t_\t_\t_
1\tAda\tAda\tPROPN\tNNP\tNumber=Sing\t3\tnmod:poss\t_\tNER=B-PERSON
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tcat\tcat\tNOUN\tNN\tNumber=Sing\t4\tnsubj\t_\t_
4\tsleeps\tsleep\tVERB\tVBZ\t_\t0\troot\t_\tSpaceAfter=No
5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_
"""


def _vocab():
    return plait.blank("en").vocab


def test_conllu_reads_words_annotations_and_spaces():
    docs = list(conllu_to_docs(CONLLU, _vocab(), n_sents=10))
    assert len(docs) == 1
    doc = docs[0]
    assert doc.text == "Ada's cat sleeps. Hi "
    assert [t.pos_ for t in doc][:4] == ["PROPN", "PART", "NOUN", "VERB"]
    assert [t.lemma_ for t in doc][3] == "sleep"
    assert doc[3].dep_ == "ROOT" and doc[2].head.i == 3 and doc[0].head.i == 2
    assert str(doc[0].morph) == "Number=Sing"
    assert [(e.text, e.label_) for e in doc.ents] == [("Ada", "PERSON")]
    assert [s.text for s in doc.sents] == ["Ada's cat sleeps.", "Hi"]


def test_conllu_groups_sentences_by_n_sents():
    assert len(list(conllu_to_docs(CONLLU, _vocab(), n_sents=1))) == 2


@pytest.mark.parametrize("text,reason", [
    ("1\tonly\tthree\n", "columns"),
    ("x\tA\ta\tNOUN\tNN\t_\t0\troot\t_\t_\n", "bad ID"),
    ("1\tA\ta\tNOUN\tNN\t_\t7\troot\t_\t_\n", "outside"),
])
def test_conllu_bad_lines_are_coded_errors(text, reason):
    with pytest.raises(FormatError, match=f"E667.*{reason}"):
        list(conllu_to_docs(text, _vocab()))


def test_iob_accepts_two_and_three_fields_and_fixes_iob1():
    text = "Ada|NNP|I-PER Lovelace|NNP|I-PER wrote|VBD|O\nin|O London|U-LOC\n"
    docs = list(iob_to_docs(text, _vocab(), n_sents=1))
    assert [(e.text, e.label_) for e in docs[0].ents] == [("Ada Lovelace", "PER")]
    assert docs[0][0].tag_ == "NNP"
    assert [(e.text, e.label_) for e in docs[1].ents] == [("London", "LOC")]


def test_iob_rejects_bad_tokens_and_tags():
    with pytest.raises(FormatError, match="E667"):
        list(iob_to_docs("word\n", _vocab()))
    with pytest.raises(FormatError, match="E667.*entity tag"):
        list(iob_to_docs("word|X-PER\n", _vocab()))


def test_ner_columns_split_on_docstart_and_blank_lines():
    text = "-DOCSTART- -X- O\n\nEU NNP B-ORG\nrejects VBZ O\n\nPeter NNP B-PER\n"
    docs = list(ner_to_docs(text, _vocab(), n_sents=10))
    assert len(docs) == 1
    assert [(e.text, e.label_) for e in docs[0].ents] == [("EU", "ORG"), ("Peter", "PER")]
    assert len(list(docs[0].sents)) == 2


@pytest.mark.parametrize("tags,expected", [
    (["I-A", "I-A", "O", "I-B"], ["B-A", "I-A", "O", "B-B"]),
    (["B-A", "L-A", "U-B"], ["B-A", "I-A", "B-B"]),
    (["O", "-", "_"], ["O", "O", "O"]),
])
def test_to_iob2(tags, expected):
    assert _to_iob2(tags) == expected


def test_convert_each_format_to_docbin(run, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.conllu").write_text(CONLLU)
    (src / "b.iob").write_text("Ada|B-PER rocks|O\n")
    (src / "c.conll").write_text("Ada B-PER\n")
    (src / "d.jsonl").write_text(
        json.dumps({"text": "Ada met Bob", "entities": [[0, 3, "PER"], [8, 11, "PER"]],
                    "cats": {"GREETING": 1.0}}) + "\n"
        + json.dumps({"text": "x", "spans": {"sc": [{"start": 0, "end": 1, "label": "X"}]}})
        + "\n"
    )
    (src / "ignored.txt").write_text("not converted")
    out = tmp_path / "out"
    out.mkdir()
    result = run("convert", src, out)
    assert result.exit_code == 0, result.output
    vocab = _vocab()
    read = {p.stem: list(DocBin().from_disk(p).get_docs(vocab)) for p in out.glob("*.plaitdb")}
    assert set(read) == {"a", "b", "c", "d"}
    assert read["a"][0][3].lemma_ == "sleep"
    assert [e.text for e in read["d"][0].ents] == ["Ada", "Bob"]
    assert read["d"][0].cats == {"GREETING": 1.0}
    assert [s.label_ for s in read["d"][1].spans["sc"]] == ["X"]


def test_convert_with_explicit_converter_and_single_file(run, tmp_path):
    path = tmp_path / "data.txt"
    path.write_text("Ada|B-PER\n")
    result = run("convert", path, tmp_path, "--converter", "iob")
    assert result.exit_code == 0
    assert len(DocBin().from_disk(tmp_path / "data.plaitdb")) == 1


@pytest.mark.parametrize("args,code", [
    (["--converter", "xml"], "E665"),
    ([], "E666"),
])
def test_convert_bad_converter_choices(run, tmp_path, args, code):
    path = tmp_path / "data.xml"
    path.write_text("<x/>")
    result = run("convert", path, tmp_path, *args)
    assert result.exit_code == 1 and code in result.stderr


def test_convert_bad_paths_and_lines(run, tmp_path):
    missing = run("convert", tmp_path / "nope.conllu", tmp_path)
    assert missing.exit_code == 1 and "E668" in missing.stderr
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run("convert", empty, tmp_path)
    assert nothing.exit_code == 1 and "E669" in nothing.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "abc", "entities": [[0, 2, "X"]]}\n')
    misaligned = run("convert", bad, tmp_path)
    assert misaligned.exit_code == 1 and "E667" in misaligned.stderr
    assert "Line 1" in misaligned.stderr
    no_out = run("convert", bad, tmp_path / "missing_out")
    assert no_out.exit_code == 1 and "E653" in no_out.stderr
    zero = run("convert", bad, tmp_path, "--n-sents", "0")
    assert zero.exit_code == 1 and "E670" in zero.stderr
