"""Containers: Doc, Token, Span, SpanGroup, MorphAnalysis, and DocBin (loaded on first use)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy_exports import lazy_exports
from .doc import Doc
from .morphanalysis import MorphAnalysis
from .span import Span
from .span_group import SpanGroup
from .token import Token

if TYPE_CHECKING:
    from .docbin import DocBin

__all__ = ["Doc", "DocBin", "MorphAnalysis", "Span", "SpanGroup", "Token"]

# DocBin and its format modules are only needed to save or load collections of docs.
__getattr__, __dir__ = lazy_exports(__name__, {"DocBin": "docbin"}, globals())
