import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import plait
from plait.errors import FormatError, InputError, InputTypeError, LookupFailed
from plait.pipeline import EntityRuler
from plait.tokens import Span

PATTERNS = [
    {"label": "ORG", "pattern": "Apple"},
    {"label": "GPE", "pattern": [{"LOWER": "san"}, {"LOWER": "francisco"}], "id": "sf"},
    {"label": "GPE", "pattern": "San"},
]


def ents(doc):
    return [(e.text, e.label_, e.id_) for e in doc.ents]


def test_entity_ruler_matches_phrases_and_token_patterns(nlp):
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(PATTERNS)
    doc = nlp("Apple opens in San Francisco and San Jose")
    assert ents(doc) == [("Apple", "ORG", ""), ("San Francisco", "GPE", "sf"), ("San", "GPE", "")]
    assert doc[3].ent_id_ == "sf"


def test_entity_ruler_prefers_longest_then_leftmost(nlp):
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "A", "pattern": "b c"},
        {"label": "B", "pattern": "a b"},
        {"label": "C", "pattern": "a b c d"},
        {"label": "D", "pattern": "x y"},
        {"label": "E", "pattern": "y z"},
    ])
    assert ents(nlp("a b c d . x y z")) == [("a b c d", "C", ""), ("x y", "D", "")]


def test_entity_ruler_keeps_existing_entities_unless_overwrite(nlp):
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "ORG", "pattern": "Apple Inc"}])
    doc = nlp.make_doc("Apple Inc sells")
    doc.ents = [Span(doc, 0, 1, label="FRUIT")]
    assert ents(ruler(doc)) == [("Apple", "FRUIT", "")]
    ruler.overwrite = True
    doc.ents = [Span(doc, 0, 1, label="FRUIT")]
    assert ents(ruler(doc)) == [("Apple Inc", "ORG", "")]


def test_entity_ruler_phrase_matcher_attr_lower(nlp):
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    ruler.add_patterns([{"label": "ORG", "pattern": "acme corp"}])
    assert ents(nlp("I like ACME Corp")) == [("ACME Corp", "ORG", "")]


def test_entity_ruler_properties(nlp):
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(PATTERNS)
    assert ruler.labels == ("GPE", "ORG")
    assert ruler.ent_ids == ("sf",)
    assert len(ruler) == 3 and "ORG" in ruler and "PER" not in ruler
    assert ruler.patterns == PATTERNS
    assert list(ruler.token_patterns) == ["GPE"]
    assert [d.text for d in ruler.phrase_patterns["GPE"]] == ["San"]


def test_entity_ruler_remove_by_id(nlp):
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(PATTERNS)
    ruler.remove("sf")
    assert ents(nlp("San Francisco")) == [("San", "GPE", "")]
    with pytest.raises(LookupFailed, match="E484"):
        ruler.remove("sf")


def test_entity_ruler_initialize_replaces_patterns(nlp):
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(PATTERNS)
    ruler.initialize(list, nlp=nlp, patterns=[{"label": "X", "pattern": "Jose"}])
    assert ents(nlp("San Jose")) == [("Jose", "X", "")]


@pytest.mark.parametrize(
    ("patterns", "code"),
    [
        ({"label": "X", "pattern": "a"}, "E481"),
        ("a", "E481"),
        ([{"label": "X"}], "E479"),
        (["X"], "E479"),
        ([{"label": "", "pattern": "a"}], "E480"),
        ([{"label": "X", "pattern": 3}], "E480"),
        ([{"label": "X", "pattern": []}], "E480"),
        ([{"label": "X", "pattern": "a", "id": 5}], "E480"),
    ],
)
def test_entity_ruler_rejects_bad_patterns(nlp, patterns, code):
    ruler = nlp.add_pipe("entity_ruler")
    with pytest.raises((InputError, InputTypeError), match=code):
        ruler.add_patterns(patterns)


def test_entity_ruler_reports_bad_token_pattern_key(nlp):
    ruler = nlp.add_pipe("entity_ruler")
    with pytest.raises(InputError, match="E456"):
        ruler.add_patterns([{"label": "X", "pattern": [{"LOWERR": "a"}]}])


def test_entity_ruler_disk_round_trip_writes_patterns_jsonl(nlp, disk_round_trip, tmp_path):
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns(PATTERNS)
    loaded = disk_round_trip(nlp)
    lines = (tmp_path / "pipeline" / "entity_ruler" / "patterns.jsonl").read_text().splitlines()
    assert [json.loads(line) for line in lines] == PATTERNS
    new = loaded.get_pipe("entity_ruler")
    assert new.patterns == PATTERNS and new.overwrite is True
    assert ents(loaded("Apple in San Francisco")) == [("Apple", "ORG", ""),
                                                      ("San Francisco", "GPE", "sf")]


def test_entity_ruler_bytes_round_trip_keeps_phrase_attr(nlp):
    ruler = EntityRuler(nlp, phrase_matcher_attr="LOWER", patterns=PATTERNS)
    other = EntityRuler(nlp).from_bytes(ruler.to_bytes())
    assert other.phrase_matcher_attr == "LOWER"
    assert other.patterns == PATTERNS
    assert ents(other(nlp.make_doc("APPLE"))) == [("APPLE", "ORG", "")]


def test_entity_ruler_from_disk_reads_a_single_jsonl_file(nlp, tmp_path):
    path = tmp_path / "patterns.jsonl"
    path.write_text("\n".join(json.dumps(p) for p in PATTERNS) + "\n")
    ruler = EntityRuler(nlp).from_disk(path)
    assert ruler.patterns == PATTERNS


def test_entity_ruler_names_the_bad_line_of_a_patterns_file(nlp, tmp_path):
    path = tmp_path / "patterns.jsonl"
    path.write_text('{"label": "X", "pattern": "a"}\n{not json\n')
    with pytest.raises(FormatError, match=r"E482.*Line 2"):
        EntityRuler(nlp).from_disk(path)


def test_entity_ruler_rejects_damaged_cfg(nlp, tmp_path):
    ruler = EntityRuler(nlp, patterns=PATTERNS)
    ruler.to_disk(tmp_path / "r")
    (tmp_path / "r" / "cfg").write_text("[1, 2")
    with pytest.raises(FormatError, match="E485"):
        EntityRuler(nlp).from_disk(tmp_path / "r")


def test_entity_ruler_to_disk_exclude_skips_patterns(nlp, tmp_path):
    EntityRuler(nlp, patterns=PATTERNS).to_disk(tmp_path / "r", exclude=["patterns.jsonl"])
    assert not (tmp_path / "r" / "patterns.jsonl").exists()


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["ORG", "GPE", "X||Y"]),
                          st.text(alphabet="abc ", min_size=1, max_size=8).filter(str.strip),
                          st.one_of(st.none(), st.text(alphabet="xyz|", max_size=4))),
                max_size=6))
def test_entity_ruler_patterns_round_trip_through_bytes(items):
    nlp = plait.blank("en")
    patterns = []
    for label, text, pid in items:
        p = {"label": label, "pattern": text}
        if pid is not None:
            p["id"] = pid
        patterns.append(p)
    ruler = EntityRuler(nlp, patterns=patterns)
    assert EntityRuler(nlp).from_bytes(ruler.to_bytes()).patterns == patterns


def test_entity_ruler_without_patterns_warns_once(nlp):
    nlp.add_pipe("entity_ruler")
    with pytest.warns(UserWarning, match="W063"):
        nlp("a b")
