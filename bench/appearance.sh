#!/usr/bin/env bash
# Appearance on and off, side by side in one run on this machine: footfall run on the one-by-one clip, vtest.avi,
# TUD-Campus and VIRAT (each pair interleaved, clips off), then footfall eval where there is ground truth.
# Prints a markdown table for docs/benchmarks.md. Usage: bench/appearance.sh [OUT_DIR] [CLIP...]
# (CLIP: one, vtest, tud, virat; all by default).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
data=${FOOTFALL_MIRROR_DIR:-$root/../shared/data}
out=${1:-$(mktemp -d)}
shift || true
only=" ${*:-one vtest tud virat} "
mkdir -p "$out"

config() { # name source line-json appearance(true|false)
  local tracker=""
  [ "$4" = true ] && tracker='"tracker": {"appearance": {}},'
  cat > "$out/$1-$4.json" <<JSON
{"device": "bench", "clips": {"mode": "off"}, $tracker
 "cameras": [{"id": "camera1", "source": "$2", "start": "2026-11-25T09:00:00Z", "lines": $3}]}
JSON
}

row() { # label clip gt appearance
  [[ "$only" == *" $1 "* ]] || return 0
  local name="$1-$4" log="$out/$1-$4.log"
  rm -rf "$out/$name"
  "$root/footfall" run --config "$out/$name.json" --data-dir "$out/$name" --save-tracks >"$log" 2>&1
  local done fps crops ms ids inout metrics="| | |"
  done=$(grep 'event=camera_done' "$log")
  fps=$(sed -E 's/.* fps=([0-9.]+).*/\1/' <<<"$done")
  crops=$(grep -q reidCrops <<<"$done" && sed -E 's/.*reidCrops=([0-9]+).*/\1/' <<<"$done" || echo 0)
  ms=$(grep -q reidMsPerCrop <<<"$done" && sed -E 's/.*reidMsPerCrop=([0-9.]+).*/\1/' <<<"$done" || echo -)
  ids=$(cut -d, -f2 "$out/$name/tracks/camera1.txt" | sort -u | wc -l)
  inout=$(grep -o 'line [a-z]* in=[0-9]* out=[0-9]*' "$log" | tail -1 | sed -E 's/line [a-z]* in=([0-9]*) out=([0-9]*)/\1 \/ \2/' || true)
  if [ -n "$3" ]; then
    metrics=$("$root/footfall" eval --gt "$3" --data-dir "$out/$name" 2>/dev/null | awk '$1=="camera1" && NF>=12 {printf "| %s | %s | %s", $2, $4, $9; exit}')
  fi
  echo "| $2 | $4 | ${inout:--} | $ids $metrics | $fps | $crops | $ms |"
}

mid='[{"name": "mid", "points": [[0.5, 0], [0.5, 1]]}]'
door='[{"name": "door", "points": [[0.8, 0], [0.8, 1]]}]'
echo "| clip | appearance | line in / out | track ids | MOTA | IDF1 | IDSW | frames/s | re-id crops | ms per crop |"
echo "|---|---|---|---:|---:|---:|---:|---:|---:|---:|"
for a in false true; do
  config one "$data/videos/one-by-one-person-detection.mp4" "$door" $a
  config vtest "$data/videos/vtest.avi" "$mid" $a
  config tud "$data/mot/TUD-Campus" "$mid" $a
  config virat "$data/virat/VIRAT_S_010003_07_000608_000636.avi" "[]" $a
done
for a in false true; do row one one-by-one "" $a; done
for a in false true; do row vtest vtest.avi "" $a; done
for a in false true; do row tud TUD-Campus "$data/mot/TUD-Campus/gt/gt.txt" $a; done
for a in false true; do row virat VIRAT "$data/virat/VIRAT_S_010003_07_000608_000636.viratdata.objects.txt" $a; done
