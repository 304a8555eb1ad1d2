"""Containers: Doc, Token, Span (and later DocBin)."""

from .doc import Doc

__all__ = ["Doc"]
