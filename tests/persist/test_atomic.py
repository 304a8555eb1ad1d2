"""Atomic writes: the file is replaced whole or not at all, with ordinary permissions."""

from __future__ import annotations

import os

import pytest

from plait.persist import atomic
from plait.persist.atomic import atomic_open, atomic_write_bytes


def test_atomic_write_bytes_replaces_the_file(tmp_path):
    path = tmp_path / "sub" / "f.bin"
    atomic_write_bytes(path, b"one")
    atomic_write_bytes(path, b"two", durable=False)
    assert path.read_bytes() == b"two"
    assert sorted(p.name for p in path.parent.iterdir()) == ["f.bin"]


def test_failure_inside_atomic_open_keeps_the_old_file(tmp_path):
    path = tmp_path / "f.bin"
    path.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_open(path) as f:
        f.write(b"partial")
        raise RuntimeError("crash")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.bin"]


def test_new_files_get_the_umask_mode_not_0600(tmp_path):
    path = tmp_path / "f.bin"
    atomic_write_bytes(path, b"x")
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask


def test_early_writeback_path_writes_everything(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic._DurableFile, "FLUSH_EVERY", 10)
    path = tmp_path / "f.bin"
    with atomic_open(path) as f:
        for i in range(50):
            f.write(bytes([i]) * 7)
    assert path.read_bytes() == b"".join(bytes([i]) * 7 for i in range(50))


def test_durable_writes_queue_each_written_range_for_writeback_once(tmp_path, monkeypatch):
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(atomic, "_start_writeback",
                        lambda: lambda fd, off, n: calls.append((off, n)))
    monkeypatch.setattr(atomic._DurableFile, "FLUSH_EVERY", 16)
    with atomic_open(tmp_path / "f.bin") as f:
        for _ in range(10):
            f.write(b"x" * 7)
    # Ranges are contiguous from 0, each at least FLUSH_EVERY long, ending at a write boundary.
    assert [off for off, _ in calls] == [sum(n for _, n in calls[:i]) for i in range(len(calls))]
    assert all(n >= 16 and (off + n) % 7 == 0 for off, n in calls)
    assert sum(n for _, n in calls) <= 70


def test_durable_writes_work_where_early_writeback_is_unavailable(tmp_path, monkeypatch):
    monkeypatch.setattr(atomic, "_start_writeback", lambda: None)
    monkeypatch.setattr(atomic._DurableFile, "FLUSH_EVERY", 4)
    path = tmp_path / "f.bin"
    atomic_write_bytes(path, b"abcdefghij" * 3)
    assert path.read_bytes() == b"abcdefghij" * 3


def test_non_durable_writes_never_queue_writeback(tmp_path, monkeypatch):
    calls: list[tuple[int, int]] = []
    monkeypatch.setattr(atomic, "_start_writeback",
                        lambda: lambda fd, off, n: calls.append((off, n)))
    monkeypatch.setattr(atomic._DurableFile, "FLUSH_EVERY", 1)
    atomic_write_bytes(tmp_path / "f.bin", b"x" * 100, durable=False)
    assert calls == []
