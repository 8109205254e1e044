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
    private static final double IMPOSSIBLE = 2;

    private final TrackerConfig config;
    private final TrackIdSequence ids;
    private final List<Track> tracks = new ArrayList<>();
    private final List<TrackAppearance> endedAppearances = new ArrayList<>();
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
     * Advances the tracker by one frame, by motion and overlap only.
     *
     * @throws IllegalArgumentException when {@code ptsMillis} goes backwards
     */
    public TrackedFrame update(FrameDetections in) {
        return update(in, List.of());
    }

    /**
     * Which detections of the coming frame the tracker would like an appearance sample of ({@link #update(
     * FrameDetections, List)}): new people, people among others, detections a lost track might be recovered from,
     * and people whose sample is older than {@link AppearanceConfig#refreshEvery()}. The rest go without, so the
     * re-identification model runs on a few boxes a frame, not on every box. All false when appearance is off.
     */
    public boolean[] appearanceWanted(FrameDetections in) {
        return AppearanceRules.wanted(tracks, in, config);
    }

    /**
     * Advances the tracker by one frame, with appearance samples of some detections.
     *
     * @param embeddings one per detection of {@code in}, in order, null where no sample was taken; or empty
     * @throws IllegalArgumentException when {@code ptsMillis} goes backwards or the samples do not line up
     */
    public TrackedFrame update(FrameDetections in, List<Embedding> embeddings) {
        if (!embeddings.isEmpty() && embeddings.size() != in.detections().size()) {
            throw new IllegalArgumentException("tracker input: " + embeddings.size() + " appearance samples for "
                    + in.detections().size() + " detections at frame " + in.frame());
        }
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
        List<Candidate> high = new ArrayList<>();
        List<Candidate> low = new ArrayList<>();
        List<Detection> all = in.detections();
        for (int j = 0; j < all.size(); j++) {
            Detection d = all.get(j);
            if (!usable(d.box())) {
                continue;
            }
            Embedding e = embeddings.isEmpty() ? null : embeddings.get(j);
            if (d.score() >= config.trackThresh()) {
                high.add(new Candidate(d, e, e != null && AppearanceRules.crowded(d, all)));
            } else if (d.score() >= config.lowThresh()) {
                low.add(new Candidate(d, null, false));
            }
        }

        // 2. Predict every live track one frame ahead (or as many as were dropped since the last one).
        tracks.forEach(t -> t.predict(steps));

        // 3. First association: confirmed and lost tracks against high detections, IoU fused with score.
        List<Track> pool = new ArrayList<>(withState(TrackState.CONFIRMED));
        pool.addAll(withState(TrackState.LOST));
        Matching first = associate(pool, high, config.matchThresh(), (t, c) -> firstCost(t, c, now, in));
        for (Pair p : first.pairs()) {
            boolean byAppearance = p.track().state() == TrackState.LOST
                    && motionCost(p.track(), p.candidate(), now) > config.matchThresh();
            match(p, now, byAppearance);
        }

        // 4. Second association: confirmed tracks still unmatched against low detections, plain IoU.
        List<Track> unmatchedConfirmed = first.unmatchedTracks().stream()
                .filter(t -> t.state() == TrackState.CONFIRMED).toList();
        Matching second = associate(unmatchedConfirmed, low, LOW_MATCH_THRESH, (t, c) -> 1 - t.box().iou(c.box()));
        second.pairs().forEach(p -> match(p, now, false));
        second.unmatchedTracks().forEach(Track::markLost);

        // 5. Tentative tracks against the high detections left over; enough hits confirm and give an id.
        Matching tentative = associate(withState(TrackState.TENTATIVE), first.unmatchedDetections(),
                TENTATIVE_MATCH_THRESH, ByteTracker::overlapCost);
        for (Pair p : tentative.pairs()) {
            match(p, now, false);
            if (p.track().hits() >= config.minHits()) {
                p.track().confirm(ids.next());
            }
        }
        for (Track t : tentative.unmatchedTracks()) {
            if (now - t.lastSeenPts() > config.tentativeMaxAge().toMillis()) {
                t.markRemoved();
            }
        }

        // 6. Appearance recovery: a high detection nobody claimed that looks like a lost person within reach is that
        //    person again (a jump or an occlusion the motion model could not bridge), not a new one. Only an uncrowded
        //    detection (the crop of a box overlapping another shows two people, see firstCost), scoring at least what
        //    a new track needs: recovering a person is starting their track again.
        List<Candidate> unclaimed = recover(tentative.unmatchedDetections(), now, in);

        // 7. New tracks from high detections nobody claimed; on the very first frame they are trusted at once.
        for (Candidate c : unclaimed) {
            if (c.detection().score() >= config.newTrackThresh()) {
                Track t = new Track(c.detection(), now);
                if (c.embedding() != null && !c.crowded()) {
                    t.observe(c.embedding(), config.appearance().emaAlpha(), now);
                }
                if (firstFrame || config.minHits() == 1) {
                    t.confirm(ids.next());
                }
                tracks.add(t);
            }
        }

        // 8. Lost tracks unmatched for longer than the timeout are removed (those with an appearance sample are
        //    kept as long as appearance may still recover them).
        for (Track t : withState(TrackState.LOST)) {
            if (now - t.lastSeenPts() > keepLostMillis(t)) {
                t.markRemoved();
            }
        }

        // 9. A tracked box sitting on a lost one is the same person twice: keep the longer-followed track.
        removeDuplicates();

        // 10. Report the tracks with an id, forget the removed ones.
        List<TrackId> ended = new ArrayList<>();
        List<TrackedObject> objects = new ArrayList<>();
        //     A lost track past the motion timeout but kept for appearance recovery is reported ended all the same
        //     (zones and lines settle it as before; were it recovered, its id comes back as a new appearance).
        for (Track t : tracks) {
            boolean dormant = t.state() == TrackState.LOST && now - t.lastSeenPts() > config.lostTimeout().toMillis();
            if (t.state() == TrackState.REMOVED || dormant) {
                if (t.id() != null && !t.endReported()) {
                    t.reportEnded();
                    ended.add(t.id());
                    if (t.feature() != null) {
                        endedAppearances.add(t.appearance());
                    }
                }
            } else if (t.id() != null && !t.onProbation()) {
                objects.add(t.toObject());
            }
        }
        tracks.removeIf(t -> t.state() == TrackState.REMOVED);
        objects.sort(Comparator.comparing(TrackedObject::id));
        ended.sort(Comparator.naturalOrder());
        return new TrackedFrame(in.frame(), now, in.width(), in.height(), objects, ended);
    }

    /** The current appearance (gallery average) of a live track, if it has been sampled. */
    public java.util.Optional<Embedding> appearanceOf(TrackId id) {
        return tracks.stream().filter(t -> id.equals(t.id()) && t.feature() != null).findFirst().map(Track::feature);
    }

    /** The appearance of every track with an id and a sample that ended since the last call (appearance on only). */
    public List<TrackAppearance> drainEnded() {
        List<TrackAppearance> out = List.copyOf(endedAppearances);
        endedAppearances.clear();
        return out;
    }

    /** At the end of a stream: the appearance of every track still live (with an id and a sample), ended ones first. */
    public List<TrackAppearance> drainAll() {
        List<TrackAppearance> out = new ArrayList<>(drainEnded());
        tracks.stream().filter(t -> t.id() != null && t.feature() != null && !t.endReported()).map(Track::appearance)
                .forEach(out::add);
        return out;
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

    static boolean usable(Box b) {
        return Double.isFinite(b.x()) && Double.isFinite(b.y()) && b.w() > 0 && b.h() > 0
                && Double.isFinite(b.w()) && Double.isFinite(b.h());
    }

    private List<Candidate> recover(List<Candidate> unclaimed, long now, FrameDetections in) {
        if (!config.appearance().enabled() || unclaimed.isEmpty()) {
            return unclaimed;
        }
        List<Track> lost = tracks.stream().filter(t -> t.state() == TrackState.LOST && t.feature() != null
                && now - t.lastSeenPts() <= keepLostMillis(t)).toList();
        double limit = config.appearance().recoverDistance();
        Matching recovered = associate(lost, unclaimed, limit, (t, c) -> recoverable(c)
                && AppearanceRules.withinReach(t.lastSeenBox(), c.box(), now - t.lastSeenPts(), in)
                ? t.feature().distance(c.embedding()) : IMPOSSIBLE);
        for (Pair p : recovered.pairs()) {
            match(p, now, true);
        }
        return recovered.unmatchedDetections();
    }

    private boolean recoverable(Candidate c) {
        return c.embedding() != null && !c.crowded() && c.detection().score() >= config.newTrackThresh();
    }

    private long keepLostMillis(Track t) {
        long motion = config.lostTimeout().toMillis();
        return t.feature() == null || !config.appearance().enabled()
                ? motion : Math.max(motion, config.appearance().recoverWithin().toMillis());
    }

    /**
     * A lost person matched by appearance alone is withheld from the output until seen {@code minHits} times, as a
     * new track is: one crop that looks like someone lost is not yet that person (on VIRAT, a one-frame recovery
     * reported a box the ground truth has no one at).
     */
    private void match(Pair p, long now, boolean byAppearance) {
        p.track().match(p.detection(), now, byAppearance ? config.minHits() : 1);
        Candidate c = p.candidate();
        if (c.embedding() != null && !c.crowded()) {
            p.track().observe(c.embedding(), config.appearance().emaAlpha(), now);
        }
    }

    /**
     * ByteTrack's {@code 1 - iou·score}, lowered by appearance as BoT-SORT does: for a followed person only when the
     * boxes are close (IoU at least 0.5) and the appearance close enough; for a lost person also without overlap,
     * when the appearance is closer still, the detection lies within reach of where the person was last seen, and its
     * crop shows one person: a box overlapping another one shows both, and looks like either (on TUD-Campus such a
     * head-and-shoulders box between two people took a lost id and crossed the line once more), and it scores what a
     * new track needs. A lost track past the motion model's timeout is matched by appearance alone: its predicted box
     * has drifted.
     */
    private double firstCost(Track t, Candidate c, long now, FrameDetections in) {
        double cost = motionCost(t, c, now);
        if (t.feature() == null) {
            return cost; // always so with appearance off: exactly ByteTrack
        }
        long lostFor = now - t.lastSeenPts();
        if (t.state() == TrackState.LOST && lostFor > keepLostMillis(t)) {
            return IMPOSSIBLE; // no frame came while its window closed: it is gone
        }
        if (c.embedding() == null) {
            return cost;
        }
        AppearanceConfig a = config.appearance();
        double distance = t.feature().distance(c.embedding());
        double iou = t.box().iou(c.box());
        if (t.state() == TrackState.CONFIRMED) {
            return iou >= AppearanceRules.PROXIMITY_IOU && distance <= a.matchDistance() ? Math.min(cost, distance) : cost;
        }
        return recoverable(c) && distance <= a.recoverDistance()
                && AppearanceRules.withinReach(t.lastSeenBox(), c.box(), lostFor, in) ? Math.min(cost, distance) : cost;
    }

    /**
     * ByteTrack's {@code 1 - iou·score}; for a lost track past the motion model's timeout 1 (never a match): its
     * predicted box has drifted, only appearance may bring it back.
     */
    private double motionCost(Track t, Candidate c, long now) {
        if (t.feature() != null && t.state() == TrackState.LOST
                && now - t.lastSeenPts() > config.lostTimeout().toMillis()) {
            return 1;
        }
        return overlapCost(t, c);
    }

    private static double overlapCost(Track t, Candidate c) {
        return 1 - t.box().iou(c.box()) * c.detection().score();
    }

    /** A detection with, when one was taken, its appearance sample. */
    private record Candidate(Detection detection, Embedding embedding, boolean crowded) {
        Box box() {
            return detection.box();
        }
    }

    private record Pair(Track track, Candidate candidate) {
        Detection detection() {
            return candidate.detection();
        }
    }

    private record Matching(List<Pair> pairs, List<Track> unmatchedTracks, List<Candidate> unmatchedDetections) {
    }

    @FunctionalInterface
    private interface Cost {
        double of(Track track, Candidate candidate);
    }

    /** Minimum-cost matching, pairs costing more than {@code limit} refused. */
    private static Matching associate(List<Track> tracks, List<Candidate> dets, double limit, Cost costs) {
        if (tracks.isEmpty() || dets.isEmpty()) {
            return new Matching(List.of(), tracks, dets);
        }
        double[][] cost = new double[tracks.size()][dets.size()];
        for (int i = 0; i < tracks.size(); i++) {
            for (int j = 0; j < dets.size(); j++) {
                cost[i][j] = costs.of(tracks.get(i), dets.get(j));
            }
        }
        LinearAssignment.Result r = LinearAssignment.solve(cost, dets.size(), limit);
        List<Pair> pairs = r.matches().stream()
                .map(m -> new Pair(tracks.get(m.row()), dets.get(m.col()))).toList();
        List<Track> unmatchedTracks = java.util.Arrays.stream(r.unmatchedRows()).mapToObj(tracks::get).toList();
        List<Candidate> unmatchedDets = java.util.Arrays.stream(r.unmatchedCols()).mapToObj(dets::get).toList();
        return new Matching(pairs, unmatchedTracks, unmatchedDets);
    }
}
