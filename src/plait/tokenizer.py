"""The rule-based tokenizer: special cases, prefixes, suffixes, infixes and URLs, with a cache.

The text is cut into chunks at whitespace; a single space after a chunk becomes the
`whitespace_` of its last token, any other whitespace becomes tokens of its own. Each chunk
is tokenized once and its result (token hashes, and norms set by special cases) cached, so a
repeated chunk costs one dict look-up. A chunk is tokenized like this:

1. a special case (tokenizer exception) for the whole chunk wins;
2. otherwise prefixes and suffixes are peeled off, one of each per round, stopping when a
   special case or `token_match` matches what is left;
3. what is left becomes a special case, one token (`token_match`/`url_match`), or is split
   at its infixes;
4. special cases whose text the affix rules would split ("e.g." -> "e.g", ".") are finally
   merged back where their pieces appear in a row.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgpack

from .attrs import NORM, ORTH
from .errors import Errors, FormatError, InputTypeError, SerializationError
from .lang.punctuation import (
    TOKENIZER_INFIXES,
    TOKENIZER_PREFIXES,
    TOKENIZER_SUFFIXES,
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    infix_pattern,
    prefix_pattern,
    suffix_pattern,
)
from .lang.tokenizer_exceptions import validate_exception
from .registry import registry
from .tokens import Doc
from .vocab import Vocab

if TYPE_CHECKING:
    from .language import Language

__all__ = ["Tokenizer", "create_tokenizer"]

# (rule name, token text, norm or None), as produced for one chunk.
_Piece = tuple[str, str, "str | None"]
# A cached chunk: token hashes, whitespace flags (last one True), norm hashes or None.
_Entry = tuple[tuple[int, ...], tuple[bool, ...], "tuple[int, ...] | None"]

_RUNS = re.compile(r"\S+|\s+")
_SETTINGS = ("prefix_search", "suffix_search", "infix_finditer", "token_match", "url_match")
_METHODS = {"search", "match", "fullmatch", "finditer"}
_SPECIAL_NAMES = tuple(f"SPECIAL-{i + 1}" for i in range(16))
_PARTS = (*_SETTINGS, "exceptions", "faster_heuristics")


class Tokenizer:
    """Split text into a `Doc` by whitespace, special cases and punctuation rules.

    `rules` maps a string to its tokens (`{"don't": [{ORTH: "do"}, {ORTH: "n't", NORM:
    "not"}]}`). `prefix_search` and `suffix_search` are the `.search` of compiled regexes
    (see `plait.lang.punctuation`), `infix_finditer` a `.finditer`; `token_match` and
    `url_match` are predicates over a whole token (usually a compiled regex's `.match`).
    """

    def __init__(
        self,
        vocab: Vocab,
        rules: dict[str, list[dict]] | None = None,
        prefix_search: Callable | None = None,
        suffix_search: Callable | None = None,
        infix_finditer: Callable | None = None,
        token_match: Callable | None = None,
        url_match: Callable | None = None,
        faster_heuristics: bool = True,
    ) -> None:
        self.vocab = vocab
        self._prefix_search = _check_setting("prefix_search", prefix_search)
        self._suffix_search = _check_setting("suffix_search", suffix_search)
        self._infix_finditer = _check_setting("infix_finditer", infix_finditer)
        self._token_match = _check_setting("token_match", token_match)
        self._url_match = _check_setting("url_match", url_match)
        self._faster_heuristics = bool(faster_heuristics)
        self._rules: dict[str, list[dict]] = {}
        self._specials: dict[str, list[_Piece]] = {}
        self._cache: dict[str, _Entry] = {}
        self._rule_pieces: dict[str, tuple[str, ...]] = {}
        self._longest_rule = 0
        self._takes_norms = "norms" in inspect.signature(Doc._from_orths).parameters
        # set by `deferred`: makes the rules and settings on first use (see `_ensure_built`)
        self._build: Callable[[], dict[str, Any]] | None = None
        # settings whose regex is compiled on first use: name -> saved description
        self._pending: dict[str, dict] = {}
        # (pattern, method) of the deferred default regexes, known to be valid
        self._known: dict[str, tuple[str, str]] = {}
        if rules:
            self.rules = rules

    @classmethod
    def deferred(
        cls, vocab: Vocab, build: Callable[[], dict[str, Any]],
        known: dict[str, tuple[str, str]] | None = None,
    ) -> Tokenizer:
        """A tokenizer whose rules and settings `build()` returns on its first use.

        `build` returns the keyword arguments of `Tokenizer(vocab, ...)` (without `vocab`).
        A pipeline's default tokenizer is made this way: loading a saved pipeline replaces
        its rules and patterns, so validating and compiling the defaults would be wasted.
        Errors in the defaults are raised on first use, with the same codes. `known` maps
        settings to the (pattern, method) of the regexes `build` compiles: `from_bytes`
        compiles a saved regex equal to one of them on first use too.
        """
        tokenizer = cls(vocab)
        tokenizer._build = build
        tokenizer._known = dict(known or {})
        return tokenizer

    def _ensure_built(self) -> None:
        """Make the deferred rules and settings, and compile pending regexes (no-op once made)."""
        if self._pending:
            compiled = {name: _restore(name, desc) for name, desc in self._pending.items()}
            for name, func in compiled.items():
                setattr(self, "_" + name, func)
            self._pending = {}
        build = self._build
        if build is None:
            return
        settings = dict(build())
        for name in _SETTINGS:
            setattr(self, "_" + name, _check_setting(name, settings.pop(name, None)))
        rules = _validated_rules(settings.pop("rules", None))
        self._faster_heuristics = bool(settings.pop("faster_heuristics", True))
        if settings:
            raise InputTypeError(Errors.E107.format(
                name=", ".join(map(str, settings)), expected="a Tokenizer setting",
                type="unknown setting"))
        self._build = None
        self._rules = rules
        self._reload()

    # --- settings ------------------------------------------------------------------------

    @property
    def prefix_search(self) -> Callable | None:
        """Finds a prefix at the start of a string (a compiled regex's `.search`)."""
        self._ensure_built()
        return self._prefix_search

    @prefix_search.setter
    def prefix_search(self, value: Callable | None) -> None:
        self._ensure_built()
        self._prefix_search = _check_setting("prefix_search", value)
        self._reload()

    @property
    def suffix_search(self) -> Callable | None:
        """Finds a suffix at the end of a string (a compiled regex's `.search`)."""
        self._ensure_built()
        return self._suffix_search

    @suffix_search.setter
    def suffix_search(self, value: Callable | None) -> None:
        self._ensure_built()
        self._suffix_search = _check_setting("suffix_search", value)
        self._reload()

    @property
    def infix_finditer(self) -> Callable | None:
        """Finds the infixes inside a string (a compiled regex's `.finditer`)."""
        self._ensure_built()
        return self._infix_finditer

    @infix_finditer.setter
    def infix_finditer(self, value: Callable | None) -> None:
        self._ensure_built()
        self._infix_finditer = _check_setting("infix_finditer", value)
        self._reload()

    @property
    def token_match(self) -> Callable | None:
        """Matches strings that stay one token, checked before affixes are split."""
        self._ensure_built()
        return self._token_match

    @token_match.setter
    def token_match(self, value: Callable | None) -> None:
        self._ensure_built()
        self._token_match = _check_setting("token_match", value)
        self._reload()

    @property
    def url_match(self) -> Callable | None:
        """Matches URLs that stay one token, checked after affixes are split."""
        self._ensure_built()
        return self._url_match

    @url_match.setter
    def url_match(self, value: Callable | None) -> None:
        self._ensure_built()
        self._url_match = _check_setting("url_match", value)
        self._reload()

    @property
    def faster_heuristics(self) -> bool:
        """Only re-merge special cases the affix rules would split (True, the default)."""
        self._ensure_built()
        return self._faster_heuristics

    @faster_heuristics.setter
    def faster_heuristics(self, value: bool) -> None:
        self._ensure_built()
        self._faster_heuristics = bool(value)
        self._reload()

    @property
    def rules(self) -> dict[str, list[dict]]:
        """The special cases: string -> list of token dicts (a copy)."""
        self._ensure_built()
        return {k: [dict(t) for t in v] for k, v in self._rules.items()}

    @rules.setter
    def rules(self, rules: dict[str, list[dict]] | None) -> None:
        self._ensure_built()
        self._rules = _validated_rules(rules)
        self._reload()

    def add_special_case(self, string: str, substrings: Iterable[dict]) -> None:
        """Always tokenize `string` as `substrings` (token dicts with ORTH and optional NORM).

        Raises a coded `InputError`/`InputTypeError` (E100-E106) when the tokens do not spell
        `string` or set other attributes.
        """
        self._ensure_built()
        self._rules[string] = validate_exception(string, substrings)
        self._reload()

    def _reload(self) -> None:
        """Rebuild the special-case tables and empty the caches (rules or settings changed)."""
        self._cache = {}
        self._rule_pieces = {}
        names = _SPECIAL_NAMES
        self._specials = {
            string: [
                (names[i] if i < len(names) else f"SPECIAL-{i + 1}", t[ORTH], t.get(NORM))
                for i, t in enumerate(tokens)
            ]
            for string, tokens in self._rules.items()
        }
        self._longest_rule = max(map(len, self._rules), default=0)

    def _pieces_of_rule(self, string: str) -> tuple[str, ...]:
        """The texts the affix rules alone (no special cases) split `string` into, memoised."""
        found = self._rule_pieces.get(string)
        if found is None:
            found = tuple(p[1] for p in self._split_chunk(string, with_specials=False))
            self._rule_pieces[string] = found
        return found

    # --- tokenizing ----------------------------------------------------------------------

    def __call__(self, text: str) -> Doc:
        """Tokenize `text` into a `Doc` whose tokens spell it exactly."""
        if not isinstance(text, str):
            raise InputTypeError(Errors.E108.format(type=type(text).__name__))
        cache = self._cache
        orths: list[int] = []
        spaces: list[bool] = []
        norm_at: list[tuple[int, tuple[int, ...]]] = []
        if text.isprintable():
            # No whitespace but plain spaces: split once, one cache look-up per chunk.
            add_orths = orths.extend
            add_spaces = spaces.extend
            blanks = 0
            for chunk in text.split(" "):
                if chunk:
                    if blanks:
                        self._add_chunk(" " * blanks, orths, spaces, norm_at, False)
                        blanks = 0
                    entry = cache.get(chunk)
                    if entry is None:
                        entry = self._analyse(chunk)
                    if entry[2] is not None:
                        norm_at.append((len(orths), entry[2]))
                    add_orths(entry[0])
                    add_spaces(entry[1])
                else:
                    blanks += 1
            if text.endswith(" "):
                # The last split piece is "" and follows no separator of its own.
                if blanks > 1:
                    self._add_chunk(" " * (blanks - 1), orths, spaces, norm_at, False)
            elif spaces:
                spaces[-1] = False
        else:
            after_word = False
            for run in _RUNS.findall(text):
                if run[0].isspace():
                    if after_word and run[0] == " ":
                        spaces[-1] = True
                        run = run[1:]
                    if run:
                        self._add_chunk(run, orths, spaces, norm_at, False)
                    after_word = False
                else:
                    self._add_chunk(run, orths, spaces, norm_at, False)
                    after_word = True
        return self._make_doc(text, orths, spaces, norm_at)

    def _add_chunk(
        self,
        chunk: str,
        orths: list[int],
        spaces: list[bool],
        norm_at: list[tuple[int, tuple[int, ...]]],
        space_after: bool,
    ) -> None:
        entry = self._cache.get(chunk)
        if entry is None:
            entry = self._analyse(chunk)
        if entry[2] is not None:
            norm_at.append((len(orths), entry[2]))
        orths.extend(entry[0])
        spaces.extend(entry[1])
        spaces[-1] = space_after

    def _make_doc(
        self,
        text: str,
        orths: list[int],
        spaces: list[bool],
        norm_at: list[tuple[int, tuple[int, ...]]],
    ) -> Doc:
        if norm_at and self._takes_norms:
            norms = [0] * len(orths)
            for start, values in norm_at:
                norms[start : start + len(values)] = values
            return Doc._from_orths(self.vocab, orths, spaces, text=text, norms=norms)
        return Doc._from_orths(self.vocab, orths, spaces, text=text)

    def _analyse(self, chunk: str) -> _Entry:
        """Tokenize one chunk, cache and return its entry."""
        add = self.vocab.strings.add
        pieces = self._tokenize_chunk(chunk)
        orths = tuple(add(p[1]) for p in pieces)
        spaces = (False,) * (len(pieces) - 1) + (True,)
        norms = None
        if any(p[2] is not None for p in pieces):
            norms = tuple(add(p[2]) if p[2] is not None else 0 for p in pieces)
        entry = (orths, spaces, norms)
        self._cache[chunk] = entry
        return entry

    def _tokenize_chunk(self, chunk: str) -> list[_Piece]:
        pieces = self._split_chunk(chunk, with_specials=True)
        if self._rules and len(pieces) > 1:
            pieces = self._merge_specials(pieces)
        return pieces

    def _split_chunk(self, chunk: str, with_specials: bool) -> list[_Piece]:
        """Apply special cases, affixes, URL/token matches and infixes to one chunk."""
        if self._build is not None or self._pending:
            self._ensure_built()  # the cache is empty until then, so every chunk comes here
        specials = self._specials if with_specials else {}
        found = specials.get(chunk)
        if found is not None:
            return list(found)
        prefix_search = self._prefix_search
        suffix_search = self._suffix_search
        token_match = self._token_match
        prefixes: list[str] = []
        suffixes: list[str] = []
        string = chunk
        last_len = -1
        while string and len(string) != last_len:
            if token_match is not None and token_match(string):
                break
            if string in specials:
                break
            last_len = len(string)
            pre_len = 0
            if prefix_search is not None:
                m = prefix_search(string)
                if m is not None:
                    pre_len = m.end() - m.start()
            if pre_len:
                minus_pre = string[pre_len:]
                if minus_pre and minus_pre in specials:
                    prefixes.append(string[:pre_len])
                    string = minus_pre
                    break
            suf_len = 0
            if suffix_search is not None:
                m = suffix_search(string[pre_len:])
                if m is not None:
                    suf_len = m.end() - m.start()
            if suf_len:
                minus_suf = string[:-suf_len]
                if minus_suf and minus_suf in specials:
                    suffixes.append(string[-suf_len:])
                    string = minus_suf
                    break
            if pre_len and suf_len and pre_len + suf_len <= len(string):
                prefixes.append(string[:pre_len])
                suffixes.append(string[-suf_len:])
                string = string[pre_len:-suf_len]
            elif pre_len:
                prefixes.append(string[:pre_len])
                string = string[pre_len:]
            elif suf_len:
                suffixes.append(string[-suf_len:])
                string = string[:-suf_len]
            if string in specials:
                break
        pieces: list[_Piece] = [("PREFIX", p, None) for p in prefixes]
        if string:
            if string in specials:
                pieces.extend(specials[string])
            elif token_match is not None and token_match(string):
                pieces.append(("TOKEN_MATCH", string, None))
            elif self._url_match is not None and self._url_match(string):
                pieces.append(("URL_MATCH", string, None))
            else:
                self._split_infixes(string, pieces)
        pieces.extend(("SUFFIX", s, None) for s in reversed(suffixes))
        return pieces

    def _split_infixes(self, string: str, pieces: list[_Piece]) -> None:
        if self._infix_finditer is None:
            pieces.append(("TOKEN", string, None))
            return
        offset = 0
        for m in self._infix_finditer(string):
            start, end = m.start(), m.end()
            if start == 0:
                # An infix at the very start stays attached to what follows.
                continue
            if start != offset:
                pieces.append(("TOKEN", string[offset:start], None))
            if start != end:
                pieces.append(("INFIX", string[start:end], None))
            offset = end
        if offset < len(string):
            pieces.append(("TOKEN", string[offset:], None))

    def _merge_specials(self, pieces: list[_Piece]) -> list[_Piece]:
        """Merge runs of pieces that spell a special case back into its tokens.

        A run merges when its texts join into a special case that the affix rules alone
        split into exactly those texts (with `faster_heuristics`, runs of two or more pieces
        only); the longest such run starting at a piece wins. Special cases are split on
        demand, so building a tokenizer does not pay for analysing all of them.
        """
        rules = self._rules
        texts = [p[1] for p in pieces]
        min_run = 2 if self._faster_heuristics else 1
        out: list[_Piece] = []
        i = 0
        n = len(pieces)
        while i < n:
            ends = []  # ends of the runs long enough, and short enough to spell a special case
            length = 0
            for end in range(i + 1, n + 1):
                length += len(texts[end - 1])
                if length > self._longest_rule:
                    break
                if end - i >= min_run:
                    ends.append(end)
            for end in reversed(ends):
                run = tuple(texts[i:end])
                string = "".join(run)
                if string in rules and self._pieces_of_rule(string) == run:
                    out.extend(self._specials[string])
                    i = end
                    break
            else:
                out.append(pieces[i])
                i += 1
        return out

    def explain(self, text: str) -> list[tuple[str, str]]:
        """Return (rule, token text) for each token of `text`, in order.

        Rules are "TOKEN", "PREFIX", "SUFFIX", "INFIX", "SPECIAL-<n>", "TOKEN_MATCH" and
        "URL_MATCH". The token texts are exactly those of `tokenizer(text)`, whitespace
        tokens included.
        """
        if not isinstance(text, str):
            raise InputTypeError(Errors.E108.format(type=type(text).__name__))
        out: list[tuple[str, str]] = []
        after_word = False
        for run in _RUNS.findall(text):
            if run[0].isspace():
                if after_word and run[0] == " ":
                    run = run[1:]
                after_word = False
                if not run:
                    continue
            else:
                after_word = True
            out.extend((rule, token) for rule, token, _ in self._tokenize_chunk(run))
        return out

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize a stream of texts, yielding one `Doc` each."""
        for text in texts:
            yield self(text)

    # --- serialization -------------------------------------------------------------------

    def _parts(self) -> dict[str, Callable[[], bytes]]:
        self._ensure_built()
        parts: dict[str, Callable[[], bytes]] = {
            name: (lambda name=name: _pack(_describe(name, getattr(self, name))))
            for name in _SETTINGS
        }
        parts["exceptions"] = lambda: _pack(
            {s: [[t[ORTH], t.get(NORM)] for t in toks] for s, toks in self._rules.items()}
        )
        parts["faster_heuristics"] = lambda: _pack(self._faster_heuristics)
        return parts

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the rules and settings (regex patterns as strings; never pickle)."""
        from . import serialize

        exclude = serialize.check_exclude(exclude, self._parts(), extra=("vocab",))
        return serialize.to_bytes(self._parts(), exclude)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> Tokenizer:
        """Load rules and settings written by `to_bytes`; raises `FormatError` (E109/E110)."""
        from . import serialize

        exclude = serialize.check_exclude(exclude, _PARTS, extra=("vocab",))
        loaded: dict[str, Any] = {}
        setters = {name: (lambda b, name=name: loaded.__setitem__(name, _unpack(b))) for name in _PARTS}
        try:
            serialize.from_bytes(data, setters, exclude)
        except FormatError as e:
            raise FormatError(Errors.E109.format(reason=str(e))) from e
        known = self._known
        if all(name in loaded for name in _PARTS):
            # everything is replaced: the deferred defaults are never made
            self._build = None
            self._pending = {}
        else:
            self._ensure_built()
        for name in _SETTINGS:
            if name not in loaded:
                continue
            desc = loaded[name]
            if _is_known(desc, known.get(name)):
                # one of the language's own regexes: valid, compiled when first needed
                self._pending[name] = desc
                setattr(self, "_" + name, None)
            else:
                setattr(self, "_" + name, _restore(name, desc))
        if "faster_heuristics" in loaded:
            self._faster_heuristics = bool(loaded["faster_heuristics"])
        if "exceptions" in loaded:
            table = loaded["exceptions"]
            if not isinstance(table, dict):
                raise FormatError(Errors.E109.format(reason="exceptions are not a map"))
            rules = {}
            for string, toks in table.items():
                if type(toks) is not list or not all(type(t) is list and len(t) == 2 for t in toks):
                    raise FormatError(Errors.E109.format(reason=f"bad exception {string!r}"))
                rules[string] = [
                    {ORTH: o} if n is None else {ORTH: o, NORM: n} for o, n in toks
                ]
            self._rules = _validated_rules(rules)  # not the setter: pending regexes stay so
            self._reload()
        else:
            self._reload()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Write `to_bytes` output to the file `path`, atomically."""
        from .persist.atomic import atomic_write_bytes

        atomic_write_bytes(Path(path), self.to_bytes(exclude=exclude))

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> Tokenizer:
        """Load a file written by `to_disk`."""
        path = Path(path)
        try:
            data = path.read_bytes()
        except FileNotFoundError as e:
            raise FormatError(Errors.E008.format(path=path)) from e
        except OSError as e:
            raise FormatError(Errors.E109.format(reason=f"cannot read {path} ({e})")) from e
        return self.from_bytes(data, exclude=exclude)

    def __reduce__(self):
        return (_tokenizer_from_bytes, (self.vocab, self.to_bytes()))


def _tokenizer_from_bytes(vocab: Vocab, data: bytes) -> Tokenizer:
    return Tokenizer(vocab).from_bytes(data)


def _validated_rules(rules: Any) -> dict[str, list[dict]]:
    """Special cases checked and copied as `{ORTH: ..., NORM: ...}` dicts (see validate_exception).

    Tables already in that form (what `from_bytes` and the language data give) take a fast
    structural check; anything else goes through `validate_exception`, which converts
    attribute names and raises the coded errors (E100-E106).
    """
    validated = {}
    for string, substrings in (rules or {}).items():
        tokens = _canonical_copy(string, substrings)
        validated[string] = tokens if tokens is not None else validate_exception(string, substrings)
    return validated


def _canonical_copy(string: Any, substrings: Any) -> list[dict] | None:
    """A copy of `substrings` when they are already valid canonical token dicts, else None."""
    if type(string) is not str or type(substrings) is not list or not string:
        return None
    tokens = []
    for token in substrings:
        if type(token) is not dict:
            return None
        orth = token.get(ORTH)
        if type(orth) is not str or not orth:
            return None
        if len(token) == 1:
            tokens.append({ORTH: orth})
        else:
            norm = token.get(NORM)
            if len(token) != 2 or type(norm) is not str:
                return None
            tokens.append({ORTH: orth, NORM: norm})
    if "".join([t[ORTH] for t in tokens]) != string:
        return None
    return tokens


def _check_setting(name: str, value: Any) -> Callable | None:
    if value is not None and not callable(value):
        raise InputTypeError(
            Errors.E107.format(name=name, expected="a callable or None", type=type(value).__name__)
        )
    return value


def _describe(name: str, func: Callable | None) -> dict | None:
    """Describe a setting as {pattern, flags, method}; only bound regex methods can be saved."""
    if func is None:
        return None
    owner = getattr(func, "__self__", None)
    method = getattr(func, "__name__", "")
    if isinstance(owner, re.Pattern) and method in _METHODS:
        if not isinstance(owner.pattern, str):
            raise SerializationError(Errors.E111.format(name=name, func=repr(func)))
        return {"pattern": owner.pattern, "flags": int(owner.flags), "method": method}
    raise SerializationError(Errors.E111.format(name=name, func=repr(func)))


def _is_known(desc: Any, known: tuple[str, str] | None) -> bool:
    """True when a saved description is exactly a known default regex (plain flags)."""
    return (
        known is not None and isinstance(desc, dict) and len(desc) == 3
        and desc.get("pattern") == known[0] and desc.get("method") == known[1]
        and desc.get("flags") == int(re.UNICODE)
    )


def _restore(name: str, desc: Any) -> Callable | None:
    if desc is None:
        return None
    if (
        not isinstance(desc, dict)
        or not isinstance(desc.get("pattern"), str)
        or not isinstance(desc.get("flags"), int)
        or desc.get("method") not in _METHODS
    ):
        raise FormatError(Errors.E109.format(reason=f"bad description of {name}"))
    try:
        compiled = re.compile(desc["pattern"], desc["flags"])
    except (re.error, ValueError, TypeError) as e:
        raise FormatError(Errors.E110.format(name=name, pattern=desc["pattern"], reason=e)) from e
    return getattr(compiled, desc["method"])


def _pack(value: Any) -> bytes:
    return msgpack.packb(value, use_bin_type=True)


def _unpack(data: bytes) -> Any:
    try:
        return msgpack.unpackb(data, raw=False, strict_map_key=False)
    except Exception as e:  # msgpack raises several unrelated types
        raise FormatError(Errors.E109.format(reason=f"not valid msgpack ({e})")) from e


def tokenizer_from_defaults(nlp: Language) -> Tokenizer:
    """Build the tokenizer of a pipeline from its vocab and its language's `Defaults`."""
    defaults = nlp.Defaults
    prefixes = defaults.prefixes if defaults.prefixes is not None else TOKENIZER_PREFIXES
    suffixes = defaults.suffixes if defaults.suffixes is not None else TOKENIZER_SUFFIXES
    infixes = defaults.infixes if defaults.infixes is not None else TOKENIZER_INFIXES
    rules, token_match, url_match = (
        defaults.tokenizer_exceptions, defaults.token_match, defaults.url_match
    )
    # the patterns compile_*_regex make, so that loading can tell a saved default regex (a
    # saved one that differs is compiled, and so checked, at once)
    known = {
        "prefix_search": (prefix_pattern(prefixes), "search"),
        "suffix_search": (suffix_pattern(suffixes), "search"),
        "infix_finditer": (infix_pattern(infixes), "finditer"),
    }

    def build() -> dict[str, Any]:
        # validated and compiled on first use: a loaded pipeline replaces them all
        prefix = compile_prefix_regex(prefixes) if prefixes else None
        suffix = compile_suffix_regex(suffixes) if suffixes else None
        infix = compile_infix_regex(infixes) if infixes else None
        return {
            "rules": rules,
            "prefix_search": prefix.search if prefix else None,
            "suffix_search": suffix.search if suffix else None,
            "infix_finditer": infix.finditer if infix else None,
            "token_match": token_match,
            "url_match": url_match,
        }

    return Tokenizer.deferred(nlp.vocab, build, known)


@registry.tokenizers("plait.Tokenizer.v1")
def create_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registered as "plait.Tokenizer.v1": returns a function building the tokenizer of `nlp`."""
    return tokenizer_from_defaults
