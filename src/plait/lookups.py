"""Named lookup tables (string or hash -> value), as used by the lemmatizer.

`Table` is a dict keyed by 64-bit string hashes: `table["going"]` and
`table[get_string_id("going")]` are the same entry. `Lookups` holds named tables and saves
them as one msgpack map (no pickle). `load_lookups(lang, tables)` reads tables from the
`lookups` registry (entry-point group `plait_lookups`), where an entry for a language is a
dict of table name -> data (a dict) or path (a .json or .json.gz file), or a function
returning such a dict.
"""

from __future__ import annotations

import gzip
import importlib
import json
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import msgpack

from . import serialize
from .errors import (
    Errors,
    FormatError,
    InputError,
    InputTypeError,
    LookupFailed,
    SerializationError,
)
from .registry import registry
from .strings import get_string_id

_UNSET = object()

# Tables shipped inside plait, used when neither a registered function nor an installed
# package (entry-point group plait_lookups) provides the language: code -> module with TABLES
SHIPPED_TABLES = {"en": "plait.lang.en.lemma_data"}


def _key(key: object) -> int:
    if isinstance(key, str):
        return get_string_id(key)
    if isinstance(key, int) and not isinstance(key, bool):
        return key
    raise InputTypeError(Errors.E500.format(value=key, type=type(key).__name__))


class Table(dict):
    """A dict whose keys are string hashes; str keys are hashed on the way in."""

    def __init__(self, name: str | None = None, data: Mapping | None = None) -> None:
        super().__init__()
        self.name = name
        if data:
            self.update(data)

    @classmethod
    def from_dict(cls, data: Mapping, name: str | None = None) -> Table:
        """Build a table from a dict of str (or hash) keys."""
        return cls(name=name, data=data)

    def __setitem__(self, key: str | int, value: Any) -> None:
        super().__setitem__(_key(key), value)

    def set(self, key: str | int, value: Any) -> None:
        """Set `key` (a string or its hash) to `value`."""
        self[key] = value

    def update(self, data: Mapping | Iterable = (), **kwargs: Any) -> None:  # type: ignore[override]
        """Add entries from a mapping (str or hash keys)."""
        items = data.items() if isinstance(data, Mapping) else data
        for key, value in items:
            self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def __getitem__(self, key: str | int) -> Any:
        return super().__getitem__(_key(key))

    def get(self, key: str | int, default: Any = None) -> Any:  # type: ignore[override]
        """The value for `key`, or `default`."""
        return super().get(_key(key), default)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, (str, int)) or isinstance(key, bool):
            return False
        return super().__contains__(_key(key))

    def to_bytes(self) -> bytes:
        """Serialize the table as msgpack (name and hash -> value pairs); E509 for bad values."""
        try:
            return msgpack.packb(
                {"name": self.name, "dict": list(dict.items(self))}, use_bin_type=True
            )
        except (TypeError, ValueError, OverflowError) as e:
            raise SerializationError(Errors.E509.format(name=self.name, error=e)) from e

    def from_bytes(self, data: bytes) -> Table:
        """Replace the table's content with `to_bytes` output."""
        msg = _unpack(data)
        if not isinstance(msg, dict) or not isinstance(msg.get("dict"), list):
            raise FormatError(Errors.E501.format(reason="a table needs 'name' and 'dict'"))
        self.clear()
        self.name = msg.get("name")
        for pair in msg["dict"]:
            if not isinstance(pair, list) or len(pair) != 2 or not isinstance(pair[0], int):
                raise FormatError(Errors.E501.format(reason=f"bad table entry {pair!r}"))
            dict.__setitem__(self, pair[0], pair[1])
        return self


