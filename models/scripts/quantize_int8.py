"""Post-training INT8 quantization of an installed OpenVINO IR detector with NNCF.

usage: quantize_int8.py MODEL OUT_XML WIDTH HEIGHT RESIZE PAD CLIP [CLIP ...]

MODEL is an OpenVINO IR .xml or an .onnx file. Calibrates on frames of CLIPs (every 4th frame, at most 300),
preprocessed as the agent feeds the model (the manifest's input block): RESIZE STRETCH scales to WIDTHxHEIGHT,
LETTERBOX keeps the aspect ratio at the top left and fills the rest with PAD (YOLOX); BGR, NCHW float, no mean or
scale. The clips must not be the
evaluation footage (TUD-Campus, VIRAT, the one-by-one clip): activation ranges fitted to the test frames would flatter
the accuracy check. Writes OUT_XML and its .bin; prints the output path.
"""
import sys

import cv2
import nncf
import numpy as np
import openvino as ov


def fit(frame, width, height, resize, pad):
    if resize == "STRETCH":
        return cv2.resize(frame, (width, height), interpolation=cv2.INTER_LINEAR)
    scale = min(width / frame.shape[1], height / frame.shape[0])
    w, h = round(frame.shape[1] * scale), round(frame.shape[0] * scale)
    canvas = np.full((height, width, 3), pad, dtype=np.uint8)
    canvas[:h, :w] = cv2.resize(frame, (w, h), interpolation=cv2.INTER_LINEAR)
    return canvas


def frames(clips, width, height, resize, pad, every=4, limit=300):
    out = []
    for clip in clips:
        cap = cv2.VideoCapture(clip)
        i = 0
        while len(out) < limit:
            ok, frame = cap.read()
            if not ok:
                break
            if i % every == 0:
                resized = fit(frame, width, height, resize, pad)
                out.append(np.ascontiguousarray(resized.transpose(2, 0, 1)[np.newaxis].astype(np.float32)))
            i += 1
        cap.release()
    if not out:
        sys.exit("quantize_int8: no frames could be read from " + ", ".join(clips))
    return out


def main():
    if len(sys.argv) < 8 or sys.argv[5] not in ("STRETCH", "LETTERBOX"):
        sys.exit(__doc__)
    model_xml, out_xml, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    resize, pad = sys.argv[5], int(sys.argv[6])
    clips = sys.argv[7:]
    core = ov.Core()
    model = core.read_model(model_xml)
    calibration = frames(clips, width, height, resize, pad)
    print(f"quantize_int8: {len(calibration)} calibration frames from {len(clips)} clips", file=sys.stderr)
    quantized = nncf.quantize(model, nncf.Dataset(calibration), preset=nncf.QuantizationPreset.PERFORMANCE,
                              subset_size=len(calibration))
    ov.save_model(quantized, out_xml, compress_to_fp16=True)
    print(out_xml)


if __name__ == "__main__":
    main()
