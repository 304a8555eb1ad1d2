"""plait.persist: safe, fast persistence of objects holding large arrays (no pickle).

`dump(value, path_or_file, compress=None)` and `load(path_or_file, mmap_mode=None)` work like
joblib's, but the file holds msgpack and raw array bytes only: loading never runs code from
it. See docs/persist.md for the supported values and docs/formats.md for the byte layout.
"""

from .api import dump, load
from .atomic import atomic_open, atomic_write_bytes
from .compress import Compressor, register_compressor
from .inspect import describe, inspect
from .types import register, unregister

__all__ = [
    "Compressor",
    "atomic_open",
    "atomic_write_bytes",
    "describe",
    "dump",
    "inspect",
    "load",
    "register",
    "register_compressor",
    "unregister",
]
