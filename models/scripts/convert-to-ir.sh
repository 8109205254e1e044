#!/usr/bin/env bash
# Converts an installed ONNX model (e.g. yolox-nano) to OpenVINO IR with OpenVINO's own converter
# (`ovc`, from the pinned wheel in .footfall/venv), FP16-compressed by default. The IR keeps the
# model's input and output names and shapes, so the manifest's decoder applies unchanged:
#
#   models/scripts/convert-to-ir.sh yolox-nano            # -> .footfall/models/yolox-nano/ir/FP16/yolox_nano.xml
#   ./footfall detect --model yolox-nano --model-file .footfall/models/yolox-nano/ir/FP16/yolox_nano.xml --source sample
#
# Usage: convert-to-ir.sh MODEL [FP16|FP32]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
model=${1:?usage: convert-to-ir.sh MODEL [FP16|FP32]}
precision=${2:-FP16}
case "$precision" in
  FP16) compress=True ;;
  FP32) compress=False ;;
  *) echo "convert-to-ir: precision must be FP16 or FP32, got '$precision'" >&2; exit 2 ;;
esac
"$root/scripts/setup-python.sh"
models=${FOOTFALL_MODELS_DIR:-$root/.footfall/models}
shopt -s nullglob
onnx=("$models/$model"/*.onnx)
if [ ${#onnx[@]} -ne 1 ]; then
  echo "convert-to-ir: expected one .onnx file in $models/$model (run './footfall models fetch $model' first)" >&2
  exit 2
fi
out="$models/$model/ir/$precision"
mkdir -p "$out"
"$root/.footfall/venv/bin/ovc" "${onnx[0]}" --output_model "$out/" --compress_to_fp16 "$compress" >&2
xml="$out/$(basename "${onnx[0]}" .onnx).xml"
[ -f "$xml" ] || { echo "convert-to-ir: ovc wrote no $xml" >&2; exit 1; }
echo "$xml"
