#!/usr/bin/env bash
# One command for the accuracy table: every detector of bench/accuracy-matrix.txt on TUD-Campus, VIRAT and the
# one-by-one clip (footfall run --save-tracks, then footfall eval), written to docs/accuracy.md.
# Usage: bench/accuracy.sh [--matrix FILE] [--out FILE] [--work DIR] [--only tud,virat,one-by-one]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python="$root/.footfall/venv/bin/python"
[ -x "$python" ] || python=python3
exec "$python" "$root/bench/accuracy.py" --root "$root" "$@"
