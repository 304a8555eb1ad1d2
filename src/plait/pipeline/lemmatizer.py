"""The `lemmatizer`: base forms from lookup tables ("lookup" mode) or suffix rules ("rule")."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from .. import serialize
from ..errors import ConfigError, Errors, LookupFailed, Warnings, warn
from ..language import Language
from ..lookups import Lookups, Table, load_lookups
from ..tokens import Doc, Token
from ..vocab import Vocab

# mode -> (required tables, optional tables)
LOOKUPS_CONFIG: dict[str, tuple[list[str], list[str]]] = {
    "lookup": (["lemma_lookup"], []),
    "rule": (["lemma_rules"], ["lemma_exc", "lemma_index"]),
}


def apply_suffix_rules(
    word: str, rules: Iterable[Iterable[str]], index: Iterable[str] | Mapping,
    exceptions: Iterable[str] = (),
) -> list[str]:
    """Candidate lemmas of a lowercased `word`, best first.

    Exception forms come first; then outputs of the (suffix, replacement) rules that are
    known base forms (`index`), then non-alphabetic outputs, then unknown outputs; the
    word itself when nothing applies.
    """
    known: list[str] = []
    other: list[str] = []
    unknown: list[str] = []
    for suffix, replacement in rules:
        if word.endswith(suffix):
            form = word[: len(word) - len(suffix)] + replacement
            if not form:
                continue
            if form in index:
                known.append(form)
            elif not form.isalpha():
                other.append(form)
            else:
                unknown.append(form)
    forms = list(exceptions) + known + other
    if not forms:
        forms = unknown or [word]
    return list(dict.fromkeys(forms))


class Lemmatizer:
    """Set `token.lemma_` from lookup tables (spaCy's `Lemmatizer`).

    `mode="lookup"` maps each word to its lemma with the `lemma_lookup` table; `mode="rule"`
    applies suffix rules per part of speech (`lemma_rules`, with exceptions `lemma_exc` and
    known base forms `lemma_index`), and needs POS tags. Tables come from `initialize()`,
    which reads the `plait_lookups` registry, or from `initialize(lookups=...)`. A subclass
    adds a mode by defining `<mode>_lemmatize(token) -> list[str]`.
    """

    def __init__(
        self,
        vocab: Vocab,
        model: Any = None,
        name: str = "lemmatizer",
        *,
        mode: str = "lookup",
        overwrite: bool = False,
        scorer: Callable | None = None,
    ) -> None:
        self.vocab = vocab
        self.model = model
        self.name = name
        self.mode = mode
        self.overwrite = overwrite
        self.scorer = scorer
        method = getattr(self, f"{mode}_lemmatize", None)
        if not isinstance(mode, str) or method is None:
            options = sorted(n[: -len("_lemmatize")] for n in dir(self) if n.endswith("_lemmatize"))
            raise ConfigError(Errors.E492.format(mode=mode, options=", ".join(options)))
        self.lemmatize: Callable[[Token], list[str]] = method
        self.lookups = Lookups()
        self.cache: dict[tuple, list[str]] = {}
        # POS -> (rules, exceptions, index), read from the tables on first use
        self._pos_tables: dict[str, tuple[list, dict, frozenset]] = {}
        self._warned_no_pos = False

    @classmethod
    def get_lookups_config(cls, mode: str) -> tuple[list[str], list[str]]:
        """The (required, optional) table names of a mode."""
        required, optional = LOOKUPS_CONFIG.get(mode, ([], []))
        return list(required), list(optional)

    def initialize(
        self,
        get_examples: Callable | None = None,
        *,
        nlp: Language | None = None,
        lookups: Lookups | None = None,
    ) -> None:
        """Load the mode's tables (from the plait_lookups registry unless `lookups` is given).

        Raises E494/E495 when the registry has no tables for the language, E493 when
        `lookups` lacks a required table.
        """
        required, optional = self.get_lookups_config(self.mode)
        if lookups is None:
            lang = self.vocab.lang
            lookups = load_lookups(lang, required)
            extra = load_lookups(lang, optional, strict=False)
            for table in extra.tables:
                lookups.set_table(table, extra.get_table(table))
        self._set_lookups(lookups)
        self._check_tables()

    def _check_tables(self) -> None:
        required, _ = self.get_lookups_config(self.mode)
        for table in required:
            if table not in self.lookups:
                raise LookupFailed(
                    Errors.E493.format(name=self.name, mode=self.mode, table=table)
                )

    def _ensure_tables(self) -> None:
        """Load the registry's tables on first use when `initialize` was not called."""
        required, _ = self.get_lookups_config(self.mode)
        if all(table in self.lookups for table in required):
            return
        if not len(self.lookups):
            try:
                self.initialize()
                return
            except LookupFailed as e:
                missing = next(t for t in required if t not in self.lookups)
                raise LookupFailed(
                    Errors.E493.format(name=self.name, mode=self.mode, table=missing)
                ) from e
        self._check_tables()

    # --- running -------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of each token (only tokens without one unless `overwrite`).

        Without `initialize()`, the first call loads the tables from the registry; E493
        when that fails.
        """
        self._ensure_tables()
        lemmatize = self.lemmatize
        overwrite = self.overwrite
        lemmas = doc.to_array("LEMMA")
        for token in doc:
            if overwrite or not lemmas[token.i]:
                token.lemma_ = lemmatize(token)[0]
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Process a stream of docs."""
        for doc in stream:
            yield self(doc)

    def lookup_lemmatize(self, token: Token) -> list[str]:
        """The lemma from `lemma_lookup`: the text's entry, else its lowercase's, else the text."""
        table: Table = self.lookups.get_table("lemma_lookup")
        text = token.text
        lemma = table.get(text)
        if lemma is None:
            lemma = table.get(text.lower(), text) if not text.islower() else text
        return [lemma]

    def is_base_form(self, token: Token) -> bool:
        """True when the token is already a base form (languages override this)."""
        return False

    def rule_lemmatize(self, token: Token) -> list[str]:
        """Candidate lemmas from the suffix rules of the token's POS, best first.

        A token without POS gets its lowercased text and warning W060 (once).
        """
        key = (token.orth, token.pos, token.morph.key)
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        text = token.text
        pos = token.pos_.lower()
        if pos in ("", "eol", "space"):
            if pos == "" and not self._warned_no_pos:
                self._warned_no_pos = True
                warn(Warnings.W060.format(text=text))
            return [text.lower()]
        if self.is_base_form(token):
            forms = [text.lower()]
        else:
            forms = self.rule_lemmatize_word(text, pos)
        self.cache[key] = forms
        return forms

    def rule_lemmatize_word(self, text: str, pos: str) -> list[str]:
        """Candidate lemmas of `text` with the universal POS `pos` (lowercase), best first."""
        tables = self._pos_tables.get(pos)
        if tables is None:
            tables = self._pos_tables[pos] = (
                self.lookups.get_table("lemma_rules", {}).get(pos) or [],
                self.lookups.get_table("lemma_exc", {}).get(pos) or {},
                frozenset(self.lookups.get_table("lemma_index", {}).get(pos) or ()),
            )
        rules, exceptions, index = tables
        if not (rules or exceptions or index):
            return [text] if pos == "propn" else [text.lower()]
        word = text.lower()
        return apply_suffix_rules(word, rules, index, exceptions.get(word, ()))

    # --- serialization -------------------------------------------------------------------

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the lookup tables."""
        return serialize.to_bytes({"lookups": self.lookups.to_bytes}, exclude)

    def from_bytes(self, bytes_data: bytes, *, exclude: Iterable[str] = ()) -> Lemmatizer:
        """Load lookup tables from `to_bytes` output."""
        serialize.from_bytes(bytes_data, {"lookups": self._set_lookups_bytes}, exclude)
        return self

    def _set_lookups(self, lookups: Lookups) -> None:
        self.lookups = lookups
        self.cache = {}
        self._pos_tables = {}

    def _set_lookups_bytes(self, data: bytes) -> None:
        self._set_lookups(Lookups().from_bytes(data))

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write the lookup tables to `path/lookups/lookups.bin`."""
        serialize.to_disk(path, {"lookups": lambda p: self.lookups.to_disk(p)}, exclude)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Lemmatizer:
        """Read lookup tables written by `to_disk`."""
        serialize.from_disk(path, {"lookups": self._set_lookups_disk}, exclude)
        return self

    def _set_lookups_disk(self, path: Path) -> None:
        self._set_lookups(Lookups().from_disk(path))


@Language.factory(
    "lemmatizer",
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "lookup", "overwrite": False},
    default_score_weights={"lemma_acc": 1.0},
)
def make_lemmatizer(
    nlp: Language, model: Any, name: str, mode: str, overwrite: bool
) -> Lemmatizer:
    """Create a `Lemmatizer` (factory "lemmatizer")."""
    return Lemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite)
