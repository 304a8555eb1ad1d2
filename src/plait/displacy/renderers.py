"""Turn docs into the visualizer's data (`parse_*`) and that data into HTML/SVG (renderers)."""

from __future__ import annotations

import html
import itertools
from collections.abc import Mapping
from typing import Any

from ..errors import Errors, InputError, Warnings, warn
from . import templates as T
from .colors import DEFAULT_LABEL_COLOR, label_colors

_ids = itertools.count()


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _kb_url(options: Mapping[str, Any], kb_id: str) -> str:
    template = options.get("kb_url_template")
    return template.format(kb_id) if template and kb_id else "#"


# --- parsing docs ----------------------------------------------------------------------------


def parse_ents(doc: Any, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The entities of a doc as `{"text", "ents": [{"start", "end", "label", ...}], "title"}`.

    Offsets are characters. Warns (W062) when the doc has no entities.
    """
    options = options or {}
    ents = [
        {"start": ent.start_char, "end": ent.end_char, "label": ent.label_,
         "kb_id": ent.kb_id_ or "", "kb_url": _kb_url(options, ent.kb_id_)}
        for ent in doc.ents
    ]
    if not ents:
        warn(Warnings.W062.format(
            what="entities", style="ent",
            hint="add an entity_ruler or set doc.ents, or pass manual=True with your own data",
        ))
    return {"text": doc.text, "ents": ents, "title": doc.user_data.get("title"),
            "settings": _doc_settings(doc)}


def parse_spans(doc: Any, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """The spans of `doc.spans[options["spans_key"]]` (default "sc"), with token offsets."""
    options = options or {}
    key = options.get("spans_key", "sc")
    group = doc.spans.get(key, [])
    spans = [
        {"start": span.start_char, "end": span.end_char, "start_token": span.start,
         "end_token": span.end, "label": span.label_, "kb_id": span.kb_id_ or "",
         "kb_url": _kb_url(options, span.kb_id_)}
        for span in group
    ]
    if not spans:
        warn(Warnings.W062.format(
            what=f"spans under key {key!r}", style="span",
            hint=f"keys present: {sorted(doc.spans)}; pass options={{'spans_key': ...}}",
        ))
    return {"text": doc.text, "spans": spans, "tokens": [t.text for t in doc],
            "title": doc.user_data.get("title"), "settings": _doc_settings(doc)}


def parse_deps(doc: Any, options: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Words and arcs of a parsed doc: `{"words": [{"text", "tag", "lemma"}], "arcs": [...]}`.

    Options: `collapse_punct` (attach punctuation to the word before, default True),
    `collapse_phrases` (merge noun chunks), `fine_grained` (TAG instead of POS),
    `add_lemma`. A doc without a parse gives words only (and W062).
    """
    options = options or {}
    if not doc.has_annotation("DEP"):
        warn(Warnings.W062.format(
            what="dependency arcs", style="dep", hint="run a parser or set heads and deps",
        ))
    doc = _collapsed(doc, options)
    fine = options.get("fine_grained", False)
    add_lemma = options.get("add_lemma", False)
    words = [
        {"text": t.text, "tag": t.tag_ if fine else t.pos_,
         "lemma": t.lemma_ if add_lemma else None}
        for t in doc
    ]
    arcs = []
    if doc.has_annotation("DEP"):
        for t in doc:
            head = t.head.i
            if head == t.i or not t.dep_:
                continue
            start, end = sorted((t.i, head))
            arcs.append({"start": start, "end": end, "label": t.dep_,
                         "dir": "left" if t.i < head else "right"})
    return {"words": words, "arcs": arcs, "settings": _doc_settings(doc)}


def _collapsed(doc: Any, options: Mapping[str, Any]) -> Any:
    punct = options.get("collapse_punct", True)
    phrases = options.get("collapse_phrases", False)
    if not (punct or phrases) or not doc.has_annotation("DEP"):
        return doc
    doc = doc.copy()
    if phrases and doc.vocab.get_noun_chunks is not None:
        with doc.retokenize() as retokenizer:
            for chunk in list(doc.noun_chunks):
                root = chunk.root
                retokenizer.merge(chunk, attrs={"TAG": root.tag_, "POS": root.pos_,
                                                "LEMMA": root.lemma_, "DEP": root.dep_})
    if punct:
        spans = []
        for word in doc[:-1]:
            if word.is_punct or not word.nbor(1).is_punct:
                continue
            end = word.i + 1
            while end < len(doc) and doc[end].is_punct:
                end += 1
            spans.append(doc[word.i : end])
        with doc.retokenize() as retokenizer:
            for span in spans:
                root = span[0]
                retokenizer.merge(span, attrs={"TAG": root.tag_, "POS": root.pos_,
                                               "LEMMA": root.lemma_, "DEP": root.dep_})
    return doc


def _doc_settings(doc: Any) -> dict[str, str]:
    lang = getattr(doc, "lang_", "") or ""
    rtl = {"ar", "fa", "he", "ur", "yi", "ps", "sd", "ug", "dv"}
    return {"lang": lang, "direction": "rtl" if lang in rtl else "ltr"}


# --- rendering -------------------------------------------------------------------------------


def _check(parsed: Mapping[str, Any], style: str, keys: tuple[str, ...]) -> None:
    for key in keys:
        if key not in parsed:
            raise InputError(Errors.E504.format(
                style=style, key=key, needed=", ".join(repr(k) for k in keys),
                style_name={"ent": "ents", "dep": "deps", "span": "spans"}[style],
            ))


def _title(parsed: Mapping[str, Any]) -> str:
    title = parsed.get("title")
    return T.TITLE.format(title=_esc(title)) if title else ""


class EntityRenderer:
    """Renders `parse_ents` data as highlighted HTML text."""

    style = "ent"

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        self.options = dict(options or {})
        self.colors = label_colors(self.options)
        wanted = self.options.get("ents")
        self.ents = {e.upper() for e in wanted} if wanted else None

    def render_one(self, parsed: Mapping[str, Any]) -> str:
        """One doc's markup."""
        _check(parsed, "ent", ("text", "ents"))
        text = parsed["text"]
        settings = parsed.get("settings") or {}
        out = []
        offset = 0
        for ent in sorted(parsed["ents"], key=lambda e: (e["start"], -e["end"])):
            label = str(ent["label"])
            if self.ents is not None and label.upper() not in self.ents:
                continue
            start, end = int(ent["start"]), int(ent["end"])
            if start < offset:  # overlapping entities cannot nest in flat markup
                continue
            out.append(_esc(text[offset:start]))
            kb_id = ent.get("kb_id") or ""
            link = T.KB_LINK.format(url=_esc(ent.get("kb_url", "#")), kb_id=_esc(kb_id)) if kb_id else ""
            out.append(T.ENT.format(
                label=_esc(label), bg=_esc(self.colors.get(label.upper(), DEFAULT_LABEL_COLOR)),
                text=_esc(text[start:end]), kb_link=link,
            ))
            offset = end
        out.append(_esc(text[offset:]))
        body = T.ENTS_WRAPPER.format(direction=settings.get("direction", "ltr"), content="".join(out))
        return _title(parsed) + body


class SpanRenderer:
    """Renders `parse_spans` data: tokens with one coloured bar per covering span."""

    style = "span"
    bar_height = 4
    bar_gap = 14
    top = 30

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        self.options = dict(options or {})
        self.colors = label_colors(self.options)

    def render_one(self, parsed: Mapping[str, Any]) -> str:
        """One doc's markup."""
        _check(parsed, "span", ("tokens", "spans"))
        tokens = parsed["tokens"]
        spans = sorted(parsed["spans"], key=lambda s: (s["start_token"], -s["end_token"]))
        # give each span a row that no overlapping span uses
        rows: list[int] = []
        row_ends: list[int] = []
        for span in spans:
            row = next((r for r, end in enumerate(row_ends) if end <= span["start_token"]), None)
            if row is None:
                row = len(row_ends)
                row_ends.append(0)
            row_ends[row] = span["end_token"]
            rows.append(row)
        n_rows = len(row_ends)
        out = []
        for i, token in enumerate(tokens):
            bars = []
            for span, row in zip(spans, rows):
                if not span["start_token"] <= i < span["end_token"]:
                    continue
                label = str(span["label"])
                bg = _esc(self.colors.get(label.upper(), DEFAULT_LABEL_COLOR))
                top = self.top + row * self.bar_gap
                bars.append(T.SPAN_BAR.format(label=_esc(label), top=top, bg=bg))
                if i == span["start_token"]:
                    kb_id = span.get("kb_id") or ""
                    link = (T.KB_LINK.format(url=_esc(span.get("kb_url", "#")), kb_id=_esc(kb_id))
                            if kb_id else "")
                    bars.append(T.SPAN_LABEL.format(label=_esc(label), top=top + 4, bg=bg,
                                                    kb_link=link))
            out.append(T.SPAN_TOKEN.format(
                text=_esc(token), bars="".join(bars), pad=n_rows * self.bar_gap + 8,
            ))
        settings = parsed.get("settings") or {}
        body = T.SPANS_WRAPPER.format(direction=settings.get("direction", "ltr"), content=" ".join(out))
        return _title(parsed) + body


class DependencyRenderer:
    """Renders `parse_deps` data as an SVG of words and labelled arcs."""

    style = "dep"

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        opts = dict(options or {})
        self.options = opts
        self.compact = bool(opts.get("compact", False))
        self.distance = int(opts.get("distance", 150 if self.compact else 175))
        self.offset_x = int(opts.get("offset_x", 50))
        self.word_spacing = int(opts.get("word_spacing", 45))
        self.arrow_spacing = int(opts.get("arrow_spacing", 12 if self.compact else 20))
        self.arrow_width = int(opts.get("arrow_width", 6 if self.compact else 10))
        self.arrow_stroke = int(opts.get("arrow_stroke", 2))
        self.color = str(opts.get("color", "#000000"))
        self.bg = str(opts.get("bg", "#ffffff"))
        self.font = str(opts.get("font", "Arial"))
        self.level_height = 40 if self.compact else 60

    def render_one(self, parsed: Mapping[str, Any]) -> str:
        """One doc's SVG."""
        _check(parsed, "dep", ("words", "arcs"))
        words, arcs = parsed["words"], parsed["arcs"]
        n = len(words)
        for arc in arcs:
            if not (0 <= arc["start"] < n and 0 <= arc["end"] < n):
                raise InputError(Errors.E508.format(start=arc["start"], end=arc["end"], n=n))
        levels = _arc_levels(arcs)
        top_level = max(levels, default=0)
        y = self.offset_x + top_level * self.level_height
        extra = 2 if any(w.get("lemma") for w in words) else 1
        height = y + self.word_spacing + extra * 30 + 10
        width = self.offset_x * 2 + max(n - 1, 0) * self.distance + 50
        svg_id = f"plait-{next(_ids)}"
        parts = []
        for i, word in enumerate(words):
            x = self.offset_x + i * self.distance
            lemma = word.get("lemma")
            parts.append(T.DEP_WORD.format(
                y=y + self.word_spacing, x=x, text=_esc(word.get("text", "")),
                tag=_esc(word.get("tag") or ""),
                lemma=T.DEP_LEMMA.format(x=x, lemma=_esc(lemma)) if lemma else "",
            ))
        for i, (arc, level) in enumerate(zip(arcs, levels)):
            parts.append(self._arc(svg_id, i, arc, level, y))
        settings = parsed.get("settings") or {}
        return _title(parsed) + T.DEP_SVG.format(
            id=svg_id, width=width, height=height, direction=settings.get("direction", "ltr"),
            color=_esc(self.color), bg=_esc(self.bg), font=_esc(self.font), content="".join(parts),
        )

    def _arc(self, svg_id: str, i: int, arc: Mapping[str, Any], level: int, y: int) -> str:
        x1 = self.offset_x + arc["start"] * self.distance + self.arrow_spacing
        x2 = self.offset_x + arc["end"] * self.distance - self.arrow_spacing
        top = y - level * self.level_height
        if self.compact:
            path = f"M{x1},{y} L{x1},{top} L{x2},{top} L{x2},{y}"
        else:
            path = f"M{x1},{y} C{x1},{top} {x2},{top} {x2},{y}"
        tip = x1 if arc.get("dir") == "left" else x2
        w = self.arrow_width
        head = f"M{tip},{y + 2} L{tip - w / 2},{y - w} L{tip + w / 2},{y - w}"
        return T.DEP_ARC.format(
            id=svg_id, i=i, stroke=self.arrow_stroke, path=path, head=head,
            side="left", label=_esc(arc.get("label", "")),
        )


def _arc_levels(arcs: list[Mapping[str, Any]]) -> list[int]:
    """Height level per arc: one above the highest arc it spans over."""
    order = sorted(range(len(arcs)), key=lambda k: arcs[k]["end"] - arcs[k]["start"])
    levels = [0] * len(arcs)
    for k in order:
        s, e = arcs[k]["start"], arcs[k]["end"]
        inner = [
            levels[j] for j in order
            if j != k and levels[j] and s <= arcs[j]["start"] and arcs[j]["end"] <= e
        ]
        levels[k] = max(inner, default=0) + 1
    return levels


RENDERERS: dict[str, type] = {
    "ent": EntityRenderer,
    "dep": DependencyRenderer,
    "span": SpanRenderer,
}
PARSERS = {"ent": parse_ents, "dep": parse_deps, "span": parse_spans}
