"""plait.persist: safe, fast persistence of objects holding large arrays (no pickle).

`dump(value, path_or_file, compress=None)` and `load(path_or_file, mmap_mode=None)` work like
joblib's, but the file holds msgpack and raw array bytes only: loading never runs code from
it. See docs/persist.md for the supported values and docs/formats.md for the byte layout.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy_exports import lazy_exports

# Imported now: the submodule shares the name of its function, and a later first import
# of `plait.persist.inspect` would otherwise rebind `plait.persist.inspect` to the module.
from .inspect import describe, inspect

if TYPE_CHECKING:
    from .api import dump, load
    from .atomic import atomic_open, atomic_write_bytes
    from .compress import Compressor, register_compressor
    from .types import register, unregister

# Loaded on first use, so `from plait.persist.atomic import ...` (done by every saver at
# import) does not pay for the encoder, decoder and compressors.
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "dump": "api",
        "load": "api",
        "atomic_open": "atomic",
        "atomic_write_bytes": "atomic",
        "Compressor": "compress",
        "register_compressor": "compress",
        "register": "types",
        "unregister": "types",
    },
    globals(),
)

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
