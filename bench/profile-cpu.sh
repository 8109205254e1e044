#!/usr/bin/env bash
# Where the whole process's CPU goes in `footfall bench run`, every thread included: Java Flight Recorder
# (bench/profile.sh) samples only Java threads, while most of a frame's CPU is spent in OpenVINO's own native workers.
# Linux perf samples the CPU clock of every thread of the measured run only (it attaches after the untimed warm-up),
# and this script sums its samples by thread group and by library, then splits the bench's "CPU ms per frame" the same
# way. Needs perf (Debian: apt-get install linux-perf).
# Usage: bench/profile-cpu.sh [STREAMS=8] [CLIPS=events] [SOURCE=vtest.avi] [FRAMES=200] [WARMUP=300]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
data=${FOOTFALL_SHARED_DATA:-$root/../shared/data}
streams=${1:-8}
clips=${2:-events}
source=${3:-$data/videos/vtest.avi}
frames=${4:-200}
warmup=${5:-300}
if ! command -v perf > /dev/null; then
  echo "profile-cpu: needs Linux perf (Debian: apt-get install linux-perf)" >&2
  exit 2
fi
out="$root/bench/target/profile-cpu"
rm -rf "$out"
mkdir -p "$out"
FOOTFALL_LOG_LEVEL=WARN ./footfall bench run --source "$source" --streams "$streams" --frames "$frames" --repeats 1 \
  --warmup "$warmup" --clips "$clips" > "$out/bench.txt" 2>&1 &
pid=$!
# The measured run starts after the warm-up camera, when the bench says which repeat it is on.
until grep -q "repeat 1 of 1" "$out/bench.txt" 2>/dev/null; do
  if ! kill -0 "$pid" 2> /dev/null; then
    echo "profile-cpu: the bench ended before its measured run; see $out/bench.txt" >&2
    tail -5 "$out/bench.txt" >&2
    exit 1
  fi
  sleep 0.2
done
perf record -q -e cpu-clock -F 499 -p "$pid" -o "$out/perf.data" 2> "$out/perf.txt" &
perf_pid=$!
# perf names threads it saw start; threads started while it attached show as ":TID". Their names from /proc, taken
# while the measured run goes on, fill those in.
sleep 3
for task in /proc/"$pid"/task/*; do
  printf '%s %s\n' "${task##*/}" "$(cat "$task/comm" 2> /dev/null || true)"
done > "$out/threads.txt"
wait "$pid"
wait "$perf_pid" || true
if [ ! -s "$out/perf.data" ]; then
  echo "profile-cpu: perf recorded nothing (see $out/perf.txt; kernel.perf_event_paranoid may forbid it)" >&2
  exit 1
fi
grep "bench run:  " "$out/bench.txt" | tail -1
perf report -i "$out/perf.data" --stdio --sort comm,dso --percent-limit 0 2> /dev/null > "$out/by-thread-and-library.txt"
python3 - "$out/by-thread-and-library.txt" "$out/bench.txt" "$out/threads.txt" <<'PY'
import collections, re, sys

names = {}
for text in open(sys.argv[3]):
    tid, _, comm = text.rstrip("\n").partition(" ")
    names[":" + tid] = comm

def thread_group(comm):
    # perf names a thread by its first 15 characters. OpenVINO's workers are native threads started from the JVM's
    # first thread, so they carry the process name.
    if comm == "java":
        return "OpenVINO workers"
    if comm.startswith("camera-"):
        return "camera threads"
    if comm.startswith("decode-"):
        return "decoders"
    if comm.startswith(("C1 Compiler", "C2 Compiler")):
        return "JIT compilers"
    if comm.startswith(("GC Thread", "G1 ")):
        return "garbage collector"
    return "other"

def library(dso):
    if dso.startswith("[JIT]"):
        return "generated code (Java JIT, oneDNN kernels)"
    if dso.startswith("libopenvino") or dso.startswith("libtbb"):
        return "OpenVINO"
    if dso.startswith("libavcodec"):
        return "FFmpeg codecs (H.264 encode, decode)"
    if dso.startswith("libopencv_imgcodecs"):
        return "OpenCV JPEG (clip history)"
    if dso.startswith("libopencv"):
        return "OpenCV imgproc/core (anonymise, draw, colour)"
    if dso.startswith("libswscale"):
        return "FFmpeg swscale"
    if dso == "[kernel.kallsyms]":
        return "kernel"
    if dso.startswith("libjvm"):
        return "JVM"
    if dso.startswith("libc.") or dso.startswith("libstdc++") or dso.startswith("libm."):
        return "C library"
    return "other"

shares = collections.Counter()
groups = collections.Counter()
line = re.compile(r"^\s*([0-9.]+)%\s+(.+?)\s{2,}(\S.*?)\s*$")
for text in open(sys.argv[1]):
    if text.startswith("#"):
        continue
    m = line.match(text)
    if not m:
        continue
    share, comm, dso = float(m.group(1)), m.group(2).strip(), m.group(3).strip()
    comm = names.get(comm, comm)
    g = thread_group(comm)
    shares[(g, library(dso))] += share
    groups[g] += share
cpu = None
for text in open(sys.argv[2]):
    m = re.search(r"([0-9.]+) ms CPU per frame", text)
    if m:
        cpu = float(m.group(1))
total = sum(groups.values()) or 1.0

def ms(share):
    return f"{cpu * share / total:.2f}" if cpu else "-"

print(f"\nCPU ms per frame (bench): {cpu if cpu else '-'}\n")
print("| thread group | share of CPU | ms per frame |\n|---|---:|---:|")
for g, s in groups.most_common():
    print(f"| {g} | {100 * s / total:.1f} % | {ms(s)} |")
print("\n| thread group | library | share of CPU | ms per frame |\n|---|---|---:|---:|")
for (g, lib), s in shares.most_common():
    if 100 * s / total >= 0.5:
        print(f"| {g} | {lib} | {100 * s / total:.1f} % | {ms(s)} |")
PY
