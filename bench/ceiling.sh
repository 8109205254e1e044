#!/usr/bin/env bash
# The inference ceiling the pipelines are compared with: OpenVINO's own benchmark_app on the bare model (random
# inputs at the model's shape, no decode, preprocessing, tracking or counting), so the gap to it is the pipeline's cost.
# Usage: bench/ceiling.sh MODEL_XML [THREADS=2] [SECONDS=15]; CEILING_HINT=LATENCY for the latency hint.
# Prints one JSON line on stdout; benchmark_app's own log goes to stderr only when it fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.footfall/bench-venv"
model=${1:?usage: bench/ceiling.sh MODEL_XML [THREADS] [SECONDS]}
threads=${2:-2}
seconds=${3:-15}
hint=${CEILING_HINT:-THROUGHPUT}

[ -f "$model" ] || { echo "ceiling: model not found: $model" >&2; exit 2; }
[ -f "${model%.xml}.bin" ] || { echo "ceiling: model weights not found: ${model%.xml}.bin" >&2; exit 2; }
case "$hint" in THROUGHPUT|LATENCY) ;; *) echo "ceiling: CEILING_HINT must be THROUGHPUT or LATENCY, not $hint" >&2; exit 2;; esac
"$root/bench/setup-bench-venv.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# benchmark_app refuses -nthreads together with -hint, so the hint and the threads go in as device config with
# -hint none: the same two properties the agent sets on its compiled model.
printf '{"CPU": {"PERFORMANCE_HINT": "%s", "INFERENCE_NUM_THREADS": "%s"}}\n' "$hint" "$threads" > "$work/cfg.json"
if ! "$venv/bin/benchmark_app" -m "$model" -d CPU -hint none -load_config "$work/cfg.json" -t "$seconds" \
     -report_type no_counters -report_folder "$work" -json_stats > "$work/log.txt" 2>&1; then
  tail -30 "$work/log.txt" >&2
  echo "ceiling: benchmark_app failed on $model" >&2
  exit 1
fi
# The JSON report, not the text log: its keys are stable where the log's wording changes between releases.
"$venv/bin/python" - "$work/benchmark_report.json" "$model" "$hint" "$threads" <<'PY'
import json, os, sys
from pathlib import Path
report, model, hint, threads = sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])
r = json.load(open(report))
setup, res = r["configuration_setup"], r["execution_results"]
print(json.dumps({
    "peer": "benchmark_app", "model": model.stem,
    "precision": model.parent.name if model.parent.name in ("FP16", "FP32", "INT8") else "unknown",
    "hint": hint, "threads": threads, "requests": int(setup["number of parallel infer requests"]),
    "seconds": round(float(res["total execution time (ms)"]) / 1000, 2),
    "iterations": int(res["total number of iterations"]), "fps": float(res["throughput"]),
    "latencyMedianMs": float(res["latency (ms)"]), "latencyAvgMs": float(res["avg latency"]),
    "loadavg": [round(x, 2) for x in os.getloadavg()],
}))
PY
