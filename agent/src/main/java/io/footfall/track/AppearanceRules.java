package io.footfall.track;

import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import io.footfall.geometry.Box;

import java.util.List;

/**
 * When the tracker asks for appearance, and when it trusts it: the geometry side of BoT-SORT-style association,
 * kept apart from {@link ByteTracker}'s bookkeeping. Stateless.
 */
final class AppearanceRules {
    /** Boxes overlapping more than this may be either of two people. */
    static final double AMBIGUOUS_IOU = 0.3;
    /** BoT-SORT's proximity: appearance only lowers the cost of boxes overlapping at least this much. */
    static final double PROXIMITY_IOU = 0.5;

    private AppearanceRules() {
    }

    /**
     * The detections worth a sample: new people, people among others, detections a lost track might be recovered
     * from, and people whose sample is older than the refresh period. All false when appearance is off.
     */
    static boolean[] wanted(List<Track> tracks, FrameDetections in, TrackerConfig config) {
        List<Detection> dets = in.detections();
        boolean[] want = new boolean[dets.size()];
        AppearanceConfig a = config.appearance();
        if (!a.enabled()) {
            return want;
        }
        boolean recoverable = tracks.stream().anyMatch(t -> t.state() == TrackState.LOST && t.feature() != null);
        for (int j = 0; j < dets.size(); j++) {
            Detection d = dets.get(j);
            if (!ByteTracker.usable(d.box()) || d.score() < config.trackThresh()) {
                continue;
            }
            Track best = null;
            double bestIou = 0;
            int overlapping = 0;
            for (Track t : tracks) {
                double iou = t.box().iou(d.box());
                overlapping += iou > AMBIGUOUS_IOU ? 1 : 0;
                if (iou > bestIou) {
                    bestIou = iou;
                    best = t;
                }
            }
            want[j] = best == null || bestIou < AMBIGUOUS_IOU
                    || overlapping > 1
                    || (recoverable && bestIou < PROXIMITY_IOU)
                    || best.feature() == null
                    || in.ptsMillis() - best.featurePts() >= a.refreshEvery().toMillis();
        }
        return want;
    }

    /**
     * A lost person can have walked about a body height per second (plus the box's own size), never across the
     * whole frame.
     */
    static boolean withinReach(Box last, Box detection, long lostForMillis, FrameDetections in) {
        double dx = (last.x() + last.w() / 2) - (detection.x() + detection.w() / 2);
        double dy = (last.y() + last.h() / 2) - (detection.y() + detection.h() / 2);
        double reach = Math.max(last.w(), last.h()) * (1 + lostForMillis / 1000.0);
        double cap = 0.5 * Math.hypot(in.width(), in.height());
        return Math.hypot(dx, dy) <= Math.min(reach, cap);
    }

    /** A detection overlapping another one: its crop shows two people, a poor sample for either gallery. */
    static boolean crowded(Detection d, List<Detection> all) {
        for (Detection o : all) {
            if (o != d && d.box().iou(o.box()) > AMBIGUOUS_IOU) {
                return true;
            }
        }
        return false;
    }
}
