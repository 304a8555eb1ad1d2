"""Containers: Doc, Token, Span, SpanGroup, MorphAnalysis."""

from .doc import Doc
from .docbin import DocBin
from .morphanalysis import MorphAnalysis
from .span import Span
from .span_group import SpanGroup
from .token import Token

__all__ = ["Doc", "DocBin", "MorphAnalysis", "Span", "SpanGroup", "Token"]
