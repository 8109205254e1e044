#!/usr/bin/env python3
"""Writes the synthetic MOT15 sequence of MotMetricsReferenceTest (gt.txt, hyp.txt): run from this folder.

Four people walk for 30 frames of a 640x480 video. gt.txt is in the MOT 2015 layout: columns 8-10
are world x, y, z (metres, non-integers; -1 on a few rows, and by chance a row that looks like a
MOT16 class and visibility), one conf-0 row to ignore. hyp.txt is a tracker's result with jittered
boxes, misses (person 3 is lost for frames 10-14, person 4 is never found before frame 8), an id
switch (persons 1 and 2 swap ids from frame 18), a fragmented track, and false positives.
Deterministic (seeded); the committed files are the reference, rerun only to change them, then
rerun scripts/eval/motmetrics_score.py (see README.md).
"""
import random

rng = random.Random(15)
FRAMES = 30
# id: (x0, y0, dx per frame, w, h)
PEOPLE = {1: (40, 200, 9.0, 60, 160), 2: (560, 190, -8.5, 58, 170), 3: (300, 60, 1.5, 40, 110), 4: (120, 300, 4.0, 70, 170)}

gt, hyp = [], []
for f in range(1, FRAMES + 1):
    for pid, (x0, y0, dx, w, h) in PEOPLE.items():
        if pid == 4 and f > 26:
            continue  # person 4 leaves
        x, y = x0 + dx * (f - 1), y0 + 0.8 * (f - 1)
        wx, wy = round(-4.1554 + 0.137 * pid * f, 4), round(12.034 - 0.21 * f + pid, 4)
        world = f'{wx},{wy},0'
        if pid == 3 and f in (5, 6):
            world = '-1,-1,-1'
        if pid == 2 and f == 9:
            world = '3,0.5,0'  # looks like a MOT16 class and visibility, by chance
        conf = 0 if (pid == 3 and f == 20) else 1
        gt.append(f'{f},{pid},{x:.1f},{y:.1f},{w:.1f},{h:.1f},{conf},{world}')

        if pid == 3 and 10 <= f <= 14:
            continue
        if pid == 4 and f < 8:
            continue
        if rng.random() < 0.06:
            continue  # a random miss
        tid = {1: 11, 2: 12, 3: 13, 4: 14}[pid]
        if f >= 18 and pid in (1, 2):
            tid = 12 if pid == 1 else 11  # id switch
        if pid == 4 and f >= 22:
            tid = 15  # fragmented track
        s = 0.08
        jx, jy = rng.gauss(0, s * w), rng.gauss(0, s * h)
        jw, jh = w * (1 + rng.gauss(0, s)), h * (1 + rng.gauss(0, s))
        hyp.append(f'{f},{tid},{x + jx:.2f},{y + jy:.2f},{jw:.2f},{jh:.2f},1,-1,-1,-1')
    if f % 4 == 0:  # a false positive now and then, some near a person
        fx, fy = (rng.uniform(0, 560), rng.uniform(0, 300)) if f % 8 else (PEOPLE[1][0] + 9.0 * (f - 1) + 25, 200 + 0.8 * (f - 1))
        hyp.append(f'{f},{90 + f},{fx:.2f},{fy:.2f},60.00,160.00,1,-1,-1,-1')

with open('gt.txt', 'w') as out:
    out.write('\n'.join(gt) + '\n')
with open('hyp.txt', 'w') as out:
    out.write('\n'.join(sorted(hyp, key=lambda l: int(l.split(',')[0]))) + '\n')
