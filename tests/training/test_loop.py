"""Tests for corpora, init_nlp, the training loop, frozen and sourced components."""

import json

import numpy as np
import pytest

import plait
from plait.errors import ConfigError, FormatError, InputError
from plait.ml import Optimizer, fix_random_seed
from plait.training.corpus import ConllCorpus, Corpus, JsonlCorpus, read_conllu
from plait.training.example import Example
from plait.training.initialize import init_nlp
from plait.training.loop import train, weighted_score
from plait.util import load_config_from_str

CONLLU = """# sent_id = 1
1\tI\tI\tPRON\tPRP\tCase=Nom\t2\tnsubj\t_\t_
2\tlike\tlike\tVERB\tVBP\t_\t0\troot\t_\t_
3\teggs\tegg\tNOUN\tNNS\tNumber=Plur\t2\tobj\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tEat\teat\tVERB\tVB\t_\t0\troot\t_\t_
2\tham\tham\tNOUN\tNN\tNumber=Sing\t1\tobj\t_\t_
"""


@pytest.fixture
def conllu(tmp_path):
    path = tmp_path / "train.conllu"
    path.write_text(CONLLU, encoding="utf8")
    return path


def config_for(train_path, dev_path, reader="plait.ConllCorpus.v1", extra=""):
    return load_config_from_str(f"""
[paths]
train = "{train_path}"
dev = "{dev_path}"
[nlp]
lang = "en"
pipeline = ["tagger"]
[components]
[components.tagger]
factory = "tagger"
[components.tagger.model]
@architectures = "plait.Tagger.v1"
[components.tagger.model.tok2vec]
@architectures = "plait.HashEmbedCNN.v1"
width = 16
depth = 1
embed_size = 100
[corpora]
[corpora.train]
@readers = "{reader}"
path = ${{paths.train}}
[corpora.dev]
@readers = "{reader}"
path = ${{paths.dev}}
[training]
max_steps = 30
eval_frequency = 10
[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = 0.01
{extra}
""")


def test_read_conllu_gives_words_spaces_and_annotations(conllu):
    sents = list(read_conllu(conllu))
    assert sents[0]["words"] == ["I", "like", "eggs", "."]
    assert sents[0]["spaces"] == [True, True, False, True]
    assert sents[0]["heads"] == [1, 1, 1, 1] and sents[0]["deps"][1] == "ROOT"
    nlp = plait.blank("en")
    (eg,) = list(ConllCorpus(conllu, n_sents=2)(nlp))
    assert eg.reference.text.startswith("I like eggs.")
    assert [t.tag_ for t in eg.reference][:3] == ["PRP", "VBP", "NNS"]
    assert len(list(eg.reference.sents)) == 2


def test_malformed_conllu_and_bad_corpora_are_coded_errors(tmp_path):
    bad = tmp_path / "bad.conllu"
    bad.write_text("1\tI\n", encoding="utf8")
    with pytest.raises(InputError, match="E574"):
        list(read_conllu(bad))
    empty = tmp_path / "empty.conllu"
    empty.write_text("\n", encoding="utf8")
    nlp = plait.blank("en")
    with pytest.raises(FormatError, match="E572"):
        list(ConllCorpus(empty)(nlp))
    wrong = tmp_path / "data.txt"
    wrong.write_text("hello", encoding="utf8")
    with pytest.raises(FormatError, match="E571"):
        list(Corpus(wrong)(nlp))
    with pytest.raises(FormatError, match="E571"):
        list(JsonlCorpus(tmp_path / "missing.jsonl")(nlp))


def test_jsonl_corpus_reads_annotations_and_rejects_bad_lines(tmp_path):
    path = tmp_path / "data.jsonl"
    path.write_text(json.dumps({"text": "Ann runs", "cats": {"A": 1.0}}) + "\n", encoding="utf8")
    nlp = plait.blank("en")
    (eg,) = list(JsonlCorpus(path)(nlp))
    assert eg.reference.cats == {"A": 1.0}
    path.write_text('{"txt": 1}\n', encoding="utf8")
    with pytest.raises(InputError, match="E573"):
        list(JsonlCorpus(path)(nlp))


