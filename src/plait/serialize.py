"""Serialize an object by declaring its parts, once.

An object lists its parts as an ordered table `name -> writer` (for bytes: `() -> bytes`;
for disk: `Path -> None`) and `name -> reader`. These helpers turn the table into bytes (a
msgpack map of part name to bytes) or a directory (one file or folder per part), and apply
`exclude`, which names parts to skip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import msgpack

from .errors import Errors, FormatError, InputError
from .persist.atomic import atomic_write_bytes


def check_exclude(exclude: Iterable[str], parts: Iterable[str], extra: Iterable[str] = ()) -> set[str]:
    """Return `exclude` as a set; unknown names (not parts, not `extra`) are a coded error."""
    if isinstance(exclude, str):
        exclude = [exclude]
    exclude = set(exclude)
    known = set(parts) | set(extra)
    unknown = exclude - known
    if unknown and not extra:
        raise InputError(Errors.E007.format(names=sorted(unknown), parts=sorted(known)))
    return exclude


def to_bytes(getters: Mapping[str, Callable[[], bytes]], exclude: Iterable[str] = ()) -> bytes:
    """Serialize each part not in `exclude` into one msgpack map of name -> bytes."""
    exclude = set(exclude)
    return msgpack.packb(
        {name: get() for name, get in getters.items() if name not in exclude}, use_bin_type=True
    )


def from_bytes(
    data: bytes, setters: Mapping[str, Callable[[bytes], object]], exclude: Iterable[str] = ()
) -> dict:
    """Read `to_bytes` output and call each part's setter (parts missing in data are skipped)."""
    try:
        msg = msgpack.unpackb(data, raw=False)
    except Exception as e:
        raise FormatError(Errors.E006.format(path="<bytes>", reason=f"not valid msgpack ({e})")) from e
    if not isinstance(msg, dict):
        raise FormatError(Errors.E006.format(path="<bytes>", reason="expected a map of parts"))
    exclude = set(exclude)
    for name, setter in setters.items():
        if name in msg and name not in exclude:
            setter(msg[name])
    return msg


def to_disk(path: str | Path, writers: Mapping[str, Callable[[Path], None]], exclude: Iterable[str] = ()) -> Path:
    """Create directory `path` and call each part's writer with `path / name`."""
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    exclude = set(exclude)
    for name, write in writers.items():
        if name not in exclude:
            write(path / name)
    return path


def from_disk(path: str | Path, readers: Mapping[str, Callable[[Path], None]], exclude: Iterable[str] = ()) -> Path:
    """Call each part's reader with `path / name`, for parts present on disk."""
    path = Path(path)
    if not path.exists():
        raise FormatError(Errors.E008.format(path=path))
    exclude = set(exclude)
    for name, read in readers.items():
        if name not in exclude and (path / name).exists():
            read(path / name)
    return path


def write_bytes(path: Path, data: bytes) -> None:
    """Atomically write bytes (a writer for a single-file part)."""
    atomic_write_bytes(path, data)
