#!/usr/bin/env bash
# One command for the accuracy table: every detector of bench/accuracy-matrix.txt on TUD-Campus, VIRAT and the
# one-by-one clip (footfall run --save-tracks, then footfall eval), written to docs/accuracy.md.
# Usage: bench/accuracy.sh [--matrix FILE] [--out FILE] [--work DIR] [--only tud,virat,one-by-one]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# The variants made on this machine rather than downloaded, made first where the matrix names them and they are missing.
models=${FOOTFALL_MODELS_DIR:-$root/.footfall/models}
if grep -q -- "--model yolox-nano --variant IR-FP16" "$root/bench/accuracy-matrix.txt" && [ ! -f "$models/yolox-nano/ir/FP16/yolox_nano.xml" ]; then
  "$root/footfall" models fetch yolox-nano >&2
  "$root/models/scripts/convert-to-ir.sh" yolox-nano FP16 > /dev/null
fi
for m in person-detection-retail-0013 yolox-nano; do
  int8=$(ls "$models/$m/INT8/"*.xml 2>/dev/null | head -1 || true)
  if grep -q -- "--model $m.*--variant INT8" "$root/bench/accuracy-matrix.txt" && [ -z "$int8" ]; then
    "$root/footfall" models fetch "$m" >&2
    "$root/models/scripts/quantize-int8.sh" "$m" > /dev/null
  fi
done
python="$root/.footfall/venv/bin/python"
[ -x "$python" ] || python=python3
exec "$python" "$root/bench/accuracy.py" --root "$root" "$@"
