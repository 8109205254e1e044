#!/usr/bin/env bash
# Regenerates the "Speed" section of docs/benchmarks.md: Footfall's whole pipeline against its peers, measured in
# one run on this machine, interleaved so both sides see the same load:
#   - the ceiling: OpenVINO's benchmark_app on the same model, hint and threads (bench/ceiling.sh);
#   - a Python reference pipeline as a Python user would write it (bench/python_reference.py);
#   - `footfall bench run` on 1 camera (clips off, annotated continuous video on), then 1..16 cameras (event clips);
#   - INT8 against FP16 when models/scripts/quantize-int8.sh has made the INT8 IR;
#   - OpenVINO against ONNX Runtime in Java on yolox-nano (`footfall bench detect`);
#   - the JMH benchmarks of the hot Java parts (bench/jmh.sh).
# Usage: bench/speed.sh [ROUNDS=2]   (about 15 min on 2 cores; SPEED_SKIP_JMH=1 leaves JMH out)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
rounds=${1:-2}
data=${FOOTFALL_SHARED_DATA:-$root/../shared/data}
vtest="$data/videos/vtest.avi"
onebyone="$data/videos/one-by-one-person-detection.mp4"
for f in "$vtest" "$onebyone"; do
  [ -f "$f" ] || { echo "speed: $f not found (set FOOTFALL_SHARED_DATA to the shared data folder)" >&2; exit 2; }
done
scripts/setup-python.sh
bench/setup-bench-venv.sh
./footfall models fetch person-detection-retail-0013 >&2
./footfall models fetch yolox-nano >&2
fp16="$root/.footfall/models/person-detection-retail-0013/FP16/person-detection-retail-0013.xml"
int8="$root/.footfall/models/person-detection-retail-0013/INT8/person-detection-retail-0013.xml"
# The INT8 IR is made here, not downloaded (NNCF, calibrated on the sample clips): make it when it is missing, or the
# INT8 rows would be "not measured".
[ -f "$int8" ] || models/scripts/quantize-int8.sh person-detection-retail-0013 "$data/videos" >&2
out="$root/bench/target/speed"
rm -rf "$out"
mkdir -p "$out"
py="$root/.footfall/bench-venv/bin/python"
export FOOTFALL_LOG_LEVEL=WARN

machine() {
  {
    echo "cpu=$(lscpu | sed -n 's/^Model name: *//p' | head -1)"
    echo "cores=$(nproc)"
    echo "memory=$(free -g | awk '/^Mem:/ {print $2}') GiB"
    echo "java=$(java -version 2>&1 | head -1)"
    echo "openvino=$("$py" -c 'import openvino; print(openvino.__version__)')"
    echo "date=$(date -u +%Y-%m-%dT%H:%MZ)"
  } > "$out/machine.txt"
}

# One Footfall run of one camera over a whole clip; its JSON goes to $out/footfall-<tag>.json.
footfall_one() { # tag source clips [detector options...]
  local tag=$1 source=$2 clips=$3
  shift 3
  ./footfall bench run --source "$source" --streams 1 --frames 0 --repeats 1 --warmup 300 --clips "$clips" \
      --json "$out/footfall-$tag.json" "$@" > /dev/null
}

python_one() { # tag video model [--clip]
  local tag=$1 video=$2 model=$3 clip=${4:-}
  local args=(--video "$video" --model "$model" --threads 2)
  [ -n "$clip" ] && args+=(--clip "$out/python-$tag.mp4")
  "$py" bench/python_reference.py "${args[@]}" >> "$out/python-$tag.jsonl" 2> /dev/null
}

machine
echo "speed: $(uptime)" >&2
for r in $(seq 1 "$rounds"); do
  echo "speed: round $r of $rounds" >&2
  bench/ceiling.sh "$fp16" 2 15 >> "$out/ceiling-FP16.jsonl"
  # The detection stage alone: vtest frames decoded beforehand, through the same queue and in-graph resize.
  ./footfall bench detect --model person-detection-retail-0013 --source "$vtest" --frames 400 --in-flight 4 \
      | tail -1 >> "$out/detect-queue.md"
  for clip in vtest:"$vtest" one-by-one:"$onebyone"; do
    name=${clip%%:*}
    file=${clip#*:}
    footfall_one "$name-off-r$r" "$file" off
    python_one "$name-off" "$file" "$fp16"
    footfall_one "$name-on-r$r" "$file" continuous
    python_one "$name-on" "$file" "$fp16" clip
  done
  if [ -f "$int8" ]; then
    bench/ceiling.sh "$int8" 2 15 >> "$out/ceiling-INT8.jsonl"
    footfall_one "vtest-int8-r$r" "$vtest" off --variant INT8
    python_one "vtest-int8" "$vtest" "$int8"
  fi
done
echo "speed: many cameras" >&2
./footfall bench run --source "$vtest" --streams 1,2,4,8,16 --frames 200 --repeats 2 --warmup 300 --clips events \
    --json "$out/streams.json" > /dev/null
./footfall bench run --source "$vtest" --streams 8 --frames 200 --repeats 2 --warmup 300 --clips off \
    --json "$out/streams-off.json" > /dev/null
echo "speed: yolox-nano, OpenVINO and ONNX Runtime" >&2
./footfall bench detect --model yolox-nano --frames 300 > "$out/yolox.md"
if [ "${SPEED_SKIP_JMH:-0}" != 1 ]; then
  echo "speed: JMH" >&2
  bench/jmh.sh > "$out/jmh.txt"
  cp bench-jmh/target/jmh.json "$out/jmh.json"
fi
echo "speed: $(uptime)" >&2
"$py" bench/speed_report.py "$out" docs/benchmarks.md
echo "speed: docs/benchmarks.md regenerated (section 'Speed: the whole pipeline against its peers')" >&2
