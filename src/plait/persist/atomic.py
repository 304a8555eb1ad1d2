"""Atomic, durable writes: write a temporary sibling, fsync, rename into place.

A crash at any point leaves either the old file whole or the new file whole, never a
half-written one.
"""

from __future__ import annotations

import io
import os
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

_umask: int | None = None


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
    """A write-only file that flushes to disk in the background while it is being written.

    Every `FLUSH_EVERY` bytes it starts an `fdatasync` in a thread (if none is running), so
    the disk writes early data while later data is still being copied; `sync()` then only
    waits for the rest. Data is durable only after `sync()`, as with a plain fsync.
    """

    FLUSH_EVERY = 64 << 20

    def __init__(self, fd: int) -> None:
        self._fd = fd
        self._unsynced = 0
        self._thread: threading.Thread | None = None

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._fd

    def write(self, data) -> int:  # type: ignore[override]
        n = os.write(self._fd, data)
        self._unsynced += n
        if self._unsynced >= self.FLUSH_EVERY and (
            self._thread is None or not self._thread.is_alive()
        ):
            self._unsynced = 0
            self._thread = threading.Thread(target=self._background_sync, daemon=True)
            self._thread.start()
        return n

    def _background_sync(self) -> None:
        try:
            os.fdatasync(self._fd)
        except (OSError, AttributeError):  # the final fsync reports real errors
            pass

    def wait(self) -> None:
        """Wait for a background flush to end."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None

    def sync(self) -> None:
        """Make everything written durable."""
        self.wait()
        os.fsync(self._fd)

    def close(self) -> None:
        if not self.closed:
            self.wait()
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
