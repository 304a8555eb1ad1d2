"""Benchmark plait.persist against joblib, pickle (protocol 5) and numpy.save, in one run.

    python benchmarks/persist.py                       # ~1 GB of float32 arrays + 100,000 small
    python benchmarks/persist.py --size-mb 256 --small 20000 --no-compressed   # a quicker run
    python benchmarks/persist.py --large-plain-only    # the uncompressed ~1 GB case only

For each workload it prints dump and load times (best and median of `--rounds` rounds, after
`--warmup` untimed rounds), MB/s (of array bytes, from the median) and the file size, for plait
and each peer, then plait's ratios against each and a verdict per target of issue 3.

The machine is shared and noisy, so the cases run interleaved (one of each per round: a burst
of load from other jobs hits all of them alike) and every dump starts from a clean state: its
target file is removed and `os.sync()` is called, untimed, before it. Like is compared with
like: a durable plait dump (atomic, fsynced) against the peer's dump followed by an fsync.
Two physical limits are measured in the same run, on the same bytes:
- a memory copy, into fresh memory (it pays the page faults, as a load or a page-cache write
  does) and into pre-faulted memory (the copy alone);
- the raw disk: the bytes of one pre-faulted buffer written with one `os.write` and an fsync
  (as `dd conv=fsync` does), the same in 16 MB writes each queued for writeback at once
  (overlapping copy and disk, as plait does), and with no fsync (the page-cache limit of a
  `durable=False` dump).
Before every case the same amount of memory is touched and freed, untimed (see
`warm_memory`: this VM gives free memory back to its host, and the first touch of it costs
seconds per GB). Compressed settings run `--compressed-rounds` rounds on the large workload (seconds per GB).
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import pickle
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import zstandard

import plait.persist as pp
from plait.persist import api as pp_api
from plait.persist.atomic import _start_writeback  # the early-writeback call plait uses


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def warm_memory(nbytes: int) -> None:
    """Touch and free `nbytes` of memory, so the next allocation gets pages the VM holds.

    This machine is a VM whose balloon hands free memory back to the host: the first touch
    of such memory costs a host page fault, seconds per GB, which lands on whichever case
    allocates first after a pause (it made a 1 GB memory copy take 2.1 s instead of 0.2 s).
    """
    block = np.ones(nbytes, dtype=np.uint8)
    del block


class Case:
    """One timed operation; `path` (if any) is removed and the disk synced before each run."""

    def __init__(self, name: str, fn: Callable[[], Any], path: Path | None = None,
                 warm: int = 0) -> None:
        self.name = name
        self.fn = fn
        self.path = path
        self.warm = warm
        self.times: list[float] = []

    def run_once(self, keep: bool) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)
            os.sync()
        if self.warm:
            warm_memory(self.warm)
        gc.collect()
        start = time.perf_counter()
        result = self.fn()
        elapsed = time.perf_counter() - start
        del result
        if keep:
            self.times.append(elapsed)

    @property
    def best(self) -> float:
        return min(self.times)

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def interleave(cases: list[Case], rounds: int, warmup: int) -> None:
    """Run every case once per round, in order, for `warmup` untimed rounds then `rounds`."""
    for r in range(warmup + rounds):
        for case in cases:
            case.run_once(keep=r >= warmup)


# --- peers -----------------------------------------------------------------------------------


def _zstd_file(fileobj: Any, mode: str = "rb", compresslevel: int | None = None) -> Any:
    """A zstd file object for joblib, which has no zstd of its own (registered below)."""
    if isinstance(fileobj, (str, os.PathLike)):  # joblib passes a file name when writing
        fileobj = open(fileobj, "wb" if "w" in mode else "rb")  # noqa: SIM115 - closed by the stream
    if "w" in mode:
        return zstandard.ZstdCompressor(level=compresslevel or 3).stream_writer(fileobj)
    return io.BufferedReader(zstandard.ZstdDecompressor().stream_reader(fileobj))


class _ZstdFile:
    """joblib checks that its factory looks like a file class; this one builds zstd streams."""

    def __new__(cls, fileobj: Any, mode: str = "rb", compresslevel: int | None = None) -> Any:
        return _zstd_file(fileobj, mode, compresslevel)

    def read(self, n: int = -1) -> bytes:  # never called: __new__ returns a real stream
        raise NotImplementedError

    def write(self, data: bytes) -> int:
        raise NotImplementedError

    def seek(self, offset: int, whence: int = 0) -> int:
        raise NotImplementedError

    def tell(self) -> int:
        raise NotImplementedError


def register_joblib_zstd() -> None:
    from joblib.compressor import CompressorWrapper, register_compressor

    class ZstdWrapper(CompressorWrapper):
        def __init__(self) -> None:
            super().__init__(obj=_ZstdFile, prefix=b"\x28\xb5\x2f\xfd", extension=".zst")

        def compressor_file(self, fileobj: Any, compresslevel: int | None = None) -> Any:
            return _zstd_file(fileobj, "wb", compresslevel)

        def decompressor_file(self, fileobj: Any) -> Any:
            return _zstd_file(fileobj, "rb")

    register_compressor("zstd", ZstdWrapper(), force=True)


def raw_write(buf: np.ndarray, path: Path, durable: bool) -> None:
    """The disk limit: the same bytes from one pre-faulted buffer, in as few writes as possible."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(buf).cast("B")
        while view:
            view = view[os.write(fd, view):]
        if durable:
            os.fsync(fd)
    finally:
        os.close(fd)


