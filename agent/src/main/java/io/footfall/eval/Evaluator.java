package io.footfall.eval;

import io.footfall.schema.TrackBox;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores tracker output against ground truth with the CLEAR-MOT and identity measures, matching
 * py-motmetrics 1.4.0 ({@code compare_to_groundtruth(gt, hyp, 'iou', distth=0.5)}) number for number.
 *
 * <p>Stateless and thread-safe.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Scores the frames before {@code frameCount}; ground truth and tracks on later frames (past the
     * end of the video as decoded) are left out.
     *
     * @param tracks tracker output, any order, at most one box per track and frame
     * @throws IllegalArgumentException when a track has two boxes in one frame
     */
    public static MotMetrics score(GroundTruth gt, List<TrackBox> tracks, long frameCount) {
        NavigableMap<Long, List<TrackBox>> hypsByFrame = byFrame(tracks, frameCount);
        NavigableMap<Long, List<GtBox>> gtByFrame = gt.byFrame().headMap(frameCount, false);
        TreeSet<Long> frames = new TreeSet<>(gtByFrame.keySet());
        frames.addAll(hypsByFrame.keySet());

        ClearMotAccumulator clear = new ClearMotAccumulator();
        IdentityAccumulator identity = new IdentityAccumulator();
        for (long frame : frames) {
            List<GtBox> objects = gtByFrame.getOrDefault(frame, List.of());
            List<TrackBox> hyps = hypsByFrame.getOrDefault(frame, List.of());
            long[] oids = objects.stream().mapToLong(GtBox::objectId).toArray();
            long[] hids = hyps.stream().mapToLong(TrackBox::trackId).toArray();
            double[][] dist = MotDistance.matrix(objects, GtBox::box, hyps, TrackBox::box);
            clear.update(oids, hids, dist);
            identity.update(oids, hids, dist);
        }
        return metrics(clear, identity.result());
    }

    /** Scores every frame of the ground truth and the tracks. */
    public static MotMetrics score(GroundTruth gt, List<TrackBox> tracks) {
        return score(gt, tracks, Long.MAX_VALUE);
    }

    private static MotMetrics metrics(ClearMotAccumulator c, IdentityAccumulator.Result id) {
        double objects = c.objects();
        double detected = c.matches() + c.switches();
        return new MotMetrics(
                1 - (c.misses() + c.switches() + c.falsePositives()) / objects,
                c.distanceSum() / detected,
                2.0 * id.truePositives() / (objects + c.hypotheses()),
                id.truePositives() / (double) (id.truePositives() + id.falsePositives()),
                id.truePositives() / (double) (id.truePositives() + id.falseNegatives()),
                c.switches(), c.falsePositives(), c.misses(), c.objects(), c.matches(),
                detected / (detected + c.falsePositives()),
                detected / objects,
                c.hypotheses(), id.truePositives(), id.falsePositives(), id.falseNegatives());
    }

    private static NavigableMap<Long, List<TrackBox>> byFrame(List<TrackBox> tracks, long frameCount) {
        NavigableMap<Long, List<TrackBox>> byFrame = new TreeMap<>();
        for (TrackBox t : tracks) {
            if (t.frame() >= frameCount) {
                continue;
            }
            List<TrackBox> list = byFrame.computeIfAbsent(t.frame(), f -> new ArrayList<>());
            for (TrackBox other : list) {
                if (other.trackId() == t.trackId()) {
                    throw new IllegalArgumentException(
                            "track " + t.trackId() + " has two boxes in frame " + t.frame());
                }
            }
            list.add(t);
        }
        return byFrame;
    }
}
