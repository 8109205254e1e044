package io.footfall.track;

import io.footfall.geometry.Box;
import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import io.footfall.geometry.LinearAssignment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Multi-object tracker after ByteTrack (Zhang et al., 2022): Kalman motion, IoU association in two rounds so
 * that low-score detections (occlusion, blur) keep existing tracks alive without starting new ones.
 *
 * <p>Differences from the reference: ages are measured in time from {@code ptsMillis}, so the lifecycle is
 * the same at any frame rate; ids come from an injected {@link TrackIdSequence} and are given only on
 * confirmation (as in supervision), so tentative tracks never consume or report one; every live track is
 * predicted each frame, tentative ones included; removed tracks are forgotten at once.
 *
 * <p>Deterministic: the same detections give the same output (lists in creation order, no hashing, no
 * randomness). Not thread-safe: one tracker per camera, fed from one thread.
 */
public final class ByteTracker {
    /** ByteTrack's fixed thresholds for the second and the tentative association. */
    private static final double LOW_MATCH_THRESH = 0.5;
    private static final double TENTATIVE_MATCH_THRESH = 0.7;
    /** Tracked and lost tracks overlapping more than this are one person followed twice. */
    private static final double DUPLICATE_IOU = 0.85;

    private final TrackerConfig config;
    private final TrackIdSequence ids;
    private final List<Track> tracks = new ArrayList<>();
    private boolean started;
    private static final int MAX_PREDICT_STEPS = 10;
    private long lastPts;
    private long frameIntervalMillis;

