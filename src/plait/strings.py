"""StringStore: strings as stable 64-bit hashes.

The hash of a string is the BLAKE2b digest of its UTF-8 bytes with an 8-byte digest size,
read as an unsigned little-endian 64-bit integer; the empty string hashes to 0. It is the
same on every machine, every Python version and every run (unlike `hash()`), so arrays of
hashes saved by one process are valid in any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import msgpack

from .errors import Errors, FormatError, InputTypeError, LookupFailed

try:  # where hashlib takes blake2b from; importing hashlib also loads OpenSSL (~3 ms)
    from _blake2 import blake2b
except ImportError:  # a Python without the built-in module
    from hashlib import blake2b


def get_string_id(text: str) -> int:
    """Return the stable 64-bit hash of `text` (0 for the empty string)."""
    if not text:
        return 0
    return int.from_bytes(blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


class StringStore:
    """A two-way map between strings and their 64-bit hashes.

    `store.add(text)` returns the hash; `store[hash]` returns the string; `store[text]`
    returns the hash (without adding). Iterating yields the strings in insertion order.
    """

    def __init__(self, strings: Iterable[str] | None = None) -> None:
        self._map: dict[int, str] = {0: ""}
        self._ids: dict[str, int] = {"": 0}
        if strings is not None:
            for s in strings:
                self.add(s)

    def add(self, text: str) -> int:
        """Add a string and return its hash."""
        key = self._ids.get(text)
        if key is not None:
            return key
        if not isinstance(text, str):
            raise InputTypeError(Errors.E001.format(type=type(text).__name__))
        key = get_string_id(text)
        self._ids[text] = key
        self._map[key] = text
        return key

    def add_many(self, texts: Iterable[str]) -> list[int]:
        """Add several strings; return their hashes in order."""
        add = self.add
        return [add(t) for t in texts]

    def __getitem__(self, key: str | int) -> str | int:
        if isinstance(key, str):
            found = self._ids.get(key)
            return found if found is not None else get_string_id(key)
        if isinstance(key, int) and not isinstance(key, bool):
            try:
                return self._map[key]
            except KeyError:
                raise LookupFailed(Errors.E002.format(key=key)) from None
        # numpy integers
        if hasattr(key, "__index__") and not isinstance(key, bool):
            return self[int(key)]
        raise InputTypeError(Errors.E001.format(type=type(key).__name__))

    def as_int(self, key: str | int) -> int:
        """Return the hash of a string, or the int itself."""
        return self[key] if isinstance(key, str) else int(key)  # type: ignore[return-value]

    def as_string(self, key: str | int) -> str:
        """Return the string of a hash, or the string itself."""
        return key if isinstance(key, str) else self[key]  # type: ignore[return-value]

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            return key in self._ids
        if isinstance(key, int):
            return key in self._map
        return False

    def __len__(self) -> int:
        return len(self._ids) - 1  # the empty string is implicit

    def __iter__(self) -> Iterator[str]:
        it = iter(self._ids)
        next(it)  # skip ""
        return it

    def __reduce__(self):
        return (StringStore, (list(self),))

    # --- serialization -----------------------------------------------------------------

    def to_bytes(self, exclude: Iterable[str] = ()) -> bytes:
        """Serialize the strings (in insertion order) as a msgpack list."""
        return msgpack.packb(list(self), use_bin_type=True)

    def from_bytes(self, data: bytes, exclude: Iterable[str] = ()) -> StringStore:
        """Load strings from `to_bytes` output, replacing the current ones."""
        try:
            strings = msgpack.unpackb(data, raw=False, strict_map_key=True)
        except Exception as e:  # msgpack raises several unrelated types
            raise FormatError(Errors.E005.format(reason=f"not valid msgpack ({e})")) from e
        if not isinstance(strings, list) or not all(isinstance(s, str) for s in strings):
            raise FormatError(Errors.E005.format(reason="expected a list of strings"))
        self._map = {0: ""}
        self._ids = {"": 0}
        for s in strings:
            self.add(s)
        return self

    def to_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> None:
        """Write the strings to a file, atomically."""
        from .persist.atomic import atomic_write_bytes

        atomic_write_bytes(Path(path), self.to_bytes())

    def from_disk(self, path: str | Path, exclude: Iterable[str] = ()) -> StringStore:
        """Load strings from a file written by `to_disk`."""
        path = Path(path)
        if not path.exists():
            raise FormatError(Errors.E008.format(path=path))
        return self.from_bytes(path.read_bytes())