def raw_write_overlapped(buf: np.ndarray, path: Path) -> None:
    """The same bytes in 16 MB writes, each queued for writeback at once, then an fsync.

    The tighter durable limit: the disk writes while later chunks are copied (what plait's
    durable dump does, through the same helper), so only the tail waits at the fsync.
    """
    start = _start_writeback()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        view = memoryview(buf).cast("B")
        pos = 0
        while pos < len(view):
            begin = pos
            part = view[pos : pos + (16 << 20)]
            while part:
                n = os.write(fd, part)
                part = part[n:]
                pos += n
            if start is not None:
                start(fd, begin, pos - begin)
        os.fsync(fd)
    finally:
        os.close(fd)


def plait_load_by_read(path: Path) -> Any:
    """plait's load with the copy-from-mapping path turned off (read() calls, as before)."""
    saved = pp_api.COPY_FROM_MAP_MIN
    pp_api.COPY_FROM_MAP_MIN = 0
    try:
        return pp.load(path)
    finally:
        pp_api.COPY_FROM_MAP_MIN = saved


def np_save(value: dict, path: Path) -> None:
    with open(path, "wb") as f:
        for arr in value.values():
            np.save(f, arr, allow_pickle=False)
    fsync_path(path)


def np_load(path: Path, keys: list[str]) -> dict:
    with open(path, "rb") as f:
        return {k: np.load(f, allow_pickle=False) for k in keys}


def pickle_dump(value: dict, path: Path) -> None:
    with open(path, "wb") as f:
        pickle.dump(value, f, protocol=5)
    fsync_path(path)


def pickle_load(path: Path) -> Any:
    with open(path, "rb") as f:
        return pickle.load(f)


def joblib_dump(value: dict, path: Path, compress: Any) -> None:
    joblib.dump(value, path, compress=compress)
    fsync_path(path)



# --- one workload ------------------------------------------------------------------------------

COMPRESSED = [("zlib 3", ("zlib", 3)), ("lz4", ("lz4", 3)), ("zstd 3", ("zstd", 3))]


class Table:
    """Prints rows of dump/load figures for one workload."""

    def __init__(self, mb: float) -> None:
        self.mb = mb
        print(f"{'setting':<7} {'tool':<27} {'dump best':>9} {'median':>7} {'MB/s':>6} "
              f"{'load best':>9} {'median':>7} {'MB/s':>6} {'file MB':>8}")

    def row(self, setting: str, tool: str, dump: Case | None, load: Case | None,
            path: Path | None = None) -> None:
        def cols(case: Case | None) -> str:
            if case is None:
                return f"{'-':>9} {'-':>7} {'-':>6}"
            return f"{case.best:9.3f} {case.median:7.3f} {self.mb / case.median:6.0f}"

        size = f"{path.stat().st_size / 1e6:8.1f}" if path is not None and path.exists() else ""
        print(f"{setting:<7} {tool:<27} {cols(dump)} {cols(load)} {size}")


