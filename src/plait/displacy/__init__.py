"""The visualizer (spaCy's displaCy): entities, spans and dependency parses as HTML/SVG.

`render(docs, style="ent")` returns markup; `serve(docs, style="dep")` shows it on a local
web server (127.0.0.1 by default). Label colours come from the defaults, then from the
`plait_displacy_colors` entry-point group, then from `options["colors"]`.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import Errors, InputError, InputTypeError
from . import templates as T
from .renderers import (
    PARSERS,
    RENDERERS,
    DependencyRenderer,
    EntityRenderer,
    SpanRenderer,
    parse_deps,
    parse_ents,
    parse_spans,
)
from .server import make_server, serve

__all__ = [
    "DependencyRenderer",
    "EntityRenderer",
    "SpanRenderer",
    "make_server",
    "parse_deps",
    "parse_ents",
    "parse_spans",
    "render",
    "serve",
]


def render(
    docs: Any,
    style: str = "dep",
    page: bool = False,
    minify: bool = False,
    jupyter: bool | None = None,
    options: Mapping[str, Any] | None = None,
    manual: bool = False,
) -> str:
    """Render one or more Docs or Spans (or, with `manual=True`, `parse_*` dicts) as markup.

    `style` is "ent", "span" or "dep"; `page=True` wraps the result in a full HTML page;
    `minify=True` drops newlines. With `jupyter=True` the markup is also displayed in the
    notebook. Raises E502 for an unknown style, E503 for an input of the wrong type, E504
    for a manual dict missing a key, E505 for a bad option.
    """
    if style not in RENDERERS:
        raise InputError(Errors.E502.format(style=style, options=", ".join(sorted(RENDERERS))))
    options = dict(options or {})
    if not isinstance(options, Mapping):
        raise InputTypeError(Errors.E505.format(
            option="options", expected="a dict", value=options, type=type(options).__name__,
        ))
    items = _as_list(docs, manual)
    parsed = [_parse(item, style, options, manual) for item in items]
    renderer = RENDERERS[style](options)
    figures = [renderer.render_one(p) for p in parsed]
    if page:
        lang = (parsed[0].get("settings") or {}).get("lang", "") if parsed else ""
        content = "".join(T.FIGURE.format(content=f) for f in figures)
        markup = T.PAGE.format(lang=html.escape(lang or "en"), content=content)
    else:
        markup = "".join(figures)
    if minify:
        markup = " ".join(line.strip() for line in markup.splitlines() if line.strip())
    if jupyter:
        _display(markup)
    return markup


def _as_list(docs: Any, manual: bool) -> list:
    if isinstance(docs, (list, tuple)):
        return list(docs)
    if manual and isinstance(docs, Mapping):
        return [docs]
    if not manual and isinstance(docs, Iterable) and not _is_doclike(docs):
        return list(docs)
    return [docs]


def _is_doclike(obj: Any) -> bool:
    from ..tokens import Doc, Span

    return isinstance(obj, (Doc, Span))


def _parse(item: Any, style: str, options: dict, manual: bool) -> Mapping[str, Any]:
    style_name = {"ent": "ents", "dep": "deps", "span": "spans"}[style]
    if manual:
        if not isinstance(item, Mapping):
            raise InputTypeError(
                Errors.E503.format(type=type(item).__name__, style_name=style_name)
            )
        return item
    if not _is_doclike(item):
        raise InputTypeError(Errors.E503.format(type=type(item).__name__, style_name=style_name))
    from ..tokens import Span

    doc = item.as_doc() if isinstance(item, Span) else item
    return PARSERS[style](doc, options)


def _display(markup: str) -> None:
    try:
        from IPython.display import HTML, display
    except ImportError:  # not in a notebook: the markup is returned anyway
        return
    display(HTML(markup))
