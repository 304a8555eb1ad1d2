"""Containers: Doc, Token, Span, SpanGroup, MorphAnalysis."""

from .doc import Doc
from .morphanalysis import MorphAnalysis
from .span import Span
from .span_group import SpanGroup
from .token import Token

__all__ = ["Doc", "MorphAnalysis", "Span", "SpanGroup", "Token"]
