"""The `colour_finder` component: marks colour words as `COLOUR` entities."""

from __future__ import annotations

from plait.language import Language
from plait.tokens import Doc, Span

DEFAULT_COLOURS = ["red", "green", "blue", "yellow", "black", "white", "purple", "orange"]


@Language.factory(
    "colour_finder",
    default_config={"colours": DEFAULT_COLOURS, "label": "COLOUR"},
    assigns=["doc.ents"],
)
class ColourFinder:
    """Set `doc.ents` to the tokens whose lowercase form is a known colour."""

    def __init__(self, nlp: Language, name: str, colours: list[str], label: str) -> None:
        self.name = name
        self.colours = {c.lower() for c in colours}
        self.label = label

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, t.i, t.i + 1, label=self.label) for t in doc
                 if t.lower_ in self.colours]
        doc.ents = spans
        return doc