def ratio_line(label: str, num: Case, den: Case) -> float:
    """Print num/den on median times (best times in brackets); return the median ratio."""
    med = num.median / den.median
    best = num.best / den.best
    print(f"  {label:<58} {med:6.2f}x  ({best:.2f}x on best times)")
    return med


def run_plain(name: str, value: dict, folder: Path, rounds: int, warmup: int) -> dict[str, Case]:
    """The uncompressed cases with their limits, interleaved; print the table and the ratios."""
    nbytes = sum(a.nbytes for a in value.values())
    mb = nbytes / 1e6
    keys = list(value)
    print(f"\n## {name}: {len(value):,} arrays, {mb:,.1f} MB of array data; "
          f"{rounds} rounds after {warmup} warm-up")
    flat = np.concatenate([a.reshape(-1).view(np.uint8) for a in value.values()])  # pre-faulted
    target = {k: np.empty_like(v) for k, v in value.items()}
    for arr in target.values():
        arr.fill(0)  # pre-fault

    def copy_into() -> None:
        for k, v in value.items():
            np.copyto(target[k], v)

    names = ("plait", "plaitnd", "raw", "rawov", "rawnd", "joblib", "pkl", "npy")
    p = {name: folder / f"value.{name}" for name in names}
    cases = [
        Case("copy fresh", lambda: {k: v.copy() for k, v in value.items()}),
        Case("copy prefaulted", copy_into),
        Case("raw durable", lambda: raw_write(flat, p["raw"], True), p["raw"]),
        Case("raw overlapped", lambda: raw_write_overlapped(flat, p["rawov"]), p["rawov"]),
        Case("raw page cache", lambda: raw_write(flat, p["rawnd"], False), p["rawnd"]),
        Case("plait dump", lambda: pp.dump(value, p["plait"]), p["plait"]),
        Case("plait dump nd", lambda: pp.dump(value, p["plaitnd"], durable=False), p["plaitnd"]),
        Case("joblib dump", lambda: joblib_dump(value, p["joblib"], 0), p["joblib"]),
        Case("pickle dump", lambda: pickle_dump(value, p["pkl"]), p["pkl"]),
        Case("numpy dump", lambda: np_save(value, p["npy"]), p["npy"]),
        Case("plait load", lambda: pp.load(p["plait"])),
        Case("plait load read", lambda: plait_load_by_read(p["plait"])),
        Case("plait mmap", lambda: pp.load(p["plait"], mmap_mode="r")),
        Case("joblib load", lambda: joblib.load(p["joblib"])),
        Case("pickle load", lambda: pickle_load(p["pkl"])),
        Case("numpy load", lambda: np_load(p["npy"], keys)),
    ]
    for case in cases:
        case.warm = max(nbytes, 64 << 20)
    interleave(cases, rounds, warmup)
    c = {case.name: case for case in cases}
    check = pp.load(p["plait"])
    assert all(np.array_equal(check[k], value[k]) for k in keys)
    del check
    for case in cases:
        case.fn = type(None)  # drop the closures: they hold the 2 extra copies of the data
    t = Table(mb)
    t.row("-", "memory copy, fresh memory", c["copy fresh"], c["copy fresh"])
    t.row("-", "memory copy, pre-faulted", c["copy prefaulted"], c["copy prefaulted"])
    t.row("-", "raw os.write + fsync", c["raw durable"], None, p["raw"])
    t.row("-", "raw 16 MB writes, overlapped", c["raw overlapped"], None, p["rawov"])
    t.row("-", "raw os.write (page cache)", c["raw page cache"], None, p["rawnd"])
    t.row("none", "plait.persist (durable)", c["plait dump"], c["plait load"], p["plait"])
    t.row("none", "plait (durable=False)", c["plait dump nd"], None, p["plaitnd"])
    t.row("none", "plait load via read()", None, c["plait load read"])
    t.row("none", 'plait mmap_mode="r"', None, c["plait mmap"])
    t.row("none", "joblib (+fsync)", c["joblib dump"], c["joblib load"], p["joblib"])
    t.row("none", "pickle 5 (+fsync)", c["pickle dump"], c["pickle load"], p["pkl"])
    t.row("none", "numpy.save (+fsync)", c["numpy dump"], c["numpy load"], p["npy"])
    for path in p.values():
        path.unlink(missing_ok=True)
    return c


