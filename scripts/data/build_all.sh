#!/usr/bin/env bash
# Build the English training data from scratch: fetch the sources, convert the gold treebank,
# annotate the silver corpus. Run from anywhere; writes corpus/ at the repo root.
# Extra arguments go to annotate_silver.py (e.g. --max-words 2000000).
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p corpus/logs
python scripts/data/fetch_sources.py
python scripts/data/convert_gold.py
python scripts/data/annotate_silver.py "$@" 2>&1 | tee corpus/logs/annotate_silver.log