class Lookups:
    """A container of named `Table`s, serializable with msgpack."""

    def __init__(self) -> None:
        self._tables: dict[str, Table] = {}

    def __contains__(self, name: object) -> bool:
        return name in self._tables

    def __len__(self) -> int:
        return len(self._tables)

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    @property
    def tables(self) -> list[str]:
        """The names of the tables."""
        return list(self._tables)

    def add_table(self, name: str, data: Mapping | None = None) -> Table:
        """Add a new table `name` (from `data`); an existing name is a coded error (E497)."""
        if name in self._tables:
            raise InputError(Errors.E497.format(name=name))
        table = Table(name=name, data=data)
        self._tables[name] = table
        return table

    def set_table(self, name: str, table: Table) -> None:
        """Set the table `name`, replacing any existing one."""
        table.name = name
        self._tables[name] = table

    def get_table(self, name: str, default: Any = _UNSET) -> Table:
        """Return the table `name`; without `default`, a missing one is a coded error (E496)."""
        if name in self._tables:
            return self._tables[name]
        if default is not _UNSET:
            return default
        raise LookupFailed(Errors.E496.format(name=name, available=self.tables))

    def has_table(self, name: str) -> bool:
        """True when there is a table `name`."""
        return name in self._tables

    def remove_table(self, name: str) -> Table:
        """Remove and return the table `name` (E496 when absent)."""
        if name not in self._tables:
            raise LookupFailed(Errors.E496.format(name=name, available=self.tables))
        return self._tables.pop(name)

    def to_bytes(self, **kwargs: Any) -> bytes:
        """Serialize all tables as one msgpack map of name -> table bytes."""
        return msgpack.packb(
            {name: table.to_bytes() for name, table in self._tables.items()}, use_bin_type=True
        )

    def from_bytes(self, bytes_data: bytes, **kwargs: Any) -> Lookups:
        """Replace the tables with `to_bytes` output."""
        msg = _unpack(bytes_data)
        if not isinstance(msg, dict):
            raise FormatError(Errors.E501.format(reason="expected a map of table name -> bytes"))
        self._tables = {}
        for name, value in msg.items():
            if not isinstance(value, bytes):
                raise FormatError(Errors.E501.format(reason=f"table {name!r} is not bytes"))
            self._tables[name] = Table(name=name).from_bytes(value)
        return self

    def to_disk(self, path: str | Path, filename: str = "lookups.bin", **kwargs: Any) -> None:
        """Write the tables to `path / filename` (atomically); nothing is written when empty."""
        if not self._tables:
            return
        path = Path(path)
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise FormatError(Errors.E483.format(action="create", path=path, error=e)) from e
        serialize.write_bytes(path / filename, self.to_bytes())

    def from_disk(self, path: str | Path, filename: str = "lookups.bin", **kwargs: Any) -> Lookups:
        """Read tables written by `to_disk` (a missing file leaves the tables empty)."""
        file = Path(path) / filename
        if not file.exists():
            return self
        try:
            data = file.read_bytes()
        except OSError as e:
            raise FormatError(Errors.E483.format(action="read", path=file, error=e)) from e
        return self.from_bytes(data)


def _unpack(data: bytes) -> Any:
    try:
        return msgpack.unpackb(data, raw=False, strict_map_key=False)
    except Exception as e:
        raise FormatError(Errors.E501.format(reason=f"not valid msgpack ({e})")) from e


def load_lookups(lang: str, tables: Iterable[str], strict: bool = True) -> Lookups:
    """Load the named tables of a language from the `plait_lookups` registry.

    Raises E494 when the language has no entry, and E495 (with `strict=True`) when a table
    is missing; with `strict=False` missing tables are skipped.
    """
    lookups = Lookups()
    tables = list(tables)
    if not tables:
        return lookups
    entry = lookups_entry(lang)
    if callable(entry) and not isinstance(entry, Mapping):
        entry = entry()
    if not isinstance(entry, Mapping):
        raise InputTypeError(Errors.E499.format(lang=lang, type=type(entry).__name__))
    for table in tables:
        if table not in entry:
            if strict:
                raise LookupFailed(
                    Errors.E495.format(lang=lang, table=table, available=sorted(entry))
                )
            continue
        lookups.add_table(table, _read_table(lang, table, entry[table]))
    return lookups


def lookups_entry(lang: str) -> Any:
    """The tables entry of a language: registered, else an installed package's, else shipped."""
    if lang in registry.lookups:
        return registry.lookups.get(lang)
    if lang in SHIPPED_TABLES:
        return importlib.import_module(SHIPPED_TABLES[lang]).TABLES
    raise LookupFailed(Errors.E494.format(lang=lang))


def _read_table(lang: str, table: str, source: Any) -> Mapping:
    if isinstance(source, Mapping):
        return source
    if not isinstance(source, (str, Path)):
        raise FormatError(
            Errors.E498.format(table=table, lang=lang, source=source, reason="not a dict or path")
        )
    path = Path(source)
    try:
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        data = json.loads(raw.decode("utf8"))
    except (OSError, ValueError, EOFError) as e:
        raise FormatError(Errors.E498.format(table=table, lang=lang, source=str(path), reason=e)) from e
    if not isinstance(data, dict):
        raise FormatError(
            Errors.E498.format(table=table, lang=lang, source=str(path), reason="not a JSON object")
        )
    return data