def verdict(ok: bool, bound: float | None = None, why: str = "") -> str:
    if ok:
        return "met"
    if bound is not None:
        return f"physically bounded ({why})"
    return "NOT met"


def report_plain(c: dict[str, Case], large: bool) -> None:
    """Ratios (medians) and, for the large workload, a verdict per target of issue 3."""
    print("ratios (peer time / plait time: above 1 means plait is faster)")
    for peer in ("joblib", "pickle", "numpy"):
        dump = ratio_line(f"dump, durable: {peer} (+fsync) / plait", c[f"{peer} dump"],
                          c["plait dump"])
        load = ratio_line(f"load: {peer} / plait", c[f"{peer} load"], c["plait load"])
        if peer == "joblib" and large:
            disk = min(c["raw durable"].median, c["raw overlapped"].median)
            room = c["joblib dump"].median / disk
            print("    -> dump at least 1.5x joblib's: " + verdict(
                dump >= 1.5, 1.0 if room < 1.5 else None,
                f"joblib's dump is only {room:.2f}x the fastest raw durable write of the bytes"))
            bounded = c["joblib load"].median / c["copy fresh"].median < 1.5
            print("    -> load at least 1.5x joblib's: " + verdict(
                load >= 1.5, 1.0 if bounded else None,
                f"joblib's load is {c['joblib load'].median / c['copy fresh'].median:.2f}x a memory "
                "copy into fresh memory; 1.5x faster would mean loading faster than that copy"))
    print("against the physical limits (plait time / limit time: 1 is the limit)")
    fresh, pre = c["copy fresh"], c["copy prefaulted"]
    d_fresh = ratio_line("durable dump / memory copy (fresh)", c["plait dump"], fresh)
    nd = ratio_line("durable=False dump / memory copy (fresh)", c["plait dump nd"], fresh)
    ratio_line("durable=False dump / memory copy (pre-faulted)", c["plait dump nd"], pre)
    lo = ratio_line("load / memory copy (fresh)", c["plait load"], fresh)
    ratio_line("load via read() / load (the copy-from-mapping gain)", c["plait load read"],
               c["plait load"])
    mm = c["plait mmap"].median * 1e3
    print(f"  mmap_mode=\"r\" load: {mm:.2f} ms median ({c['plait mmap'].best * 1e3:.2f} ms best)")
    if not large:
        return
    print("  the disk and the page cache, on the same bytes from one pre-faulted buffer:")
    disk = ratio_line("raw os.write + fsync / memory copy (fresh)", c["raw durable"], fresh)
    over = ratio_line("raw overlapped writes + fsync / memory copy (fresh)", c["raw overlapped"],
                      fresh)
    ratio_line("durable dump / raw os.write + fsync", c["plait dump"], c["raw durable"])
    ratio_line("durable dump / raw overlapped writes + fsync", c["plait dump"], c["raw overlapped"])
    page = ratio_line("raw os.write, page cache / memory copy (fresh)", c["raw page cache"], fresh)
    ratio_line("durable=False dump / raw os.write (page-cache limit)", c["plait dump nd"],
               c["raw page cache"])
    floor = min(disk, over)
    print("    -> durable dump within 2x of a memory copy: " + verdict(
        d_fresh <= 2, 1.0 if floor > 2 else None, f"the disk alone takes {floor:.2f}x the copy"))
    print("    -> durable=False dump within 2x of a memory copy: " + verdict(
        nd <= 2, 1.0 if page > 2 else None, f"a raw page-cache write takes {page:.2f}x"))
    print(f"    -> load within 2x of a memory copy: {verdict(lo <= 2)}; "
          f"mmap load under 10 ms: {verdict(mm < 10)}")


