"""Language data defaults (`BaseDefaults`) and the vocab made from them (`create_vocab`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from . import attrs
from .vocab import Vocab


class BaseDefaults:
    """Language data a `Language` subclass overrides (punctuation rules, exceptions...).

    `config` may hold config sections that the language changes from plait's defaults
    (e.g. another `[nlp.tokenizer]`); they are merged into `Language.default_config`.
    """

    config: ClassVar[dict[str, Any]] = {}
    tokenizer_exceptions: ClassVar[dict[str, list[dict[int | str, str]]]] = {}
    prefixes: list[str] | None = None
    suffixes: list[str] | None = None
    infixes: list[str] | None = None
    token_match: Callable | None = None
    url_match: Callable | None = None
    syntax_iterators: ClassVar[dict[str, Callable]] = {}
    lex_attr_getters: ClassVar[dict[int, Callable[[str], Any]]] = {}
    stop_words: ClassVar[set[str]] = set()
    writing_system: ClassVar[dict[str, Any]] = {
        "direction": "ltr", "has_case": True, "has_letters": True
    }


def create_vocab(lang: str | None, defaults: type[BaseDefaults]) -> Vocab:
    """Make a `Vocab` with the lexical attribute getters of a language's defaults."""
    getters = dict(defaults.lex_attr_getters)
    stops = frozenset(defaults.stop_words)
    getters[attrs.IS_STOP] = lambda s: s.lower() in stops
    return Vocab(
        lex_attr_getters=getters,
        writing_system=defaults.writing_system,
        get_noun_chunks=defaults.syntax_iterators.get("noun_chunks"),
        lang=lang or "",
    )
