#!/usr/bin/env python3
"""Scores a tracker result against ground truth with py-motmetrics, the reference Footfall's
Java evaluator (io.footfall.eval) is checked against.

Usage: motmetrics_score.py [--gt-format mot16|mot15] GT_FILE HYP_FILE
Both files in MOTChallenge format (frame, id, x, y, w, h, conf, ...; frames 1-based), read with
motmetrics.io.loadtxt(fmt='mot15-2D'). Prints one JSON object with the metrics on stdout: those
the Java evaluator reports, and motmetrics.metrics.motchallenge_metrics.

Ground-truth rows are filtered by the same rules as the Java reader (io.footfall.eval.MotChallengeFormat):
rows with conf 0 are dropped, and
  mot16 (default): columns 8-9 are class and visibility; only class 1 (pedestrian) or -1 is kept;
  mot15: columns 8-10 are world coordinates, ignored; every other row is kept.
(A file whose columns 8-10 are all -1, such as TUD-Campus, scores the same either way.)
Hypothesis rows are all kept. Matching: IoU distance, pairs with IoU < 0.5 never match (distth=0.5).
"""
import argparse
import json
import math
import sys

import motmetrics as mm

METRICS = [
    'mota', 'motp', 'idf1', 'idp', 'idr', 'idtp', 'idfp', 'idfn', 'num_switches',
    'num_false_positives', 'num_misses', 'num_objects', 'num_predictions', 'num_matches',
    'precision', 'recall',
]
METRICS += [m for m in mm.metrics.motchallenge_metrics if m not in METRICS]
COUNTS = ('num_', 'id', 'mostly_', 'partially_')


def load_gt(path, gt_format):
    gt = mm.io.loadtxt(path, fmt='mot15-2D', min_confidence=-math.inf)
    gt = gt[gt['Confidence'] != 0]
    if gt_format == 'mot15':
        return gt
    cls = gt['ClassId']
    return gt[cls.isna() | (cls == -1) | (cls == 1)]


def main(argv):
    parser = argparse.ArgumentParser(prog='motmetrics_score.py')
    parser.add_argument('--gt-format', choices=('mot16', 'mot15'), default='mot16')
    parser.add_argument('gt_file')
    parser.add_argument('hyp_file')
    args = parser.parse_args(argv[1:])
    gt = load_gt(args.gt_file, args.gt_format)
    ts = mm.io.loadtxt(args.hyp_file, fmt='mot15-2D', min_confidence=-math.inf)
    acc = mm.utils.compare_to_groundtruth(gt, ts, 'iou', distth=0.5)
    summary = mm.metrics.create().compute(acc, metrics=METRICS, name='seq')
    row = summary.loc['seq']
    out = {}
    for name in METRICS:
        value = row[name]
        out[name] = int(value) if name.startswith(COUNTS) and name not in ('idf1', 'idp', 'idr') \
            else float(value)
    json.dump(out, sys.stdout, indent=1)
    print()
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