def run_compressed(value: dict, folder: Path, rounds: int) -> None:
    """plait against joblib at each compressed setting: times and file sizes."""
    mb = sum(a.nbytes for a in value.values()) / 1e6
    keys = list(value)[:3]
    print(f"compressed settings ({rounds} round(s), interleaved plait/joblib):")
    t = Table(mb)
    pp_path, jl_path = folder / "value.plait", folder / "value.joblib"
    for setting, compress in COMPRESSED:
        pd = Case("plait dump", lambda c=compress: pp.dump(value, pp_path, compress=c), pp_path)
        jd = Case("joblib dump", lambda c=compress: joblib_dump(value, jl_path, c), jl_path)
        pl = Case("plait load", lambda: pp.load(pp_path))
        jl = Case("joblib load", lambda: joblib.load(jl_path))
        for case in (pd, jd, pl, jl):
            case.warm = max(int(mb * 1e6), 64 << 20)
        interleave([pd, jd, pl, jl], rounds, 0)
        check = pp.load(pp_path)
        assert all(np.array_equal(check[k], value[k]) for k in keys)
        del check
        t.row(setting, "plait.persist", pd, pl, pp_path)
        t.row(setting, "joblib (+fsync)", jd, jl, jl_path)
        size = pp_path.stat().st_size / jl_path.stat().st_size
        print(f"  {setting}: plait faster by dump {jd.median / pd.median:.2f}x, load "
              f"{jl.median / pl.median:.2f}x; file {size:.3f} of joblib's "
              f"(target <= 1: {verdict(size <= 1)})")
        pp_path.unlink()
        jl_path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=int, default=1024, help="size of the large workload")
    parser.add_argument("--small", type=int, default=100_000, help="number of small arrays")
    parser.add_argument("--rounds", type=int, default=7, help="timed rounds per case")
    parser.add_argument("--warmup", type=int, default=1, help="untimed rounds first")
    parser.add_argument("--compressed-rounds", type=int, default=1,
                        help="rounds of the compressed settings on the large workload")
    parser.add_argument("--no-compressed", action="store_true", help="skip compressed settings")
    parser.add_argument("--large-plain-only", action="store_true",
                        help="only the uncompressed cases of the large workload")
    parser.add_argument("--dir", type=Path, default=None, help="where to write (default: a temp dir)")
    args = parser.parse_args()
    register_joblib_zstd()
    rng = np.random.default_rng(0)
    n_large = 8
    per = args.size_mb * 2**20 // 4 // n_large
    # Weights-like data: normal floats, rounded a little so that compression has something to do.
    large = {f"layer{i}": np.round(rng.standard_normal(per, dtype=np.float32), 3)
             for i in range(n_large)}
    small = {f"a{i}": rng.standard_normal(10).astype(np.float32) for i in range(args.small)}
    with tempfile.TemporaryDirectory(dir=args.dir) as tmp:
        folder = Path(tmp)
        print(f"plait.persist benchmark: numpy {np.__version__}, joblib {joblib.__version__}, "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}, writing to {folder}")
        c = run_plain(f"large ({args.size_mb} MB dict of float32 arrays)", large, folder,
                      args.rounds, args.warmup)
        report_plain(c, large=True)
        if args.large_plain_only:
            print(f"load average at the end: {os.getloadavg()[0]:.1f}")
            return
        if not args.no_compressed:
            run_compressed(large, folder, args.compressed_rounds)
        c = run_plain(f"small ({args.small:,} arrays of 10 float32)", small, folder,
                      args.rounds, args.warmup)
        report_plain(c, large=False)
        if not args.no_compressed:
            run_compressed(small, folder, args.rounds)
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
