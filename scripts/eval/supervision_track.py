#!/usr/bin/env python3
"""Tracks `footfall detect` output with supervision's ByteTrack and writes MOTChallenge results, so
Footfall's tracker can be compared with it on the very same detections (`footfall eval --tracks`).

Usage: supervision_track.py DETS.jsonl OUT_MOT.txt [--fps N] [--impl supervision|trackers]
                             [--track-activation-threshold T] [--lost-track-buffer N] [--minimum-consecutive-frames N]

DETS.jsonl: one JSON object per frame, as `footfall detect --min-score 0.1 --out DETS.jsonl` writes:
{"frame": 0-based index, "ptsMillis": .., "detections": [{"x","y","w","h","score","label"}]}, boxes in
source pixels (top-left, width, height). Frames missing from the file are fed as empty frames.

--impl supervision (default): `sv.ByteTrack`, present in supervision up to 0.30.x (removed in 0.31.0).
--impl trackers: `trackers.ByteTrackTracker`, its successor in Roboflow's `trackers` package.
Either way: detections as sv.Detections(xyxy, confidence, class_id=0), frame_rate from --fps (else
inferred from ptsMillis, else 30), the tracker's defaults for the rest unless given. Footfall's defaults
in these terms: --track-activation-threshold 0.5 (new tracks from 0.6) --lost-track-buffer 45 (1.5 s)
--minimum-consecutive-frames 2.

OUT_MOT.txt: `frame, id, x, y, w, h, conf, -1, -1, -1`, frames 1-based, the boxes the tracker returns.
"""
import argparse
import json
import sys
import time

import numpy as np
import supervision as sv


def read_frames(path):
    frames = {}
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                frames[int(row['frame'])] = row
            except (ValueError, KeyError) as e:
                raise SystemExit(f'{path}:{n}: expected a footfall detect JSON line ({e})')
    if not frames:
        raise SystemExit(f'{path}: no frames')
    return frames


def infer_fps(frames):
    idx = sorted(frames)
    first, last = frames[idx[0]], frames[idx[-1]]
    span = last.get('ptsMillis', 0) - first.get('ptsMillis', 0)
    return (idx[-1] - idx[0]) * 1000.0 / span if span > 0 else 30.0


def detections(row):
    boxes = row.get('detections', [])
    if not boxes:
        return sv.Detections.empty()
    xyxy = np.array([[b['x'], b['y'], b['x'] + b['w'], b['y'] + b['h']] for b in boxes], dtype=np.float32)
    conf = np.array([b['score'] for b in boxes], dtype=np.float32)
    return sv.Detections(xyxy=xyxy, confidence=conf, class_id=np.zeros(len(boxes), dtype=int))


def make_tracker(impl, fps, settings):
    if impl == 'trackers':
        from trackers import ByteTrackTracker
        tracker = ByteTrackTracker(frame_rate=fps, **settings)
        return tracker.update
    if not hasattr(sv, 'ByteTrack'):
        raise SystemExit(f'supervision {sv.__version__} has no ByteTrack (removed in 0.31.0): '
                         'install supervision<0.31, or use --impl trackers')
    tracker = sv.ByteTrack(frame_rate=fps, **settings)
    return tracker.update_with_detections


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('dets')
    p.add_argument('out')
    p.add_argument('--fps', type=float)
    p.add_argument('--impl', choices=['supervision', 'trackers'], default='supervision')
    p.add_argument('--track-activation-threshold', type=float)
    p.add_argument('--lost-track-buffer', type=int)
    p.add_argument('--minimum-consecutive-frames', type=int)
    args = p.parse_args(argv[1:])

    frames = read_frames(args.dets)
    fps = args.fps or infer_fps(frames)
    settings = {k: v for k, v in vars(args).items()
                if k in ('track_activation_threshold', 'lost_track_buffer', 'minimum_consecutive_frames') and v is not None}
    update = make_tracker(args.impl, fps, settings)
    rows = 0
    tracking_seconds = 0.0
    with open(args.out, 'w', encoding='utf-8') as out:
        for i in range(max(frames) + 1):
            dets = detections(frames.get(i, {'detections': []}))
            t0 = time.perf_counter()
            tracked = update(dets)
            tracking_seconds += time.perf_counter() - t0
            if tracked.tracker_id is None:
                continue
            for (x1, y1, x2, y2), tid, conf in zip(tracked.xyxy, tracked.tracker_id, tracked.confidence):
                if tid < 0:  # trackers: not yet a confirmed track
                    continue
                out.write(f'{i + 1},{int(tid)},{x1:.2f},{y1:.2f},{x2 - x1:.2f},{y2 - y1:.2f},{conf:.4f},-1,-1,-1\n')
                rows += 1
    print(f'supervision_track: {args.impl} {settings}, {len(frames)} frames, fps {fps:.3f}, {rows} boxes -> {args.out}; '
          f'tracker {1e6 * tracking_seconds / (max(frames) + 1):.0f} us/frame',
          file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
