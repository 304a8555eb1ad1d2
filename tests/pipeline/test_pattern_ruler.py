"""What the entity and span rulers share (plait.pipeline.pattern_ruler)."""


import pytest

import plait
from plait.pipeline.pattern_ruler import MatchingComponent, PatternRuler

PATTERNS = [
    {"label": "ORG", "pattern": "Apple"},
    {"label": "GPE", "pattern": [{"LOWER": "san"}, {"LOWER": "francisco"}], "id": "sf"},
]


class _Upper(MatchingComponent):
    def match(self, doc):
        return [t.i for t in doc if t.is_upper]

    def set_annotations(self, doc, matches):
        for i in matches:
            doc[i].lemma_ = "UP"


def test_matching_component_calls_and_pipes_through_match_and_set_annotations():
    nlp = plait.blank("en")
    component = _Upper()
    doc = component(nlp("NASA and ESA"))
    assert [t.lemma_ for t in doc] == ["UP", "", "UP"]
    docs = list(component.pipe(nlp.pipe(["IBM", "no"]), batch_size=1))
    assert [[t.lemma_ for t in d] for d in docs] == [["UP"], [""]]


@pytest.fixture(params=["entity_ruler", "span_ruler"])
def ruler(request):
    nlp = plait.blank("en")
    ruler = nlp.add_pipe(request.param)
    ruler.add_patterns(PATTERNS)
    return ruler


def test_both_rulers_are_pattern_rulers_with_the_same_pattern_views(ruler):
    assert isinstance(ruler, PatternRuler)
    assert ruler.patterns == PATTERNS
    assert ruler.labels == ("GPE", "ORG")
    assert len(ruler) == 2 and "ORG" in ruler and "PER" not in ruler
    assert len(ruler.matcher) == 1 and len(ruler.phrase_matcher) == 1


def test_bytes_carry_settings_as_json_and_patterns(ruler):
    data = ruler.to_bytes()
    other = type(ruler)(ruler.nlp, "copy", phrase_matcher_attr="LOWER").from_bytes(data)
    assert other.patterns == PATTERNS
    assert other.phrase_matcher_attr is None  # the saved setting wins


def test_disk_holds_cfg_and_patterns_jsonl(ruler, tmp_path):
    ruler.to_disk(tmp_path / "ruler")
    assert sorted(p.name for p in (tmp_path / "ruler").iterdir()) == ["cfg", "patterns.jsonl"]
    other = type(ruler)(ruler.nlp, "copy").from_disk(tmp_path / "ruler")
    assert other.patterns == PATTERNS
    only_patterns = type(ruler)(ruler.nlp, "copy2").from_disk(
        tmp_path / "ruler" / "patterns.jsonl"
    )
    assert only_patterns.patterns == PATTERNS


def test_initialize_replaces_the_patterns(ruler):
    ruler.initialize(patterns=[{"label": "X", "pattern": "x"}])
    assert ruler.labels == ("X",)
    ruler.initialize()
    assert len(ruler) == 0
