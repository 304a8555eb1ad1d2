import warnings

import pytest

import plait
from plait.errors import ConfigError, LookupFailed
from plait.lang.en.lemmatizer import EnglishLemmatizer
from plait.lookups import Lookups
from plait.pipeline import Lemmatizer
from plait.pipeline.lemmatizer import apply_suffix_rules
from plait.registry import registry
from plait.tokens import Doc


def tagged(nlp, pairs, morphs=None):
    words, pos = zip(*pairs)
    return Doc(nlp.vocab, words=list(words), pos=list(pos), morphs=morphs)


def test_english_pipelines_get_the_english_rule_lemmatizer(nlp):
    lemmatizer = nlp.add_pipe("lemmatizer")
    assert isinstance(lemmatizer, EnglishLemmatizer) and lemmatizer.mode == "rule"


def test_rule_mode_uses_rules_exceptions_and_index(nlp):
    lemmatizer = nlp.add_pipe("lemmatizer")
    doc = tagged(nlp, [("The", "DET"), ("children", "NOUN"), ("were", "AUX"),
                       ("running", "VERB"), ("studies", "NOUN"), ("better", "ADJ"),
                       ("went", "VERB"), ("London", "PROPN")])
    assert [t.lemma_ for t in lemmatizer(doc)] == [
        "the", "child", "be", "run", "study", "good", "go", "London"]


def test_rule_mode_keeps_base_forms(nlp):
    lemmatizer = nlp.add_pipe("lemmatizer")
    doc = tagged(nlp, [("leaves", "NOUN")], morphs=["Number=Sing"])
    assert lemmatizer(doc)[0].lemma_ == "leaves"


def test_rule_mode_without_pos_warns_once_and_lowercases(nlp):
    nlp.add_pipe("lemmatizer")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        doc = nlp("Cats Were here")
    assert [t.lemma_ for t in doc] == ["cats", "were", "here"]
    assert sum("W060" in str(w.message) for w in caught) == 1


def test_lookup_mode_uses_lookup_table(nlp):
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    assert [t.lemma_ for t in nlp("The children went zzyzx")] == ["the", "child", "go", "zzyzx"]


def test_lemmatizer_keeps_existing_lemmas_unless_overwrite(nlp):
    lemmatizer = Lemmatizer(nlp.vocab, mode="lookup")
    doc = Doc(nlp.vocab, words=["went"], lemmas=["GO"])
    assert lemmatizer(doc)[0].lemma_ == "GO"
    lemmatizer.overwrite = True
    assert lemmatizer(doc)[0].lemma_ == "go"


def test_initialize_with_given_lookups(nlp):
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"foo": "bar"})
    lemmatizer = Lemmatizer(nlp.vocab, mode="lookup")
    lemmatizer.initialize(lookups=lookups)
    assert lemmatizer(nlp.make_doc("foo went"))[0].lemma_ == "bar"
    assert lemmatizer(nlp.make_doc("went"))[0].lemma_ == "went"


def test_initialize_with_lookups_missing_a_table_is_a_coded_error(nlp):
    with pytest.raises(LookupFailed, match="E493"):
        Lemmatizer(nlp.vocab, mode="rule").initialize(lookups=Lookups())


def test_unknown_mode_is_a_coded_error(nlp):
    with pytest.raises(ConfigError, match="E492"):
        nlp.add_pipe("lemmatizer", config={"mode": "magic"})


def test_language_without_tables_gets_a_coded_error():
    nlp = plait.blank("xx")
    lemmatizer = nlp.add_pipe("lemmatizer")
    with pytest.raises(LookupFailed, match="E493") as info:
        lemmatizer(nlp.make_doc("a"))
    assert "E494" in str(info.value.__cause__)


def test_registered_lookups_are_used_for_a_language():
    registry.lookups.register("xx", func=lambda: {"lemma_lookup": {"dogs": "dog"}})
    try:
        nlp = plait.blank("xx")
        nlp.add_pipe("lemmatizer")
        assert nlp("dogs")[0].lemma_ == "dog"
    finally:
        import catalogue

        catalogue._remove(("plait", "lookups", "xx"))


def test_subclass_can_add_a_mode(nlp):
    class Upper(Lemmatizer):
        def upper_lemmatize(self, token):
            return [token.text.upper()]

        @classmethod
        def get_lookups_config(cls, mode):
            return ([], []) if mode == "upper" else super().get_lookups_config(mode)

    assert Upper(nlp.vocab, mode="upper")(nlp.make_doc("ab"))[0].lemma_ == "AB"


def test_lemmatizer_tables_survive_disk_round_trip(nlp, disk_round_trip):
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lookups = Lookups()
    lookups.add_table("lemma_lookup", {"foo": "bar"})
    lemmatizer.initialize(lookups=lookups)
    loaded = disk_round_trip(nlp)
    assert loaded("foo")[0].lemma_ == "bar"
    assert loaded.get_pipe("lemmatizer").lookups.tables == ["lemma_lookup"]


def test_lemmatizer_bytes_round_trip(nlp):
    lemmatizer = Lemmatizer(nlp.vocab, mode="rule")
    lemmatizer.initialize()
    other = Lemmatizer(nlp.vocab, mode="rule").from_bytes(lemmatizer.to_bytes())
    assert sorted(other.lookups.tables) == ["lemma_exc", "lemma_index", "lemma_rules"]


def test_apply_suffix_rules_prefers_exceptions_then_known_forms():
    rules = [["s", ""], ["ies", "y"]]
    assert apply_suffix_rules("studies", rules, {"study"}) == ["study", "studie"][:1]
    assert apply_suffix_rules("zorbs", rules, set()) == ["zorb"]
    assert apply_suffix_rules("geese", rules, set(), ["goose"]) == ["goose"]
    assert apply_suffix_rules("x", rules, set()) == ["x"]
