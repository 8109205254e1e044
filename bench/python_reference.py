"""The Python peer of Footfall's pipeline, built the way a competent Python user would: one plain loop of
cv2.VideoCapture decode -> OpenVINO (same in-graph preprocessing as the Java agent) -> SSD decode ->
sv.ByteTrack -> sv.LineZone, optionally annotating and writing an mp4. No threads or async requests of our own,
so the numbers show what the straightforward Python build costs, not a tuned one.

Prints one JSON object per repeat on stdout; progress and warnings go to stderr.
Run with the bench venv: bench/setup-bench-venv.sh && .footfall/bench-venv/bin/python bench/python_reference.py ...
"""
import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

import cv2
import numpy as np
import openvino as ov
import supervision as sv
from openvino.preprocess import PrePostProcessor, ResizeAlgorithm

# From models/manifests/person-detection-retail-0013.json: the agent's own values, so both count the same boxes.
PERSON_LABEL = 1
SCORE_THRESHOLD = 0.5


def fail(message: str) -> None:
    print(f"python_reference: {message}", file=sys.stderr)
    sys.exit(2)


def compile_for_frames(core: ov.Core, xml: Path, width: int, height: int, threads: int) -> ov.CompiledModel:
    """The model changed to take the decoded frame as is (u8 BGR NHWC at the frame's size), as the agent's
    OvPreprocessing does. retail-0013 wants BGR 0-255 with no mean/scale, so there is no colour, mean or scale step."""
    model = core.read_model(xml)
    ppp = PrePostProcessor(model)
    ppp.input().tensor().set_element_type(ov.Type.u8).set_layout(ov.Layout("NHWC")).set_spatial_static_shape(
        height, width)
    # Resize while still u8, then float: the agent's order (less data through the resize).
    ppp.input().preprocess().resize(ResizeAlgorithm.RESIZE_LINEAR).convert_element_type(ov.Type.f32)
    ppp.input().model().set_layout(ov.Layout("NCHW"))
    model = ppp.build()
    out_shape = list(model.output(0).get_partial_shape().to_shape())
    if len(out_shape) != 4 or out_shape[-1] != 7:
        fail(f"{xml}: output shape {out_shape} is not an SSD [1,1,N,7] detection_out")
    return core.compile_model(model, "CPU", {"PERFORMANCE_HINT": "LATENCY", "INFERENCE_NUM_THREADS": str(threads)})


def decode_ssd(out: np.ndarray, width: int, height: int) -> sv.Detections:
    rows = out.reshape(-1, 7)
    # Rows after the first with image_id = -1 are padding, and their scores are not to be trusted.
    end = np.flatnonzero(rows[:, 0] < 0)
    if end.size:
        rows = rows[:end[0]]
    rows = rows[(rows[:, 1] == PERSON_LABEL) & (rows[:, 2] >= SCORE_THRESHOLD)]
    xyxy = np.clip(rows[:, 3:7], 0.0, 1.0) * np.array([width, height, width, height], dtype=np.float32)
    return sv.Detections(xyxy=xyxy.astype(np.float32), confidence=rows[:, 2].astype(np.float32),
                         class_id=np.zeros(len(rows), dtype=int))


