"""Language: the pipeline object (`nlp`). MINIMAL BOOTSTRAP VERSION - the Language issue
(issue 4) replaces this with the full implementation (config, factories, pipeline management).
"""

from __future__ import annotations

import importlib
from typing import Any, Callable

from . import attrs
from .errors import Errors, LookupFailed
from .registry import registry
from .vocab import Vocab


class BaseDefaults:
    """Language data a `Language` subclass overrides (punctuation rules, exceptions...)."""

    tokenizer_exceptions: dict[str, list[dict[int | str, str]]] = {}
    prefixes: list[str] | None = None
    suffixes: list[str] | None = None
    infixes: list[str] | None = None
    token_match: Callable | None = None
    url_match: Callable | None = None
    syntax_iterators: dict[str, Callable] = {}
    lex_attr_getters: dict[int, Callable[[str], Any]] = {}
    stop_words: set[str] = set()
    writing_system: dict[str, Any] = {"direction": "ltr", "has_case": True, "has_letters": True}


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


class Language:
    """A text-processing pipeline: a tokenizer, then components in order."""

    lang: str | None = None
    Defaults: type[BaseDefaults] = BaseDefaults

    def __init__(
        self,
        vocab: Vocab | bool = True,
        *,
        max_length: int = 10**6,
        meta: dict | None = None,
        create_tokenizer: Callable[["Language"], Callable] | None = None,
        batch_size: int = 1000,
        **kwargs: Any,
    ) -> None:
        if vocab is True:
            vocab = create_vocab(self.lang, self.Defaults)
        self.vocab: Vocab = vocab  # type: ignore[assignment]
        self.max_length = max_length
        self.batch_size = batch_size
        self._meta = dict(meta or {})
        if create_tokenizer is None:
            create_tokenizer = registry.tokenizers.get("plait.Tokenizer.v1")()
        self.tokenizer = create_tokenizer(self)
        self._components: list[tuple[str, Callable]] = []

    def make_doc(self, text: str):
        """Tokenize `text` into a Doc (no components run)."""
        return self.tokenizer(text)

    def __call__(self, text: str):
        doc = self.make_doc(text)
        for _name, proc in self._components:
            doc = proc(doc)
        return doc


def get_lang_class(lang: str) -> type[Language]:
    """Return the Language subclass for a code, from the registry or `plait.lang.<code>`."""
    if lang in registry.languages:
        return registry.languages.get(lang)
    try:
        module = importlib.import_module(f".lang.{lang}", "plait")
    except ImportError as e:
        raise LookupFailed(f"Unknown language {lang!r}.") from e  # issue 4 gives this a code
    return getattr(module, module.__all__[0])


def blank(name: str, **kwargs: Any) -> Language:
    """Create a blank pipeline of a language: `plait.blank("en")`."""
    return get_lang_class(name)(**kwargs)
