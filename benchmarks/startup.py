"""Startup: `import plait` + `plait.blank("en")` against `import spacy` + `spacy.blank("en")`.

Each measurement runs in a fresh Python process (nothing cached in memory; the OS file cache
is warmed by a first, discarded run). Prints the best and the median of N runs, in ms, for
the import, the blank pipeline, and the whole process, and plait's speed-up over spaCy.

Both libraries run from cached bytecode, as installed packages do: the child processes write
and read `.pyc` files under a temporary `PYTHONPYCACHEPREFIX` (filled by the warm-up run),
even when the parent has `PYTHONDONTWRITEBYTECODE` set. Without that, an editable checkout
would recompile plait's sources in every process while spaCy's wheel ships its `.pyc` files.
`--source` keeps the inherited environment instead (plait compiled from source each time).

    python benchmarks/startup.py [--runs 9] [--source]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

PROBE = """
import json, time
t0 = time.perf_counter()
import {lib}
t1 = time.perf_counter()
nlp = {lib}.blank("en")
doc = nlp("Startup check.")
t2 = time.perf_counter()
print(json.dumps({{"import": t1 - t0, "blank": t2 - t1}}))
"""


def measure(lib: str, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run one fresh process; return import, blank and whole-process seconds."""
    start = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", PROBE.format(lib=lib)], capture_output=True, text=True, check=True,
        env=env,
    ).stdout
    total = time.perf_counter() - start
    result = json.loads(out.strip().splitlines()[-1])
    result["process"] = total
    return result


def run_all(n: int, env: dict[str, str] | None) -> dict[str, list[dict[str, float]]]:
    """Warm up once per library, then run `n` interleaved fresh processes of each."""
    libs = ["plait", "spacy"]
    for lib in libs:  # warm the OS file cache (and write the bytecode cache)
        measure(lib, env)
    runs: dict[str, list[dict[str, float]]] = {lib: [] for lib in libs}
    for _ in range(n):
        for lib in libs:  # interleave, so noise hits both alike
            runs[lib].append(measure(lib, env))
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--source", action="store_true",
                        help="inherit the environment (no bytecode cache if it disables one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="startup-pyc-") as cache:
        env = None
        if not args.source:
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            env["PYTHONPYCACHEPREFIX"] = cache
        runs = run_all(args.runs, env)
    libs = list(runs)
    mode = "inherited environment" if args.source else "cached bytecode"
    print(f"startup, {args.runs} fresh processes each, {mode} (ms; best / median)")
    print(f"{'measure':<24}{'plait':>18}{'spacy':>18}{'speed-up':>12}")
    for key, label in [("import", "import"), ("blank", 'blank("en") + 1 doc'),
                       ("total", "import + blank"), ("process", "whole process")]:
        stats = {}
        for lib in libs:
            values = [r["import"] + r["blank"] if key == "total" else r[key] for r in runs[lib]]
            stats[lib] = (min(values) * 1000, statistics.median(values) * 1000)
        ratio = stats["spacy"][1] / stats["plait"][1]
        cells = "".join(f"{b:>8.1f} / {m:>7.1f}" for b, m in (stats[lib] for lib in libs))
        print(f"{label:<24}{cells}{ratio:>11.1f}x")


if __name__ == "__main__":
    main()
