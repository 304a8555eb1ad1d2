"""The issue's name for `benchmarks/parallel.py` (n_process 1/2, Dask 1/2 workers, spaCy)."""

from parallel import main

if __name__ == "__main__":
    main()
