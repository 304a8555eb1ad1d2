"""HTML and SVG snippets of the visualizer (filled with str.format; values escaped by callers)."""

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>plait visualizer</title>
<style>
body {{ margin: 0; padding: 1.5rem 2rem; background: #ffffff; color: #1f1f1f;
       font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; }}
figure {{ margin: 0 0 2.5rem 0; }}
</style>
</head>
<body>
{content}
</body>
</html>
"""

FIGURE = '<figure class="plait-figure" style="margin-bottom: 2rem">{content}</figure>'

TITLE = '<h2 class="plait-title" style="margin: 0 0 1rem 0; font-size: 1.3rem">{title}</h2>'

# --- entities ------------------------------------------------------------------------------

ENTS_WRAPPER = (
    '<div class="plait-ents" dir="{direction}" style="line-height: 2.6; font-size: 16px; '
    'max-width: 100%; overflow-x: auto; white-space: pre-wrap">{content}</div>'
)

ENT = (
    '<mark class="plait-entity" data-label="{label}" style="background: {bg}; '
    'padding: 0.3em 0.5em; margin: 0 0.2em; border-radius: 0.4em; line-height: 1">'
    '{text}<span style="font-size: 0.7em; font-weight: 700; line-height: 1; '
    'border-radius: 0.3em; vertical-align: middle; margin-left: 0.45rem; '
    'text-transform: uppercase">{label}</span>{kb_link}</mark>'
)

KB_LINK = (
    '<a style="font-size: 0.7em; margin-left: 0.3rem; text-decoration: none; '
    'color: inherit" href="{url}">{kb_id}</a>'
)

# --- spans ---------------------------------------------------------------------------------

SPANS_WRAPPER = (
    '<div class="plait-spans" dir="{direction}" style="line-height: 2.5; font-size: 16px; '
    'max-width: 100%; overflow-x: auto">{content}</div>'
)

SPAN_TOKEN = (
    '<span class="plait-span-token" style="position: relative; display: inline-block; '
    'padding-bottom: {pad}px; margin-right: 0.25em">{text}{bars}</span>'
)

SPAN_BAR = (
    '<span class="plait-span-bar" data-label="{label}" style="position: absolute; '
    'left: -1px; right: -1px; height: 4px; top: {top}px; background: {bg}"></span>'
)

SPAN_LABEL = (
    '<span class="plait-span-label" data-label="{label}" style="position: absolute; '
    'left: 0; top: {top}px; background: {bg}; color: #1f1f1f; font-size: 0.6em; '
    'font-weight: 700; padding: 0 0.3em; border-radius: 0.2em; line-height: 1.4; '
    'white-space: nowrap; z-index: 1">{label}{kb_link}</span>'
)

# --- dependencies --------------------------------------------------------------------------

DEP_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
    'class="plait-deps" id="{id}" width="{width}" height="{height}" direction="{direction}" '
    'viewBox="0 0 {width} {height}" style="max-width: none; height: {height}px; '
    'color: {color}; background: {bg}; font-family: {font}; direction: {direction}">'
    "{content}</svg>"
)

DEP_WORD = (
    '<text class="plait-word" fill="currentColor" text-anchor="middle" y="{y}">'
    '<tspan class="plait-word-text" fill="currentColor" x="{x}">{text}</tspan>'
    '<tspan class="plait-word-tag" dy="2em" fill="currentColor" x="{x}">{tag}</tspan>'
    "{lemma}</text>"
)

DEP_LEMMA = '<tspan class="plait-word-lemma" dy="2em" fill="currentColor" x="{x}">{lemma}</tspan>'

DEP_ARC = (
    '<g class="plait-arc">'
    '<path class="plait-arc-line" id="arrow-{id}-{i}" stroke-width="{stroke}px" d="{path}" '
    'fill="none" stroke="currentColor"/>'
    '<text dy="1.25em" style="font-size: 0.8em; letter-spacing: 1px">'
    '<textPath xlink:href="#arrow-{id}-{i}" href="#arrow-{id}-{i}" class="plait-arc-label" '
    'startOffset="50%" side="{side}" fill="currentColor" text-anchor="middle">{label}</textPath>'
    "</text>"
    '<path class="plait-arc-head" d="{head}" fill="currentColor"/>'
    "</g>"
)
