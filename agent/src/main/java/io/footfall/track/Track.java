package io.footfall.track;

import io.footfall.geometry.Box;
import io.footfall.detect.Detection;

/** One track's mutable bookkeeping inside {@link ByteTracker}. Not thread-safe. */
final class Track {
    private KalmanState kalman;
    private TrackState state = TrackState.TENTATIVE;
    private TrackId id;
    private int hits = 1;
    private final long startPts;
    private long lastSeenPts;
    private float score;
    private boolean matchedLastFrame = true;
    private Box lastSeenBox;
    /** The appearance gallery: an exponential moving average of the samples taken; null until the first. */
    private Embedding feature;
    private long featurePts;
    private boolean endReported;
    /** Hits still needed before a track recovered by appearance alone is reported again. */
    private int probation;

    Track(Detection first, long ptsMillis) {
        this.kalman = KalmanFilter.initiate(first.box());
        this.startPts = ptsMillis;
        this.lastSeenPts = ptsMillis;
        this.lastSeenBox = first.box();
        this.score = first.score();
    }

    /** Predicts {@code steps} frame intervals ahead: more than one when frames were dropped in between. */
    void predict(int steps) {
        for (int i = 0; i < steps; i++) {
            kalman = KalmanFilter.predict(kalman, !matchedLastFrame);
        }
        matchedLastFrame = false;
    }

    /**
     * Folds in a matched detection; a lost track comes back under its old id, reported again once matched
     * {@code hitsToReport} times (this one included). Until then its end, if reported, stands.
     */
    void match(Detection d, long ptsMillis, int hitsToReport) {
        kalman = KalmanFilter.update(kalman, d.box());
        score = d.score();
        lastSeenPts = ptsMillis;
        lastSeenBox = d.box();
        matchedLastFrame = true;
        hits++;
        probation = state == TrackState.LOST && hitsToReport > 1 ? hitsToReport - 1 : Math.max(0, probation - 1);
        if (probation == 0) {
            endReported = false;
        }
        if (state == TrackState.LOST) {
            state = TrackState.CONFIRMED;
        }
    }

    /** Folds an appearance sample into the gallery (the first sample is taken as is). */
    void observe(Embedding sample, double alpha, long ptsMillis) {
        feature = feature == null ? sample : feature.blend(sample, alpha);
        featurePts = ptsMillis;
    }

    boolean onProbation() {
        return probation > 0;
    }

    /** Null before the first appearance sample. */
    Embedding feature() {
        return feature;
    }

    long featurePts() {
        return featurePts;
    }

    /** Where the track was last matched (the Kalman box drifts while it is lost). */
    Box lastSeenBox() {
        return lastSeenBox;
    }

    void confirm(TrackId newId) {
        id = newId;
        state = TrackState.CONFIRMED;
    }

    /** Whether the end of this track was reported (it may still be recovered by appearance, and then resumes). */
    boolean endReported() {
        return endReported;
    }

    void reportEnded() {
        endReported = true;
    }

    void markLost() {
        state = TrackState.LOST;
    }

    void markRemoved() {
        state = TrackState.REMOVED;
    }

    boolean matchedThisFrame() {
        return matchedLastFrame;
    }

    Box box() {
        return KalmanFilter.box(kalman);
    }

    TrackState state() {
        return state;
    }

    /** Null while tentative. */
    TrackId id() {
        return id;
    }

    int hits() {
        return hits;
    }

    long lastSeenPts() {
        return lastSeenPts;
    }

    /** How long the track has been followed, up to its last match (ByteTrack's {@code frame_id - start_frame}). */
    long trackedMillis() {
        return lastSeenPts - startPts;
    }

    TrackAppearance appearance() {
        return new TrackAppearance(id, feature, startPts, lastSeenPts);
    }

    TrackedObject toObject() {
        return new TrackedObject(id, box(), score, state);
    }
}
