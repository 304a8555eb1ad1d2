"""The split of Language: pipeline management and factory registration live in their modules."""

import plait
import plait.language
from plait.language import DisabledPipes, Language
from plait.language_factories import FactoryRegistration
from plait.language_pipes import PipelineManagement


def test_language_is_made_of_factory_registration_and_pipeline_management():
    assert issubclass(Language, FactoryRegistration)
    assert issubclass(Language, PipelineManagement)


def test_names_stay_importable_from_plait_language():
    assert DisabledPipes is plait.language_pipes.DisabledPipes
    for name in ["BaseDefaults", "create_vocab", "blank", "get_lang_class", "FactoryMeta",
                 "_apply_pipe", "_language_codes", "_builtin_language_codes",
                 "_unknown_factory"]:
        assert hasattr(plait.language, name), name
    assert "en" in plait.language._builtin_language_codes()


def test_factories_registered_on_a_subclass_share_one_meta_table():
    english = plait.language.get_lang_class("en")
    assert english._factory_meta is Language._factory_meta
    assert english.get_factory_name("x") == "en.x" and Language.get_factory_name("x") == "x"


def test_select_pipes_returns_disabled_pipes_that_restore():
    nlp = plait.blank("en")
    nlp.add_pipe("sentencizer")
    with nlp.select_pipes(disable="sentencizer") as disabled:
        assert isinstance(disabled, DisabledPipes)
        assert nlp.pipe_names == []
    assert nlp.pipe_names == ["sentencizer"]
