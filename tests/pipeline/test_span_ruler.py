import pytest

from plait.errors import ConfigError, LookupFailed
from plait.pipeline import SpanRuler
from plait.pipeline.span_filters import (
    filter_spans,
    prioritize_existing_ents_filter,
    prioritize_new_ents_filter,
)
from plait.tokens import Span

PATTERNS = [
    {"label": "ORG", "pattern": "Apple"},
    {"label": "GPE", "pattern": [{"LOWER": "san"}, {"LOWER": "francisco"}], "id": "sf"},
    {"label": "GPE", "pattern": "San"},
]


def spans(group):
    return [(s.text, s.label_, s.id_) for s in group]


def test_span_ruler_writes_all_matches_to_its_key(nlp):
    ruler = nlp.add_pipe("span_ruler")
    ruler.add_patterns(PATTERNS)
    doc = nlp("Apple in San Francisco")
    assert spans(doc.spans["ruler"]) == [
        ("Apple", "ORG", ""), ("San", "GPE", ""), ("San Francisco", "GPE", "sf"),
    ]
    assert doc.ents == ()


def test_span_ruler_appends_when_overwrite_is_false(nlp):
    ruler = nlp.add_pipe("span_ruler", config={"overwrite": False, "spans_key": "k"})
    ruler.add_patterns([{"label": "ORG", "pattern": "Apple"}])
    doc = nlp.make_doc("Apple pie")
    doc.spans["k"] = [Span(doc, 1, 2, label="FOOD")]
    assert spans(ruler(doc).spans["k"]) == [("pie", "FOOD", ""), ("Apple", "ORG", "")]


def test_span_ruler_spans_filter_removes_overlaps(nlp):
    ruler = nlp.add_pipe(
        "span_ruler", config={"spans_filter": {"@misc": "plait.first_longest_spans_filter.v1"}}
    )
    ruler.add_patterns(PATTERNS)
    doc = nlp("Apple in San Francisco")
    assert spans(doc.spans["ruler"]) == [("Apple", "ORG", ""), ("San Francisco", "GPE", "sf")]


def test_span_ruler_annotates_entities(nlp):
    ruler = nlp.add_pipe("span_ruler", config={"annotate_ents": True, "spans_key": None})
    ruler.add_patterns(PATTERNS)
    doc = nlp("Apple in San Francisco")
    assert [(e.text, e.label_) for e in doc.ents] == [("Apple", "ORG"), ("San Francisco", "GPE")]


def test_future_entity_ruler_respects_existing_entities(nlp):
    ruler = nlp.add_pipe("future_entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Apple Inc"}, {"label": "X", "pattern": "pie"}])
    doc = nlp.make_doc("Apple Inc pie")
    doc.ents = [Span(doc, 0, 1, label="FRUIT")]
    assert [(e.text, e.label_) for e in ruler(doc).ents] == [("Apple", "FRUIT"), ("pie", "X")]


def test_span_ruler_needs_a_target(nlp):
    with pytest.raises(ConfigError, match="E486"):
        SpanRuler(nlp, spans_key=None, annotate_ents=False)


def test_span_ruler_remove_and_remove_by_id(nlp):
    ruler = SpanRuler(nlp)
    ruler.add_patterns(PATTERNS)
    assert ruler.labels == ("GPE", "ORG") and ruler.ids == ("sf",) and ruler.key == "ruler"
    ruler.remove_by_id("sf")
    assert len(ruler) == 2
    ruler.remove("GPE")
    assert ruler.patterns == [PATTERNS[0]]
    with pytest.raises(LookupFailed, match="E484"):
        ruler.remove("GPE")
    with pytest.raises(LookupFailed, match="E484"):
        ruler.remove_by_id("nope")


def test_span_ruler_label_with_separator_characters_is_kept_whole(nlp):
    ruler = SpanRuler(nlp)
    ruler.add_patterns([{"label": "A||B", "pattern": "x", "id": "i||j"}])
    assert spans(ruler(nlp.make_doc("x")).spans["ruler"]) == [("x", "A||B", "i||j")]


def test_span_ruler_disk_round_trip(nlp, disk_round_trip):
    nlp.add_pipe("span_ruler", config={"phrase_matcher_attr": "LOWER"}).add_patterns(PATTERNS)
    loaded = disk_round_trip(nlp)
    ruler = loaded.get_pipe("span_ruler")
    assert ruler.patterns == PATTERNS and ruler.phrase_matcher_attr == "LOWER"
    assert spans(loaded("APPLE").spans["ruler"]) == [("APPLE", "ORG", "")]


def test_span_ruler_bytes_round_trip(nlp):
    ruler = SpanRuler(nlp)
    ruler.add_patterns(PATTERNS)
    assert SpanRuler(nlp).from_bytes(ruler.to_bytes()).patterns == PATTERNS


def test_filters_resolve_overlaps(nlp):
    doc = nlp.make_doc("a b c d")
    old = [Span(doc, 0, 2, label="OLD")]
    new = [Span(doc, 1, 3, label="NEW"), Span(doc, 3, 4, label="NEW")]
    assert [(s.start, s.label_) for s in prioritize_new_ents_filter(old, new)] == [
        (1, "NEW"), (3, "NEW")]
    assert [(s.start, s.label_) for s in prioritize_existing_ents_filter(old, new)] == [
        (0, "OLD"), (3, "NEW")]
    assert [(s.start, s.end) for s in filter_spans(old + new)] == [(0, 2), (3, 4)]
