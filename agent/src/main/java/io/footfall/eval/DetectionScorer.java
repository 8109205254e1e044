package io.footfall.eval;

import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import io.footfall.geometry.LinearAssignment;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Detector precision and recall at IoU 0.5. Each frame is matched with the Hungarian method, not
 * greedily by score: as many pairs with IoU >= 0.5 as possible, then the smallest total {@code 1 - IoU}
 * (the per-frame pairing py-motmetrics uses, so these counts equal motmetrics' FP and FN for
 * detections given distinct ids). Scores and labels are not looked at: filter the detections first.
 *
 * <p>Stateless and thread-safe.
 */
public final class DetectionScorer {

    private DetectionScorer() {
    }

    /**
     * Scores the frames before {@code frameCount}. A ground-truth frame with no entry in
     * {@code detections} counts as a frame where nothing was detected.
     *
     * @param detections per-frame detector output, {@link FrameDetections#frame()} = 0-based decode index
     * @throws IllegalArgumentException when two entries have the same frame
     */
    public static DetectionMetrics score(GroundTruth gt, List<FrameDetections> detections, long frameCount) {
        Map<Long, List<Detection>> byFrame = new TreeMap<>();
        for (FrameDetections fd : detections) {
            if (fd.frame() < frameCount && byFrame.put(fd.frame(), fd.detections()) != null) {
                throw new IllegalArgumentException("frame " + fd.frame() + " is given twice");
            }
        }
        TreeSet<Long> frames = new TreeSet<>(gt.byFrame().headMap(frameCount, false).keySet());
        frames.addAll(byFrame.keySet());
        int gtCount = 0;
        int detectionCount = 0;
        int pairs = 0;
        double iouSum = 0;
        for (long frame : frames) {
            List<GtBox> objects = gt.inFrame(frame);
            List<Detection> found = byFrame.getOrDefault(frame, List.of());
            double[][] dist = MotDistance.matrix(objects, GtBox::box, found, Detection::box);
            for (LinearAssignment.Match m : FrameAssignment.solve(dist)) {
                pairs++;
                iouSum += 1 - dist[m.row()][m.col()];
            }
            gtCount += objects.size();
            detectionCount += found.size();
        }
        return new DetectionMetrics(gtCount, detectionCount, pairs, detectionCount - pairs, gtCount - pairs,
                pairs / (double) detectionCount, pairs / (double) gtCount, iouSum / pairs);
    }

    /** Scores every frame. */
    public static DetectionMetrics score(GroundTruth gt, List<FrameDetections> detections) {
        return score(gt, detections, Long.MAX_VALUE);
    }
}
