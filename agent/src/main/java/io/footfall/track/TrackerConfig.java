package io.footfall.track;

import io.footfall.BadInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * Tracker settings. Times are durations, not frame counts, so a track lives as long at 5 fps as at 30 fps.
 * Immutable; thread-safe.
 *
 * @param trackThresh     detections scoring at least this are "high" (first association, new tracks)
 * @param lowThresh       detections in {@code [lowThresh, trackThresh)} are "low": they only extend
 *                        existing confirmed tracks (ByteTrack's second association)
 * @param newTrackThresh  a high detection left unmatched starts a track only when scoring at least this
 *                        (ByteTrack's {@code det_thresh = track_thresh + 0.1})
 * @param matchThresh     maximum fused cost {@code 1 - iou·score} of a first-association pair
 * @param lostTimeout     a confirmed track unmatched for longer than this is removed
 * @param minHits         matched frames (including the first) before a track is confirmed and gets an id;
 *                        tracks of the tracker's very first frame are confirmed at once
 * @param tentativeMaxAge a tentative track unmatched for longer than this is dropped; zero drops it on
 *                        its first miss, as ByteTrack does, so the hits are consecutive
 * @param appearance      re-identification in the association ({@link AppearanceConfig#off()} by default)
 */
public record TrackerConfig(float trackThresh, float lowThresh, float newTrackThresh, float matchThresh,
                            Duration lostTimeout, int minHits, Duration tentativeMaxAge, AppearanceConfig appearance) {

    public static final float DEFAULT_TRACK_THRESH = 0.5f;
    public static final float DEFAULT_LOW_THRESH = 0.1f;
    public static final float DEFAULT_NEW_TRACK_THRESH = 0.6f;
    public static final float DEFAULT_MATCH_THRESH = 0.8f;
    public static final Duration DEFAULT_LOST_TIMEOUT = Duration.ofMillis(1500);
    public static final int DEFAULT_MIN_HITS = 2;
    public static final Duration DEFAULT_TENTATIVE_MAX_AGE = Duration.ZERO;

    public TrackerConfig {
        Objects.requireNonNull(lostTimeout, "lostTimeout");
        Objects.requireNonNull(tentativeMaxAge, "tentativeMaxAge");
        Objects.requireNonNull(appearance, "appearance");
        require(lowThresh >= 0 && lowThresh < trackThresh && trackThresh <= 1,
                "tracker thresholds: expected 0 <= lowThresh < trackThresh <= 1, got lowThresh=" + lowThresh
                        + " trackThresh=" + trackThresh);
        require(newTrackThresh >= trackThresh && newTrackThresh <= 1,
                "tracker newTrackThresh: expected trackThresh <= newTrackThresh <= 1, got " + newTrackThresh);
        require(matchThresh > 0 && matchThresh <= 1,
                "tracker matchThresh: expected a value in (0, 1], got " + matchThresh);
        require(!lostTimeout.isNegative() && !lostTimeout.isZero(),
                "tracker lostTimeout: expected a positive duration, got " + lostTimeout);
        require(minHits >= 1, "tracker minHits: expected at least 1, got " + minHits);
        require(!tentativeMaxAge.isNegative(),
                "tracker tentativeMaxAge: expected zero or a positive duration, got " + tentativeMaxAge);
    }

    /** Without appearance: ByteTrack. */
    public TrackerConfig(float trackThresh, float lowThresh, float newTrackThresh, float matchThresh,
                         Duration lostTimeout, int minHits, Duration tentativeMaxAge) {
        this(trackThresh, lowThresh, newTrackThresh, matchThresh, lostTimeout, minHits, tentativeMaxAge,
                AppearanceConfig.off());
    }

    /** ByteTrack's defaults, with a 1.5 s lost timeout and confirmation on the second hit. */
    public static TrackerConfig defaults() {
        return new TrackerConfig(DEFAULT_TRACK_THRESH, DEFAULT_LOW_THRESH, DEFAULT_NEW_TRACK_THRESH,
                DEFAULT_MATCH_THRESH, DEFAULT_LOST_TIMEOUT, DEFAULT_MIN_HITS, DEFAULT_TENTATIVE_MAX_AGE);
    }

    public TrackerConfig withLostTimeout(Duration timeout) {
        return new TrackerConfig(trackThresh, lowThresh, newTrackThresh, matchThresh, timeout, minHits,
                tentativeMaxAge, appearance);
    }

    public TrackerConfig withMinHits(int hits) {
        return new TrackerConfig(trackThresh, lowThresh, newTrackThresh, matchThresh, lostTimeout, hits,
                tentativeMaxAge, appearance);
    }

    public TrackerConfig withTentativeMaxAge(Duration age) {
        return new TrackerConfig(trackThresh, lowThresh, newTrackThresh, matchThresh, lostTimeout, minHits, age,
                appearance);
    }

    public TrackerConfig withAppearance(AppearanceConfig a) {
        return new TrackerConfig(trackThresh, lowThresh, newTrackThresh, matchThresh, lostTimeout, minHits,
                tentativeMaxAge, a);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new BadInputException(message);
        }
    }
}
