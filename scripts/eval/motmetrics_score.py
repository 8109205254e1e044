#!/usr/bin/env python3
"""Scores a tracker result against ground truth with py-motmetrics, the reference Footfall's
Java evaluator (io.footfall.eval) is checked against.

Usage: motmetrics_score.py GT_FILE HYP_FILE
Both files in MOTChallenge format (frame, id, x, y, w, h, conf, class, visibility, unused;
frames 1-based). Prints one JSON object with the metrics on stdout.

Ground-truth rows are filtered by the same rules as the Java reader: rows with conf 0 are dropped,
and when a class column is present and not -1 only class 1 (pedestrian) is kept. Hypothesis rows
are all kept. Matching: IoU distance, pairs with IoU < 0.5 never match (distth=0.5).
"""
import json
import math
import sys

import motmetrics as mm

METRICS = [
    'mota', 'motp', 'idf1', 'idp', 'idr', 'idtp', 'idfp', 'idfn', 'num_switches',
    'num_false_positives', 'num_misses', 'num_objects', 'num_predictions', 'num_matches',
    'precision', 'recall',
]


def load_gt(path):
    gt = mm.io.loadtxt(path, fmt='mot15-2D', min_confidence=-math.inf)
    gt = gt[gt['Confidence'] != 0]
    cls = gt['ClassId']
    return gt[cls.isna() | (cls == -1) | (cls == 1)]


def main(argv):
    if len(argv) != 3:
        print('usage: motmetrics_score.py GT_FILE HYP_FILE', file=sys.stderr)
        return 2
    gt = load_gt(argv[1])
    ts = mm.io.loadtxt(argv[2], fmt='mot15-2D', min_confidence=-math.inf)
    acc = mm.utils.compare_to_groundtruth(gt, ts, 'iou', distth=0.5)
    summary = mm.metrics.create().compute(acc, metrics=METRICS, name='seq')
    row = summary.loc['seq']
    out = {}
    for name in METRICS:
        value = row[name]
        out[name] = int(value) if name.startswith(('num_', 'id')) and name not in ('idf1', 'idp', 'idr') \
            else float(value)
    json.dump(out, sys.stdout, indent=1)
    print()
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
