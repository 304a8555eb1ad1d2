#!/usr/bin/env bash
# Build the English training data from scratch: fetch the sources, convert the gold treebank,
# annotate the silver corpus and the e-mails. Run from anywhere; writes corpus/ at the repo root.
# Extra arguments go to annotate_silver.py (e.g. --max-words 2000000).
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p corpus/logs
python scripts/data/fetch_sources.py
python scripts/data/convert_gold.py
python scripts/data/annotate_silver.py "$@" 2>&1 | tee corpus/logs/annotate_silver.log
# the e-mails (web-like text for the ner), in their own files: ham (email-*), then spam (spam-*)
python scripts/data/annotate_email.py --source email 2>&1 | tee corpus/logs/annotate_email.log
python scripts/data/annotate_email.py --source spam 2>&1 | tee corpus/logs/annotate_spam.log
# the PERSON replacement table of the ner augmenter (first names + silver surnames)
python scripts/data/person_names.py
