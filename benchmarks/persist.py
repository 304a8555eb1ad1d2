"""Benchmark plait.persist against joblib, pickle (protocol 5) and numpy.save, in one run.

    python benchmarks/persist.py                  # ~1 GB of float32 arrays + 100,000 small arrays
    python benchmarks/persist.py --size-mb 256 --small 20000 --repeat 2   # a quicker run

For each workload and setting it prints dump and load time, MB/s (of array bytes) and the file
size, for plait and each peer, and plait's speed ratio against each. Like is compared with
like: a durable plait dump (atomic, fsynced) against the peer's dump followed by an fsync; the
target file is removed (untimed) before every dump so no run pays for truncating the last one.
A memory copy of the same arrays is the physical limit. The best of `--repeat` runs is kept
(the compressed settings run once on the large workload: they take seconds per GB).
"""

from __future__ import annotations

import argparse
import gc
import io
import os
import pickle
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import zstandard

import plait.persist as pp


def fsync_path(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def best_of(fn: Callable[[], Any], repeat: int, before: Callable[[], None] | None = None) -> float:
    times = []
    for _ in range(repeat):
        if before is not None:
            before()
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
        del result
    return min(times)


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

SETTINGS = [("none", 0), ("zlib 3", ("zlib", 3)), ("lz4", ("lz4", 3)), ("zstd", ("zstd", 3))]


def run(name: str, value: dict, folder: Path, repeat: int, compressed_repeat: int) -> None:
    nbytes = sum(a.nbytes for a in value.values())
    mb = nbytes / 1e6
    keys = list(value)
    print(f"\n## {name}: {len(value):,} arrays, {mb:,.1f} MB of array data")
    print(f"{'setting':<8} {'tool':<22} {'dump s':>8} {'MB/s':>7} {'load s':>8} {'MB/s':>7} "
          f"{'file MB':>9} {'plait dump x':>12} {'plait load x':>12}")

    def remove(path: Path) -> Callable[[], None]:
        return lambda: path.unlink(missing_ok=True)

    def row(setting: str, tool: str, d: float | None, lo: float | None, size: float | None,
            ref: tuple[float, float] | None) -> None:
        ds = f"{d:8.3f} {mb / d:7.0f}" if d else f"{'-':>8} {'-':>7}"
        ls = f"{lo:8.3f} {mb / lo:7.0f}" if lo else f"{'-':>8} {'-':>7}"
        sz = f"{size / 1e6:9.1f}" if size is not None else f"{'-':>9}"
        rd = f"{d / ref[0]:12.2f}" if ref and d else f"{'':>12}"
        rl = f"{lo / ref[1]:12.2f}" if ref and lo else f"{'':>12}"
        print(f"{setting:<8} {tool:<22} {ds} {ls} {sz} {rd} {rl}")

    copy_t = best_of(lambda: {k: v.copy() for k, v in value.items()}, repeat)
    row("-", "memory copy (limit)", copy_t, copy_t, None, None)

    for setting, compress in SETTINGS:
        reps = repeat if compress == 0 else compressed_repeat
        p_path = folder / "value.plait"
        d = best_of(partial(pp.dump, value, p_path, compress=compress), reps, remove(p_path))
        lo = best_of(partial(pp.load, p_path), reps)
        check = pp.load(p_path)
        assert all(np.array_equal(check[k], value[k]) for k in keys[:3])
        del check
        ref = (d, lo)
        row(setting, "plait.persist", d, lo, p_path.stat().st_size, None)
        if compress == 0:
            nd = best_of(partial(pp.dump, value, p_path, durable=False), reps, remove(p_path))
            row(setting, "plait (durable=False)", nd, None, None, None)
            mm = best_of(partial(pp.load, p_path, mmap_mode="r"), max(reps, 5))
            row(setting, 'plait mmap_mode="r"', None, mm, None, None)
            print(f"{'':<8} {'':<22} (mmap load: {mm * 1e3:.2f} ms)")
        j_path = folder / "value.joblib"
        jc = 0 if compress == 0 else compress
        jd = best_of(partial(joblib_dump, value, j_path, jc), reps, remove(j_path))
        jl = best_of(partial(joblib.load, j_path), reps)
        row(setting, "joblib (+fsync)", jd, jl, j_path.stat().st_size, ref)
        print(f"{'':<8} {'':<22} plait vs joblib: dump {jd / d:.2f}x faster, "
              f"load {jl / lo:.2f}x faster, file {p_path.stat().st_size / j_path.stat().st_size:.3f}"
              f" of joblib's")
        j_path.unlink()
        if compress == 0:
            k_path = folder / "value.pkl"
            kd = best_of(partial(pickle_dump, value, k_path), reps, remove(k_path))
            kl = best_of(partial(pickle_load, k_path), reps)
            row(setting, "pickle 5 (+fsync)", kd, kl, k_path.stat().st_size, ref)
            k_path.unlink()
            n_path = folder / "value.npy"
            nd2 = best_of(partial(np_save, value, n_path), reps, remove(n_path))
            nl = best_of(partial(np_load, n_path, keys), reps)
            row(setting, "numpy.save (+fsync)", nd2, nl, n_path.stat().st_size, ref)
            n_path.unlink()
            print(f"{'':<8} {'':<22} plait vs memory copy: dump {d / copy_t:.2f}x "
                  f"(durable=False: {nd / copy_t:.2f}x), load {lo / copy_t:.2f}x the copy time")
        p_path.unlink()
    print("(ratios = peer time / plait time: above 1 means plait is faster)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size-mb", type=int, default=1024, help="size of the large workload")
    parser.add_argument("--small", type=int, default=100_000, help="number of small arrays")
    parser.add_argument("--repeat", type=int, default=3)
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
              f"{os.cpu_count()} cores, writing to {folder}")
        run(f"large ({args.size_mb} MB dict of float32 arrays)", large, folder, args.repeat, 1)
        run(f"small ({args.small:,} arrays of 10 float32)", small, folder, args.repeat, args.repeat)


if __name__ == "__main__":
    main()
