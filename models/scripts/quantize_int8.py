"""Post-training INT8 quantization of an installed OpenVINO IR detector with NNCF.

usage: quantize_int8.py MODEL_XML OUT_XML WIDTH HEIGHT CLIP [CLIP ...]

Calibrates on frames of CLIPs (every 4th frame, at most 300), preprocessed as the agent feeds the model: stretched to
the model's WIDTHxHEIGHT, BGR, NCHW float, no mean or scale (the manifest's input block). The clips must not be the
evaluation footage (TUD-Campus, VIRAT, the one-by-one clip): activation ranges fitted to the test frames would flatter
the accuracy check. Writes OUT_XML and its .bin; prints the output path.
"""
import sys

import cv2
import nncf
import numpy as np
import openvino as ov


def frames(clips, width, height, every=4, limit=300):
    out = []
    for clip in clips:
        cap = cv2.VideoCapture(clip)
        i = 0
        while len(out) < limit:
            ok, frame = cap.read()
            if not ok:
                break
            if i % every == 0:
                resized = cv2.resize(frame, (width, height), interpolation=cv2.INTER_LINEAR)
                out.append(np.ascontiguousarray(resized.transpose(2, 0, 1)[np.newaxis].astype(np.float32)))
            i += 1
        cap.release()
    if not out:
        sys.exit("quantize_int8: no frames could be read from " + ", ".join(clips))
    return out


def main():
    if len(sys.argv) < 6:
        sys.exit(__doc__)
    model_xml, out_xml, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    clips = sys.argv[5:]
    core = ov.Core()
    model = core.read_model(model_xml)
    calibration = frames(clips, width, height)
    print(f"quantize_int8: {len(calibration)} calibration frames from {len(clips)} clips", file=sys.stderr)
    quantized = nncf.quantize(model, nncf.Dataset(calibration), preset=nncf.QuantizationPreset.PERFORMANCE,
                              subset_size=len(calibration))
    ov.save_model(quantized, out_xml, compress_to_fp16=True)
    print(out_xml)


if __name__ == "__main__":
    main()