def cpu_seconds() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def run_once(args, compiled: ov.CompiledModel, repeat: int) -> dict:
    cap = cv2.VideoCapture(str(args.video))
    if not cap.isOpened():
        fail(f"cannot open video {args.video}")
    width, height = int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT))
    fps_in = cap.get(cv2.CAP_PROP_FPS) or 30.0
    request = compiled.create_infer_request()
    tracker = sv.ByteTrack(frame_rate=fps_in)
    # Supervision's default anchors are the four box corners (the whole box must cross); Footfall tests one point
    # (bottom centre by default), which counts people who enter the frame already straddling the line.
    anchors = {} if args.anchor == "corners" else {"triggering_anchors": [sv.Position[args.anchor]]}
    line = sv.LineZone(start=sv.Point(width * args.line_x, 0), end=sv.Point(width * args.line_x, height), **anchors)

    writer = None
    if args.clip:
        writer = cv2.VideoWriter(str(args.clip), cv2.VideoWriter_fourcc(*"mp4v"), fps_in, (width, height))
        if not writer.isOpened():
            fail(f"cannot write clip {args.clip}")
        boxes, labels, line_annotator = sv.BoxAnnotator(), sv.LabelAnnotator(), sv.LineZoneAnnotator()

    read = 0
    t0 = cpu0 = None
    while args.frames == 0 or read < args.frames:
        if read == args.warmup:
            # The clock starts on the first frame after warm-up, before its decode, so decode is timed too.
            t0, cpu0 = time.perf_counter(), cpu_seconds()
        ok, frame = cap.read()
        if not ok:
            break
        read += 1
        request.infer({0: frame[np.newaxis]})
        detections = tracker.update_with_detections(decode_ssd(request.get_output_tensor(0).data, width, height))
        line.trigger(detections)
        if writer is not None:
            boxes.annotate(frame, detections)
            labels.annotate(frame, detections, labels=[f"#{t}" for t in detections.tracker_id])
            line_annotator.annotate(frame, line)
            writer.write(frame)
        if read % 100 == 0:
            print(f"python_reference: repeat {repeat} frame {read} in={line.in_count} out={line.out_count}",
                  file=sys.stderr)
    elapsed, cpu = (time.perf_counter() - t0, cpu_seconds() - cpu0) if t0 is not None else (0.0, 0.0)
    cap.release()
    if writer is not None:
        writer.release()
    timed = max(read - args.warmup, 0)
    if timed == 0:
        fail(f"{args.video}: only {read} frames, none left to time after {args.warmup} warm-up frames")
    return {
        "peer": "python-reference", "video": args.video.name, "model": args.model.stem, "precision": args.precision,
        "threads": args.threads, "clip": bool(args.clip), "frames": timed, "seconds": round(elapsed, 3),
        "fps": round(timed / elapsed, 2), "cpuSecondsPerFrame": round(cpu / timed, 5),
        # ru_maxrss is the process's high-water mark in KiB on Linux, so later repeats can only report more.
        "peakRssMb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "in": line.in_count, "out": line.out_count, "lineX": args.line_x, "anchor": args.anchor, "warmup": args.warmup, "repeat": repeat,
        "loadavg": [round(x, 2) for x in os.getloadavg()],
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--video", type=Path, required=True)
    p.add_argument("--model", type=Path, required=True, help="OpenVINO IR .xml of an SSD person detector")
    p.add_argument("--precision", help="label for the JSON; default: the model's folder name (FP16, FP32, INT8)")
    p.add_argument("--threads", type=int, default=2, help="INFERENCE_NUM_THREADS (default 2)")
    p.add_argument("--frames", type=int, default=0, help="frames to read including warm-up; 0 = the whole clip")
    p.add_argument("--warmup", type=int, default=20, help="untimed frames at the start (default 20)")
    p.add_argument("--clip", type=Path, help="write the annotated clip here (mp4v)")
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--line-x", type=float, default=0.5, help="vertical counting line at this fraction of the width")
    p.add_argument("--anchor", default="corners", choices=["corners", "BOTTOM_CENTER", "CENTER"],
                   help="what must cross the line: supervision's default four corners, or one point as Footfall does")
    args = p.parse_args()

    for what, path in (("video", args.video), ("model", args.model), ("model weights", args.model.with_suffix(".bin"))):
        if not path.is_file():
            fail(f"{what} not found: {path}")
    if args.precision is None:
        args.precision = args.model.parent.name if args.model.parent.name in ("FP16", "FP32", "INT8") else "unknown"

    cap = cv2.VideoCapture(str(args.video))
    if not cap.isOpened():
        fail(f"cannot open video {args.video}")
    width, height = int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT))
    cap.release()
    # Compiled once, outside the timing: start-up cost is not what the fps compares.
    compiled = compile_for_frames(ov.Core(), args.model, width, height, args.threads)
    for r in range(args.repeat):
        print(json.dumps(run_once(args, compiled, r)), flush=True)


if __name__ == "__main__":
    main()
