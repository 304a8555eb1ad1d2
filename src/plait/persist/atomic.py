"""Atomic, durable writes: write a temporary sibling, fsync, rename into place.

A crash at any point leaves either the old file whole or the new file whole, never a
half-written one.
"""

from __future__ import annotations

import functools
import io
import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

_umask: int | None = None
_SYNC_FILE_RANGE_WRITE = 2  # <linux/fs.h>: start writeback of the range, do not wait


@functools.cache
def _start_writeback() -> Callable[[int, int, int], None] | None:
    """Return `start(fd, offset, length)` that queues a file range for writeback, or None.

    Linux's `sync_file_range(..., SYNC_FILE_RANGE_WRITE)` (through ctypes: the os module
    lacks it) starts writing dirty pages without waiting and leaves them cached.
    `posix_fadvise(POSIX_FADV_DONTNEED)` would start the writeback too, but drops pages
    whose writeback ended already, so a load right after the dump reads them from disk.
    Resolved on first use so that importing plait does not load ctypes.
    """
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        call = ctypes.CDLL(None, use_errno=True).sync_file_range
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int, ctypes.c_int64, ctypes.c_int64, ctypes.c_uint]
    call.restype = ctypes.c_int

    def start(fd: int, offset: int, length: int) -> None:
        call(fd, offset, length, _SYNC_FILE_RANGE_WRITE)  # a hint: fsync reports real errors

    return start


def _file_mode() -> int:
    """The mode a plain `open(path, "wb")` would give a new file (0o666 minus the umask)."""
    global _umask
    if _umask is None:
        _umask = os.umask(0o022)
        os.umask(_umask)
    return 0o666 & ~_umask


def fsync_dir(path: Path) -> None:
    """Flush a directory's entries (a rename into it) to disk, where the platform can."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:  # not supported on this platform (e.g. Windows)
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class _DurableFile(io.RawIOBase):
    """A write-only file that starts writing its data to disk while it is still being written.

    Every `FLUSH_EVERY` bytes it asks the kernel to start writing back the range just
    written, without waiting (see `_start_writeback`), so the disk works while later data
    is still being copied and `sync()` only waits for the tail: for 1 GB the durable write
    took ~0.49 s against ~0.80 s with one fsync at the end and ~0.77 s with a background
    `fdatasync` thread (median of 16 interleaved runs). Where the call does not exist the
    data is flushed by `sync()` alone. Data is durable only after `sync()`.
    """

    FLUSH_EVERY = 16 << 20

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._pos = 0  # bytes written so far (the file is written sequentially from 0)
        self._flushed = 0  # end of the range already queued for writeback
        self._start = _start_writeback()

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def write(self, data) -> int:  # type: ignore[override]
        n = os.write(self._fd, data)
        self._pos += n
        if self._pos - self._flushed >= self.FLUSH_EVERY:
            if self._start is not None:
                self._start(self._fd, self._flushed, self._pos - self._flushed)
            self._flushed = self._pos
        return n

    def sync(self) -> None:
        """Make everything written durable."""
        os.fsync(self._fd)

    def close(self) -> None:
        if not self.closed:
            os.close(self._fd)
        super().close()


@contextmanager
def atomic_open(path: str | Path, durable: bool = True) -> Iterator[BinaryIO]:
    """Yield an unbuffered binary file that replaces `path` only when the block succeeds.

    The data goes to a temporary sibling; on success it is fsynced (unless `durable=False`)
    and renamed over `path`, then the directory is fsynced. On an exception the temporary
    file is removed and `path` is left as it was.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            os.fchmod(fd, _file_mode())
        except (AttributeError, OSError):  # no fchmod on Windows
            pass
        if durable:
            with _DurableFile(fd) as f:
                yield f  # type: ignore[misc]
                f.sync()
        else:
            with os.fdopen(fd, "wb", buffering=0) as f:
                yield f  # type: ignore[misc]
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    if durable:
        fsync_dir(path.parent)


def atomic_write_bytes(path: str | Path, data: bytes, durable: bool = True) -> None:
    """Write `data` to `path` atomically (and durably unless `durable=False`)."""
    with atomic_open(path, durable) as f:
        view = memoryview(data)
        while view:
            n = f.write(view)
            view = view[n:]