    public ByteTracker(TrackerConfig config, TrackIdSequence ids) {
        this.config = Objects.requireNonNull(config, "config");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    /** Default settings, ids from 1. */
    public ByteTracker() {
        this(TrackerConfig.defaults(), new TrackIdSequence());
    }

    /**
     * Advances the tracker by one frame.
     *
     * @throws IllegalArgumentException when {@code ptsMillis} goes backwards
     */
    public TrackedFrame update(FrameDetections in) {
        long now = in.ptsMillis();
        if (started && now < lastPts) {
            throw new IllegalArgumentException("tracker input: ptsMillis went backwards from " + lastPts
                    + " to " + now + " at frame " + in.frame());
        }
        boolean firstFrame = !started;
        int steps = firstFrame ? 1 : frameSteps(now - lastPts);
        started = true;
        lastPts = now;

        // 1. Split detections by score: high ones may match anything or start tracks, low ones only extend.
        List<Detection> high = new ArrayList<>();
        List<Detection> low = new ArrayList<>();
        for (Detection d : in.detections()) {
            if (!usable(d.box())) {
                continue;
            }
            if (d.score() >= config.trackThresh()) {
                high.add(d);
            } else if (d.score() >= config.lowThresh()) {
                low.add(d);
            }
        }

        // 2. Predict every live track one frame ahead (or as many as were dropped since the last one).
        tracks.forEach(t -> t.predict(steps));

        // 3. First association: confirmed and lost tracks against high detections, IoU fused with score.
        List<Track> pool = new ArrayList<>(withState(TrackState.CONFIRMED));
        pool.addAll(withState(TrackState.LOST));
        Matching first = associate(pool, high, config.matchThresh(), true);
        first.pairs().forEach(p -> p.track().match(p.detection(), now));

        // 4. Second association: confirmed tracks still unmatched against low detections, plain IoU.
        List<Track> unmatchedConfirmed = first.unmatchedTracks().stream()
                .filter(t -> t.state() == TrackState.CONFIRMED).toList();
        Matching second = associate(unmatchedConfirmed, low, LOW_MATCH_THRESH, false);
        second.pairs().forEach(p -> p.track().match(p.detection(), now));
        second.unmatchedTracks().forEach(Track::markLost);

        // 5. Tentative tracks against the high detections left over; enough hits confirm and give an id.
        Matching tentative = associate(withState(TrackState.TENTATIVE), first.unmatchedDetections(),
                TENTATIVE_MATCH_THRESH, true);
        for (Pair p : tentative.pairs()) {
            p.track().match(p.detection(), now);
            if (p.track().hits() >= config.minHits()) {
                p.track().confirm(ids.next());
            }
        }
        for (Track t : tentative.unmatchedTracks()) {
            if (now - t.lastSeenPts() > config.tentativeMaxAge().toMillis()) {
                t.markRemoved();
            }
        }

        // 6. New tracks from high detections nobody claimed; on the very first frame they are trusted at once.
        for (Detection d : tentative.unmatchedDetections()) {
            if (d.score() >= config.newTrackThresh()) {
                Track t = new Track(d, now);
                if (firstFrame || config.minHits() == 1) {
                    t.confirm(ids.next());
                }
                tracks.add(t);
            }
        }

        // 7. Lost tracks unmatched for longer than the timeout are removed.
        for (Track t : withState(TrackState.LOST)) {
            if (now - t.lastSeenPts() > config.lostTimeout().toMillis()) {
                t.markRemoved();
            }
        }

        // 8. A tracked box sitting on a lost one is the same person twice: keep the longer-followed track.
        removeDuplicates();

        // 9. Report the tracks with an id, forget the removed ones.
        List<TrackId> ended = new ArrayList<>();
        List<TrackedObject> objects = new ArrayList<>();
        for (Track t : tracks) {
            if (t.state() == TrackState.REMOVED) {
                if (t.id() != null) {
                    ended.add(t.id());
                }
            } else if (t.id() != null) {
                objects.add(t.toObject());
            }
        }
        tracks.removeIf(t -> t.state() == TrackState.REMOVED);
        objects.sort(Comparator.comparing(TrackedObject::id));
        ended.sort(Comparator.naturalOrder());
        return new TrackedFrame(in.frame(), now, in.width(), in.height(), objects, ended);
    }

    /** Number of live tracks, tentative and lost included (for metrics). */
    /**
     * Frame intervals in a gap. The Kalman model moves one frame interval per step, as ByteTrack's does;
     * a live camera whose frames were dropped (full hand-off queue) must move as far as the time that
     * passed, or the prediction lags the person. The interval is the shortest gap seen, which dropped
     * frames cannot inflate. Capped so a stalled stream does not fling tracks away.
     */
    private int frameSteps(long gapMillis) {
        if (gapMillis <= 0) {
            return 1;
        }
        if (gapMillis < frameIntervalMillis || frameIntervalMillis <= 0) {
            frameIntervalMillis = gapMillis;
        }
        return (int) Math.max(1, Math.min(MAX_PREDICT_STEPS, Math.round((double) gapMillis / frameIntervalMillis)));
    }

    public int liveTracks() {
        return tracks.size();
    }

    private void removeDuplicates() {
        List<Track> tracked = tracks.stream().filter(Track::matchedThisFrame)
                .filter(t -> t.state() != TrackState.REMOVED).toList();
        List<Track> lost = withState(TrackState.LOST);
        for (Track a : tracked) {
            for (Track b : lost) {
                if (a.state() != TrackState.REMOVED && b.state() != TrackState.REMOVED
                        && a.box().iou(b.box()) > DUPLICATE_IOU) {
                    (a.trackedMillis() > b.trackedMillis() ? b : a).markRemoved();
                }
            }
        }
    }

    private List<Track> withState(TrackState state) {
        return tracks.stream().filter(t -> t.state() == state).toList();
    }

    private static boolean usable(Box b) {
        return Double.isFinite(b.x()) && Double.isFinite(b.y()) && b.w() > 0 && b.h() > 0
                && Double.isFinite(b.w()) && Double.isFinite(b.h());
    }

    private record Pair(Track track, Detection detection) {
    }

    private record Matching(List<Pair> pairs, List<Track> unmatchedTracks, List<Detection> unmatchedDetections) {
    }

    /** Minimum-cost matching on {@code 1 - iou} (times the detection score when {@code fuseScore}). */
    private static Matching associate(List<Track> tracks, List<Detection> dets, double limit, boolean fuseScore) {
        if (tracks.isEmpty() || dets.isEmpty()) {
            return new Matching(List.of(), tracks, dets);
        }
        double[][] cost = new double[tracks.size()][dets.size()];
        for (int i = 0; i < tracks.size(); i++) {
            Box predicted = tracks.get(i).box();
            for (int j = 0; j < dets.size(); j++) {
                Detection d = dets.get(j);
                double similarity = predicted.iou(d.box()) * (fuseScore ? d.score() : 1);
                cost[i][j] = 1 - similarity;
            }
        }
        LinearAssignment.Result r = LinearAssignment.solve(cost, dets.size(), limit);
        List<Pair> pairs = r.matches().stream()
                .map(m -> new Pair(tracks.get(m.row()), dets.get(m.col()))).toList();
        List<Track> unmatchedTracks = java.util.Arrays.stream(r.unmatchedRows()).mapToObj(tracks::get).toList();
        List<Detection> unmatchedDets = java.util.Arrays.stream(r.unmatchedCols()).mapToObj(dets::get).toList();
        return new Matching(pairs, unmatchedTracks, unmatchedDets);
    }
}
