"""Command-line start-up: `plait --help` and `plait info` vs spaCy's, in new processes.

Run by hand: `python benchmarks/cli.py`. Prints the best and median wall time of each over
`--repeat` runs (after one warm-up run each) and plait's ratios.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

CASES = [("--help", ["--help"]), ("info", ["info"])]


def timed(args: list[str], repeat: int) -> tuple[float, float]:
    subprocess.run(args, capture_output=True, check=True)  # warm the file cache
    times = []
    for _ in range(repeat):
        began = time.perf_counter()
        subprocess.run(args, capture_output=True, check=True)
        times.append(time.perf_counter() - began)
    return min(times), statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    opts = parser.parse_args()
    print(f"{'command':<10} {'plait best':>11} {'plait med':>10} {'spaCy best':>11} "
          f"{'spaCy med':>10} {'ratio':>6}")
    for name, args in CASES:
        p_best, p_med = timed([sys.executable, "-m", "plait", *args], opts.repeat)
        s_best, s_med = timed([sys.executable, "-m", "spacy", *args], opts.repeat)
        print(f"{name:<10} {p_best:>10.3f}s {p_med:>9.3f}s {s_best:>10.3f}s {s_med:>9.3f}s "
              f"{s_best / p_best:>5.1f}x")


if __name__ == "__main__":
    main()
