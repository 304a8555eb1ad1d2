"""analyze_pipes: what components assign and require, and unmet requirements."""

from __future__ import annotations

import pytest

from plait.errors import ConfigError, PlaitWarning
from plait.language import Language
from plait.pipe_analysis import format_pipe_analysis, validate_attrs


@Language.component("pa_tagger", assigns=["token.tag"])
def pa_tagger(doc):
    return doc


@Language.component("pa_needs_tag", requires=["token.tag"], assigns=["doc._.x"])
def pa_needs_tag(doc):
    return doc


@Language.component("pa_needs_ents", requires=["doc.ents"])
def pa_needs_ents(doc):
    return doc


def test_analysis_reports_assigns_requires_and_attrs():
    nlp = Language()
    nlp.add_pipe("pa_tagger")
    nlp.add_pipe("pa_needs_tag")
    result = nlp.analyze_pipes()
    assert result["summary"]["pa_tagger"]["assigns"] == ["token.tag"]
    assert result["summary"]["pa_needs_tag"]["requires"] == ["token.tag"]
    assert result["problems"] == {"pa_tagger": [], "pa_needs_tag": []}
    assert result["attrs"]["token.tag"] == {"assigns": ["pa_tagger"], "requires": ["pa_needs_tag"]}


def test_unmet_requirement_warns_and_is_reported():
    nlp = Language()
    nlp.add_pipe("pa_needs_tag")
    nlp.add_pipe("pa_tagger")  # too late: after the component that needs it
    with pytest.warns(PlaitWarning, match=r"W030.*pa_needs_tag.*token.tag"):
        result = nlp.analyze_pipes()
    assert result["problems"]["pa_needs_tag"] == ["token.tag"]


def test_token_level_entity_attrs_meet_doc_ents():
    @Language.component("pa_iob", assigns=["token.ent_iob", "token.ent_type"])
    def pa_iob(doc):
        return doc

    nlp = Language()
    nlp.add_pipe("pa_iob")
    nlp.add_pipe("pa_needs_ents")
    assert nlp.analyze_pipes()["problems"]["pa_needs_ents"] == []


def test_pretty_output_is_a_table(capsys):
    nlp = Language()
    nlp.add_pipe("pa_tagger")
    nlp.analyze_pipes(pretty=True)
    out = capsys.readouterr().out
    assert "pa_tagger" in out and "No problems found." in out
    text = format_pipe_analysis(nlp.analyze_pipes(keys=["assigns"]), keys=["assigns"])
    assert text.splitlines()[0].split() == ["#", "component", "assigns"]


@pytest.mark.parametrize("bad", ["tag", "token", "token.", "sent.tag", "token._", "doc.a.b", 3])
def test_validate_attrs_rejects_malformed_names(bad):
    with pytest.raises(ConfigError, match="E161"):
        validate_attrs([bad])


def test_validate_attrs_accepts_extensions():
    assert validate_attrs(["token._.x", "span.label", "doc.ents"]) == [
        "token._.x", "span.label", "doc.ents"
    ]
