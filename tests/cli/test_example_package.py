"""The example package in examples/: a component, a language and display colours, used
through their entry points only (nothing of the package is imported by the tests)."""

from __future__ import annotations

import plait
from plait.registry import registry


def test_language_comes_from_the_entry_point(example_installed):
    nlp = plait.blank("qaa")
    assert nlp.lang == "qaa"
    doc = nlp("a red fox, eh")
    assert [t.is_stop for t in doc][-1] is True
    assert "qaa" in registry.languages.names()


def test_factory_comes_from_the_entry_point(example_installed):
    nlp = plait.blank("en")
    nlp.add_pipe("colour_finder")
    doc = nlp("The red car and the blue sky.")
    assert [(e.text, e.label_) for e in doc.ents] == [("red", "COLOUR"), ("blue", "COLOUR")]


def test_pipeline_with_the_component_round_trips_through_disk(example_installed, tmp_path):
    nlp = plait.blank("qaa")
    nlp.add_pipe("colour_finder", config={"colours": ["teal"]})
    nlp.to_disk(tmp_path / "p")
    loaded = plait.load(tmp_path / "p")
    assert [e.text for e in loaded("teal and red").ents] == ["teal"]


def test_display_colours_come_from_the_entry_point(example_installed):
    from plait import displacy

    nlp = plait.blank("en")
    nlp.add_pipe("colour_finder")
    html = displacy.render(nlp("a green door"), style="ent")
    assert "#ff6f61" in html and "COLOUR" in html
