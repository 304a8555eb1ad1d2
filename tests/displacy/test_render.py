import html.parser
import warnings

import pytest

import plait
from plait import displacy
from plait.displacy.colors import DEFAULT_COLORS, label_colors
from plait.errors import InputError, InputTypeError
from plait.registry import registry
from plait.tokens import Span


class _Checker(html.parser.HTMLParser):
    """Checks that every opened element is closed in order (void elements aside)."""

    VOID = frozenset({"meta", "br", "img", "input", "link", "hr"})

    def __init__(self):
        super().__init__()
        self.stack = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, (tag, self.stack)
        self.stack.pop()


def assert_well_formed(markup):
    checker = _Checker()
    checker.feed(markup)
    checker.close()
    assert checker.stack == []


def test_parse_ents_gives_character_offsets(ent_doc):
    parsed = displacy.parse_ents(ent_doc)
    assert [(e["start"], e["end"], e["label"]) for e in parsed["ents"]] == [
        (0, 5, "ORG"), (23, 29, "GPE")]
    assert parsed["text"] == ent_doc.text


def test_render_ent_marks_each_entity_with_its_colour(ent_doc):
    markup = displacy.render(ent_doc, style="ent")
    assert markup.count("<mark") == 2
    assert DEFAULT_COLORS["ORG"] in markup and DEFAULT_COLORS["GPE"] in markup
    assert_well_formed(markup)


def test_render_escapes_text(ent_doc):
    doc = plait.blank("en").make_doc("<script>alert(1)</script> x")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        markup = displacy.render(doc, style="ent")
    assert "<script>" not in markup and "&lt;script&gt;" in markup


def test_render_options_colors_and_ents_filter(ent_doc):
    markup = displacy.render(ent_doc, style="ent", options={"colors": {"org": "#123456"},
                                                           "ents": ["ORG"]})
    assert "#123456" in markup and markup.count("<mark") == 1


def test_registered_colours_come_before_options():
    registry.displacy_colors.register("test_colors", func=lambda: {"ZZZ": "#010203"})
    try:
        assert label_colors({})["ZZZ"] == "#010203"
        assert label_colors({"colors": {"ZZZ": "#ffffff"}})["ZZZ"] == "#ffffff"
    finally:
        import catalogue

        catalogue._remove(("plait", "displacy_colors", "test_colors"))


def test_bad_colour_entry_is_a_coded_error():
    registry.displacy_colors.register("bad_colors", func=lambda: ["red"])
    try:
        with pytest.raises(InputTypeError, match="E507"):
            label_colors({})
    finally:
        import catalogue

        catalogue._remove(("plait", "displacy_colors", "bad_colors"))


def test_render_page_is_a_full_html_document(ent_doc, dep_doc):
    markup = displacy.render([ent_doc, ent_doc], style="ent", page=True)
    assert markup.startswith("<!DOCTYPE html>") and markup.count("<figure") == 2
    assert_well_formed(markup)
    assert "\n" not in displacy.render(ent_doc, style="ent", page=True, minify=True)


def test_parse_deps_collapses_punctuation(dep_doc):
    parsed = displacy.parse_deps(dep_doc)
    assert [w["text"] for w in parsed["words"]] == ["The", "big", "dog", "barked ."]
    assert {(a["start"], a["end"], a["label"], a["dir"]) for a in parsed["arcs"]} == {
        (0, 2, "det", "left"), (1, 2, "amod", "left"), (2, 3, "nsubj", "left")}
    parsed = displacy.parse_deps(dep_doc, {"collapse_punct": False, "fine_grained": True,
                                           "add_lemma": True})
    assert [w["tag"] for w in parsed["words"]] == ["DT", "JJ", "NN", "VBD", "."]
    assert (3, 4, "punct", "right") in {
        (a["start"], a["end"], a["label"], a["dir"]) for a in parsed["arcs"]}


def test_render_dep_is_svg_with_one_arc_per_relation(dep_doc):
    svg = displacy.render(dep_doc, style="dep", options={"compact": True})
    assert svg.startswith("<svg") and svg.count('class="plait-arc"') == 3
    assert_well_formed(svg)


def test_render_manual_deps_and_bad_arcs():
    data = {"words": [{"text": "a", "tag": "X"}, {"text": "b", "tag": "Y"}],
            "arcs": [{"start": 0, "end": 1, "label": "dep", "dir": "left"}]}
    assert displacy.render(data, style="dep", manual=True).count("plait-arc-line") == 1
    data["arcs"][0]["end"] = 5
    with pytest.raises(InputError, match="E508"):
        displacy.render(data, style="dep", manual=True)


def test_parse_and_render_spans(ent_doc):
    ent_doc.spans["sc"] = [Span(ent_doc, 0, 3, label="X"), Span(ent_doc, 0, 1, label="ORG")]
    parsed = displacy.parse_spans(ent_doc)
    assert [(s["start_token"], s["end_token"], s["label"]) for s in parsed["spans"]] == [
        (0, 3, "X"), (0, 1, "ORG")]
    markup = displacy.render(ent_doc, style="span")
    assert markup.count('class="plait-span-label"') == 2
    assert_well_formed(markup)


def test_missing_annotations_warn(ent_doc):
    doc = plait.blank("en").make_doc("nothing here")
    for style in ("ent", "span", "dep"):
        with pytest.warns(UserWarning, match="W062"):
            displacy.render(doc, style=style)


def test_render_accepts_a_span(ent_doc):
    markup = displacy.render(ent_doc[0:3], style="ent")
    assert markup.count("<mark") == 1


@pytest.mark.parametrize(
    ("kwargs", "code", "exc"),
    [
        ({"style": "tree"}, "E502", InputError),
        ({"docs": [42]}, "E503", InputTypeError),
        ({"docs": [{"text": "a"}], "manual": True}, "E504", InputError),
        ({"docs": ["not a dict"], "manual": True}, "E503", InputTypeError),
        ({"options": {"colors": ["red"]}}, "E505", InputTypeError),
    ],
)
def test_render_errors(ent_doc, kwargs, code, exc):
    call = {"docs": ent_doc, "style": "ent", **kwargs}
    with pytest.raises(exc, match=code):
        displacy.render(**call)
