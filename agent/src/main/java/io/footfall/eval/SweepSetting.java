package io.footfall.eval;

import io.footfall.track.TrackerConfig;

import java.util.Locale;
import java.util.Optional;

/**
 * One combination of thresholds a sweep tries: the detector's and the tracker's. Immutable.
 *
 * @param minScore       the camera's detector threshold; empty to keep the configuration's rule (its
 *                       {@code detector.minScore}, else the tracker's {@code lowThresh})
 * @param highThresh     tracker {@code trackThresh}: boxes scoring at least this are "high"
 * @param lowThresh      tracker {@code lowThresh}: boxes in {@code [lowThresh, highThresh)} only extend tracks
 * @param newTrackThresh tracker {@code newTrackThresh}: an unmatched high box starts a track from this score
 * @param matchThresh    tracker {@code matchThresh}: the first association's cost limit
 */
public record SweepSetting(Optional<Float> minScore, float highThresh, float lowThresh, float newTrackThresh,
                           float matchThresh) {

    /** The tracker with these thresholds and {@code base}'s other settings; throws when they contradict each other. */
    public TrackerConfig tracker(TrackerConfig base) {
        return new TrackerConfig(highThresh, lowThresh, newTrackThresh, matchThresh, base.lostTimeout(), base.minHits(),
                base.tentativeMaxAge(), base.appearance());
    }

    /** The configuration's own setting for a camera. */
    public static SweepSetting of(Optional<Float> minScore, TrackerConfig t) {
        return new SweepSetting(minScore, t.trackThresh(), t.lowThresh(), t.newTrackThresh(), t.matchThresh());
    }

    /** E.g. {@code minScore=0.2 high=0.5 low=0.1 newTrack=0.6 match=0.8}; an unset minScore shows as "(low)". */
    public String label() {
        return String.format(Locale.ROOT, "minScore=%s high=%s low=%s newTrack=%s match=%s",
                minScore.map(SweepSetting::number).orElse("(low)"), number(highThresh), number(lowThresh),
                number(newTrackThresh), number(matchThresh));
    }

    /** A threshold as a person writes it: 0.5, not 0.5000000. */
    static String number(float v) {
        return new java.math.BigDecimal(Float.toString(v)).stripTrailingZeros().toPlainString();
    }
}
