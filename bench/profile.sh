#!/usr/bin/env bash
# Where the camera's threads spend their time in `footfall run` (Java Flight Recorder, profile settings): the hottest
# methods of the Java threads, in Java and in native calls (JNA into OpenVINO, JavaCV into FFmpeg and OpenCV), by
# thread. OpenVINO's own inference threads are native and not sampled: their share is the process CPU the Java threads
# do not account for. Usage: bench/profile.sh [SOURCE=vtest.avi] [CLIPS=continuous]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
data=${FOOTFALL_SHARED_DATA:-$root/../shared/data}
source=${1:-$data/videos/vtest.avi}
clips=${2:-continuous}
out="$root/bench/target/profile"
rm -rf "$out"
mkdir -p "$out"
FOOTFALL_LOG_LEVEL=WARN FOOTFALL_JAVA_OPTS="-XX:StartFlightRecording=filename=$out/run.jfr,settings=profile" \
  ./footfall run --source "$source" --line 0.5,0,0.5,1 --clips "$clips" --data-dir "$out/data" > "$out/run.txt" 2>&1
jfr print --json --events jdk.ExecutionSample,jdk.NativeMethodSample "$out/run.jfr" > "$out/samples.json"
python3 - "$out/samples.json" <<'PY'
import collections, json, sys
events = json.load(open(sys.argv[1]))["recording"]["events"]
by_thread = collections.Counter()
top = collections.Counter()
for e in events:
    v = e["values"]
    thread = (v.get("sampledThread") or {}).get("javaName") or "?"
    thread = thread.rstrip("0123456789-")
    frames = (v.get("stackTrace") or {}).get("frames") or []
    if not frames:
        continue
    m = frames[0]["method"]
    name = m["type"]["name"].split(".")[-1] + "." + m["name"]
    kind = "native" if e["type"] == "jdk.NativeMethodSample" else "java"
    by_thread[thread] += 1
    top[(thread, kind, name)] += 1
total = sum(by_thread.values())
print(f"{total} samples of Java threads")
print("| thread | share of samples |\n|---|---:|")
for t, n in by_thread.most_common(8):
    print(f"| {t} | {100 * n / total:.1f} % |")
print("\n| thread | in | top frame | share of samples |\n|---|---|---|---:|")
for (t, k, name), n in top.most_common(20):
    print(f"| {t} | {k} | `{name}` | {100 * n / total:.1f} % |")
PY
