"""Multi-language: `MultiLanguage` ("xx"), the shared rules with no language-specific data."""

from __future__ import annotations

from ...language import BaseDefaults, Language
from ..tokenizer_exceptions import BASE_EXCEPTIONS, URL_MATCH


class MultiLanguageDefaults(BaseDefaults):
    """Language-neutral data: the base exceptions and punctuation rules, the URL matcher."""

    tokenizer_exceptions = BASE_EXCEPTIONS
    url_match = URL_MATCH


class MultiLanguage(Language):
    """A pipeline for any language or a mix of them: `plait.blank("xx")`."""

    lang = "xx"
    Defaults = MultiLanguageDefaults


__all__ = ["MultiLanguage"]