def test_docbin_corpus_streams_reference_docs(tmp_path):
    nlp = plait.blank("en")
    doc = plait.tokens.Doc(nlp.vocab, words=["Hi", "you"], tags=["UH", "PRP"])
    db = plait.tokens.DocBin(attrs=["TAG"])
    db.add(doc)
    db.to_disk(tmp_path / "train.plait")
    (eg,) = list(Corpus(tmp_path)(nlp))
    assert [t.tag_ for t in eg.reference] == ["UH", "PRP"]
    assert not eg.predicted.has_annotation("TAG")


def test_init_nlp_and_train_save_best_and_last(conllu, tmp_path):
    import io

    config = config_for(conllu, conllu)
    nlp = init_nlp(config)
    out = io.StringIO()
    nlp, best = train(nlp, tmp_path / "out", stdout=out)
    assert (tmp_path / "out" / "model-best" / "tagger" / "model").exists()
    assert (tmp_path / "out" / "model-last" / "config.cfg").exists()
    assert "TAG_ACC" in out.getvalue() and "LOSS TAGGER" in out.getvalue()
    loaded = plait.util.load_model_from_path(best)
    assert [t.tag_ for t in loaded("I like eggs.")] == ["PRP", "VBP", "NNS", "."]


def test_same_config_and_seed_give_identical_weights(conllu):
    def run():
        nlp = init_nlp(config_for(conllu, conllu))
        train(nlp, None, stdout=open("/dev/null", "w"))  # noqa: SIM115
        return nlp.get_pipe("tagger").to_bytes()

    assert run() == run()


def test_training_config_errors_are_coded(conllu):
    with pytest.raises(ConfigError, match="E576"):
        init_nlp(config_for(conllu, conllu).merge(
            {"training": {"frozen_components": ["nope"]}}))
    bad = config_for(conllu, conllu).merge({"training": {"max_steps": -1}})
    with pytest.raises(ConfigError, match="E575"):
        init_nlp(bad)
    with pytest.raises(ConfigError, match="E578"):
        weighted_score({"tag_acc": 0.5}, {"nothing_acc": 1.0})
    assert weighted_score({"tag_acc": 0.5, "x": None}, {"tag_acc": 1.0, "x": 1.0}) == 0.5


def test_frozen_component_is_unchanged_and_sourced_component_resumes(conllu, tmp_path):
    fix_random_seed(0)
    source = plait.blank("en")
    source.add_pipe("tagger", config={"model": {"tok2vec": {"width": 16, "depth": 1,
                                                            "embed_size": 100}}})
    egs = list(ConllCorpus(conllu)(source))
    optimizer = source.initialize(lambda: egs, sgd=Optimizer(0.01))
    for _ in range(5):
        source.update(egs, sgd=optimizer)
    source.to_disk(tmp_path / "src")
    before = source.get_pipe("tagger").to_bytes()

    sourced = config_for(conllu, conllu).merge(
        {"components": {"tagger": {"source": str(tmp_path / "src")}}})
    del sourced["components"]["tagger"]["factory"]
    del sourced["components"]["tagger"]["model"]
    nlp = init_nlp(sourced)
    assert nlp.get_pipe("tagger").to_bytes() == before  # resumed, not re-initialized
    train(nlp, None, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert nlp.get_pipe("tagger").to_bytes() != before

    frozen = sourced.merge({"training": {"frozen_components": ["tagger"]}})
    nlp = init_nlp(frozen)
    weights = {k: np.array(v) for k, v in nlp.get_pipe("tagger").model.to_arrays().items()}
    train(nlp, None, stdout=open("/dev/null", "w"))  # noqa: SIM115
    after = nlp.get_pipe("tagger").model.to_arrays()
    assert all(np.array_equal(weights[k], after[k]) for k in weights)


def test_language_update_validates_examples():
    nlp = plait.blank("en")
    from plait.errors import InputTypeError

    with pytest.raises(InputTypeError, match="E557"):
        nlp.update(["text"])
    assert nlp.update([]) == {}
    assert isinstance(nlp.update([Example.from_dict(nlp.make_doc("x"), {})]), dict)
