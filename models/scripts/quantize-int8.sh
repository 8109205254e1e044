#!/usr/bin/env bash
# Makes an INT8 IR of an installed OpenVINO IR detector by NNCF post-training quantization, calibrated on frames of
# clips that are not the evaluation footage (vtest.avi and the three Intel sample GIFs from ../shared/data/videos):
#
#   models/scripts/quantize-int8.sh person-detection-retail-0013   # -> .footfall/models/person-detection-retail-0013/INT8/...xml
#   models/scripts/quantize-int8.sh yolox-nano                     # -> .footfall/models/yolox-nano/INT8/yolox_nano.xml
#   ./footfall run --variant INT8 ...   (or --model yolox-nano --variant INT8)
#
# NNCF lives in .footfall/nncf-venv (scripts/requirements-quantize.txt), apart from the runtime. Its accuracy and speed
# against FP16 are in docs/benchmarks.md ("INT8"); the default stays FP16 unless the counts stay exact.
# Usage: quantize-int8.sh MODEL [VIDEOS_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
model=${1:?usage: quantize-int8.sh MODEL [VIDEOS_DIR]}
videos=${2:-${FOOTFALL_SHARED_DATA:-$root/../shared/data}/videos}
manifest="$root/models/manifests/$model.json"
[ -f "$manifest" ] || { echo "quantize-int8: no manifest $manifest" >&2; exit 2; }
models=${FOOTFALL_MODELS_DIR:-$root/.footfall/models}
# The official FP16 IR where the model has one, else its ONNX file (yolox-nano): NNCF quantizes either as read by OpenVINO.
src="$models/$model/FP16/$model.xml"
if [ ! -f "$src" ]; then
  shopt -s nullglob
  onnx=("$models/$model"/*.onnx)
  [ ${#onnx[@]} -eq 1 ] || { echo "quantize-int8: neither $src nor one .onnx file in $models/$model (run './footfall models fetch $model' first)" >&2; exit 2; }
  src=${onnx[0]}
fi
clips=()
for c in vtest.avi people-detection.gif store-aisle-detection.gif face-demographics-walking.gif; do
  [ -f "$videos/$c" ] && clips+=("$videos/$c")
done
[ ${#clips[@]} -gt 0 ] || { echo "quantize-int8: no calibration clips in $videos" >&2; exit 2; }
venv="$root/.footfall/nncf-venv"
. "$root/scripts/venv-lib.sh"
stamp=$(venv_stamp "$venv" "$root/scripts/requirements-quantize.txt")
if [ ! -f "$stamp" ]; then
  venv_install quantize-int8 "$venv" "$root/scripts/requirements-quantize.txt"
  touch "$stamp"
fi
# The model's own input size (NCHW) from the manifest: the calibration frames are fed as the model file takes them.
read -r height width resize pad < <(python3 -c "import json,sys; i=json.load(open(sys.argv[1]))['input']; s=i['shape']; print(s[2], s[3], i['resize'], i['padValue'])" "$manifest")
name=$(basename "$src"); name=${name%.xml}; name=${name%.onnx}
out="$models/$model/INT8/$name.xml"
mkdir -p "$(dirname "$out")"
"$venv/bin/python" "$root/models/scripts/quantize_int8.py" "$src" "$out" "$width" "$height" "$resize" "$pad" "${clips[@]}"
