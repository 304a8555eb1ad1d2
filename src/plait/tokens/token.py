"""Token: a view of one token of a Doc (the doc and an index; it owns nothing)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NoReturn

import numpy as np

from .. import attrs as A
from ..errors import Errors, InputError, InputTypeError, OutOfRange
from ..lexeme import F_FLAGS, F_LOWER, F_NORM, F_PREFIX, F_SHAPE, F_SUFFIX, Lexeme
from . import parse
from .arrays import IOB_STRINGS, UPOS, UPOS_SET
from .morphanalysis import MorphAnalysis, morph_key
from .similarity import cosine
from .underscore import HasExtensions, Underscore

if TYPE_CHECKING:
    from .doc import Doc
    from .span import Span


def _flag(attr_id: int) -> property:
    def get(self: Token) -> bool:
        return bool(self.doc.vocab._lex_record(self.orth)[F_FLAGS] >> attr_id & 1)

    return property(get, doc=f"Lexical flag {A.NAMES[attr_id]} of the token's word.")


def _lex_string(field: int) -> property:
    def get(self: Token) -> str:
        vocab = self.doc.vocab
        return vocab.strings[vocab._lex_record(self.orth)[field]]

    return property(get)


def _lex_hash(field: int) -> property:
    def get(self: Token) -> int:
        return self.doc.vocab._lex_record(self.orth)[field]

    return property(get)


def _string_column(name: str, doc: str) -> tuple[property, property]:
    def get_hash(self: Token) -> int:
        return self.doc._value(name, self.i)

    def set_hash(self: Token, value: int) -> None:
        self.doc._writable(name)[self.i] = int(value)

    def get_str(self: Token) -> str:
        key = self.doc._value(name, self.i)
        return self.doc.vocab.strings[key] if key else ""

    def set_str(self: Token, value: str) -> None:
        self.doc._writable(name)[self.i] = self.doc.vocab.strings.add(value) if value else 0

    return property(get_hash, set_hash, doc=doc), property(get_str, set_str, doc=doc)


class Token(HasExtensions):
    """One token of a Doc: its text, annotations and place in the parse.

    `doc[i]` creates it; it stores only the doc and the index, so every read goes to the
    doc's columns (and writes change the doc).
    """

    __slots__ = ("doc", "i")

    def __init__(self, doc: Doc, i: int) -> None:
        self.doc = doc
        self.i = i

    # --- text ------------------------------------------------------------------------------

    @property
    def orth(self) -> int:
        doc = self.doc
        words = doc._words
        if words is None or words[0] is not doc._orth:
            words = doc._token_words()
        return words[1][self.i]

    @property
    def text(self) -> str:
        doc = self.doc
        words = doc._words
        if words is None or words[0] is not doc._orth:  # the cache check, inlined
            words = doc._token_words()
        return words[2][self.i]

    orth_ = text

    @property
    def whitespace_(self) -> str:
        return " " if self.doc._spacy[self.i] else ""

    @property
    def text_with_ws(self) -> str:
        return self.text + self.whitespace_

    @property
    def idx(self) -> int:
        """Character offset of the token in the doc's text."""
        return int(self.doc._token_idx()[self.i])

    @property
    def lex(self) -> Lexeme:
        return Lexeme(self.doc.vocab, self.orth)

    @property
    def vocab(self) -> Any:
        return self.doc.vocab

    @property
    def lang(self) -> int:
        return self.doc.lang

    @property
    def lang_(self) -> str:
        return self.doc.lang_

    def __len__(self) -> int:
        return len(self.text)

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Token):
            return self.doc is other.doc and self.i == other.i
        return NotImplemented

    def __lt__(self, other: Token) -> bool:
        return self.i < other.i

    def __hash__(self) -> int:
        return hash((id(self.doc), self.i))

    def __reduce__(self) -> NoReturn:
        raise InputTypeError(Errors.E075.format(obj="Token"))

    @property
    def _(self) -> Underscore:
        """Extension attributes registered with `Token.set_extension`."""
        return Underscore(Token._extensions, self, self.doc, self.idx, None)

    # --- lexical attributes ----------------------------------------------------------------

    lower = _lex_hash(F_LOWER)
    lower_ = _lex_string(F_LOWER)
    shape = _lex_hash(F_SHAPE)
    shape_ = _lex_string(F_SHAPE)
    prefix = _lex_hash(F_PREFIX)
    prefix_ = _lex_string(F_PREFIX)
    suffix = _lex_hash(F_SUFFIX)
    suffix_ = _lex_string(F_SUFFIX)

    is_alpha = _flag(A.IS_ALPHA)
    is_ascii = _flag(A.IS_ASCII)
    is_digit = _flag(A.IS_DIGIT)
    is_lower = _flag(A.IS_LOWER)
    is_upper = _flag(A.IS_UPPER)
    is_title = _flag(A.IS_TITLE)
    is_punct = _flag(A.IS_PUNCT)
    is_space = _flag(A.IS_SPACE)
    is_stop = _flag(A.IS_STOP)
    is_bracket = _flag(A.IS_BRACKET)
    is_quote = _flag(A.IS_QUOTE)
    is_left_punct = _flag(A.IS_LEFT_PUNCT)
    is_right_punct = _flag(A.IS_RIGHT_PUNCT)
    is_currency = _flag(A.IS_CURRENCY)
    like_num = _flag(A.LIKE_NUM)
    like_url = _flag(A.LIKE_URL)
    like_email = _flag(A.LIKE_EMAIL)

    def check_flag(self, flag_id: int) -> bool:
        """The value of a lexical flag by ID (e.g. `attrs.IS_ALPHA`)."""
        return bool(self.doc.vocab._lex_record(self.orth)[F_FLAGS] >> flag_id & 1)

    @property
    def norm(self) -> int:
        """Norm hash: the token's own (if set) else the lexeme's."""
        own = self.doc._value("norm", self.i)
        return own if own else self.doc.vocab._lex_record(self.orth)[F_NORM]

    @norm.setter
    def norm(self, value: int) -> None:
        self.doc._writable("norm")[self.i] = int(value)

    @property
    def norm_(self) -> str:
        return self.doc.vocab.strings[self.norm]

    @norm_.setter
    def norm_(self, value: str) -> None:
        self.doc._writable("norm")[self.i] = self.doc.vocab.strings.add(value) if value else 0

    # --- token annotations -----------------------------------------------------------------

    lemma, lemma_ = _string_column("lemma", "Base form of the token.")
    tag, tag_ = _string_column("tag", "Fine-grained part-of-speech tag.")
    dep, dep_ = _string_column("dep", "Dependency label.")
    ent_type, ent_type_ = _string_column("ent_type", "Named entity type.")
    ent_kb_id, ent_kb_id_ = _string_column("ent_kb_id", "Knowledge-base ID of the entity.")
    ent_id, ent_id_ = _string_column("ent_id", "ID of the entity (e.g. from an entity ruler).")

    @property
    def pos(self) -> int:
        """Hash of the UD part-of-speech tag."""
        return self.doc._value("pos", self.i)

    @pos.setter
    def pos(self, value: int) -> None:
        value = int(value)
        if value and self.doc.vocab.strings.as_string(value) not in UPOS_SET:
            raise InputError(Errors.E057.format(value=value, options=", ".join(UPOS)))
        self.doc._writable("pos")[self.i] = value

    @property
    def pos_(self) -> str:
        key = self.doc._value("pos", self.i)
        return self.doc.vocab.strings[key] if key else ""

    @pos_.setter
    def pos_(self, value: str) -> None:
        if value not in UPOS_SET:
            raise InputError(Errors.E057.format(value=value, options=", ".join(UPOS)))
        self.doc._writable("pos")[self.i] = self.doc.vocab.strings.add(value) if value else 0

    @property
    def morph(self) -> MorphAnalysis:
        """Morphological features (a MorphAnalysis); set from a str, dict or MorphAnalysis."""
        return MorphAnalysis(self.doc.vocab, self.doc._value("morph", self.i))

    @morph.setter
    def morph(self, value: Any) -> None:
        self.set_morph(value)

    def set_morph(self, features: Any) -> None:
        """Set the morphological features from "Feat=Val|...", a dict, or a MorphAnalysis."""
        key = 0 if features is None else morph_key(self.doc.vocab, features)
        self.doc._writable("morph")[self.i] = key

    def has_morph(self) -> bool:
        """True when morphological features were set (possibly to none)."""
        return self.doc._value("morph", self.i) != 0

    @property
    def ent_iob(self) -> int:
        """IOB code: 0 missing, 1 inside, 2 outside, 3 begin."""
        return self.doc._value("ent_iob", self.i)

    @property
    def ent_iob_(self) -> str:
        return IOB_STRINGS[self.ent_iob]

    @staticmethod
    def iob_strings() -> tuple[str, ...]:
        return IOB_STRINGS

    # --- sentences -------------------------------------------------------------------------

    @property
    def is_sent_start(self) -> bool | None:
        """True/False when known, None when unknown (the first token is always a start)."""
        if self.i == 0:
            return True
        value = self.doc._value("sent_start", self.i)
        return None if value == 0 else value > 0

    @is_sent_start.setter
    def is_sent_start(self, value: bool | None) -> None:
        if value is None:
            code = 0
        elif value is True or value is False or value in (0, 1):
            code = 1 if value else -1
        else:
            raise InputError(Errors.E084.format(value=value))
        self.doc._writable("sent_start")[self.i] = code

    sent_start = is_sent_start

    @property
    def is_sent_end(self) -> bool | None:
        """True when the next token starts a sentence (or this is the last token)."""
        if self.i + 1 == len(self.doc):
            return True
        return self.doc[self.i + 1].is_sent_start

    @property
    def sent(self) -> Span:
        """The sentence this token is in."""
        return self.doc[self.i : self.i + 1].sent

    def nbor(self, i: int = 1) -> Token:
        """The token `i` positions away (E083 outside the doc)."""
        j = self.i + i
        if not 0 <= j < len(self.doc):
            raise OutOfRange(Errors.E083.format(offset=i, i=self.i, n=len(self.doc)))
        return Token(self.doc, j)

    # --- parse -----------------------------------------------------------------------------

    def _heads(self) -> np.ndarray:
        return parse.abs_heads(self.doc)

    @property
    def head(self) -> Token:
        """The syntactic head (the token itself for a root)."""
        return Token(self.doc, self.i + self.doc._value("head", self.i))

    @head.setter
    def head(self, new_head: Token) -> None:
        if not isinstance(new_head, Token) or new_head.doc is not self.doc:
            raise InputError(Errors.E085.format(i=self.i))
        self.doc._writable("head")[self.i] = new_head.i - self.i
        if parse.has_parse(self.doc):
            self.doc._cols["sent_start"] = parse.sent_starts_from_heads(self._heads())

    @property
    def children(self) -> Iterator[Token]:
        for j in parse.children_of(self._heads(), self.i).tolist():
            yield Token(self.doc, j)

    @property
    def lefts(self) -> Iterator[Token]:
        for j in parse.children_of(self._heads(), self.i).tolist():
            if j < self.i:
                yield Token(self.doc, j)

    @property
    def rights(self) -> Iterator[Token]:
        for j in parse.children_of(self._heads(), self.i).tolist():
            if j > self.i:
                yield Token(self.doc, j)

    @property
    def n_lefts(self) -> int:
        return int((parse.children_of(self._heads(), self.i) < self.i).sum())

    @property
    def n_rights(self) -> int:
        return int((parse.children_of(self._heads(), self.i) > self.i).sum())

    @property
    def subtree(self) -> Iterator[Token]:
        """This token and all its descendants, in document order."""
        for j in np.flatnonzero(parse.subtree_mask(self._heads(), self.i)).tolist():
            yield Token(self.doc, j)

    @property
    def left_edge(self) -> Token:
        return Token(self.doc, int(np.argmax(parse.subtree_mask(self._heads(), self.i))))

    @property
    def right_edge(self) -> Token:
        mask = parse.subtree_mask(self._heads(), self.i)
        return Token(self.doc, len(mask) - 1 - int(np.argmax(mask[::-1])))

    @property
    def ancestors(self) -> Iterator[Token]:
        """The heads above this token, nearest first."""
        for j in parse.ancestors_of(self._heads(), self.i):
            yield Token(self.doc, j)

    def is_ancestor(self, descendant: Token) -> bool:
        """True when this token is above `descendant` in the parse."""
        if descendant.doc is not self.doc:
            return False
        return self.i in parse.ancestors_of(self._heads(), descendant.i)

    @property
    def conjuncts(self) -> tuple[Token, ...]:
        """Tokens coordinated with this one (through "conj" relations), in order."""
        heads = self._heads()
        deps = self.doc._column("dep")
        conj = self.doc.vocab.strings.add("conj")
        first = self.i
        seen = {first}
        while deps[first] == conj and int(heads[first]) not in seen:
            first = int(heads[first])
            seen.add(first)
        found = set()
        queue = [first]
        while queue:
            cur = queue.pop()
            for j in parse.children_of(heads, cur).tolist():
                if deps[j] == conj and j not in found:
                    found.add(j)
                    queue.append(j)
        found.add(first)
        found.discard(self.i)
        return tuple(Token(self.doc, j) for j in sorted(found))

    # --- vectors ---------------------------------------------------------------------------

    @property
    def vector(self) -> np.ndarray:
        hooks = self.doc.user_token_hooks
        if "vector" in hooks:
            return hooks["vector"](self)
        return self.doc.vocab.get_vector(self.orth)

    @property
    def has_vector(self) -> bool:
        hooks = self.doc.user_token_hooks
        if "has_vector" in hooks:
            return bool(hooks["has_vector"](self))
        return self.doc.vocab.has_vector(self.orth)

    @property
    def vector_norm(self) -> float:
        hooks = self.doc.user_token_hooks
        if "vector_norm" in hooks:
            return float(hooks["vector_norm"](self))
        return float(np.linalg.norm(self.vector)) if self.has_vector else 0.0

    def similarity(self, other: Any) -> float:
        """Cosine similarity of the vectors (0.0 and warning W010 when a side has none)."""
        hooks = self.doc.user_token_hooks
        if "similarity" in hooks:
            return hooks["similarity"](self, other)
        return cosine(self, other)
