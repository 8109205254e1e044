package io.footfall.count;

import io.footfall.BadInputException;
import java.time.Duration;
import java.util.Objects;

/**
 * Counting settings of one camera. Immutable; thread-safe.
 *
 * @param anchor         the point of a box that lines and zones test
 * @param lineHysteresis how far past a line, as a fraction of the track's box height, the anchor must be
 *                       before the crossing counts; relative to height so it means the same for a near
 *                       and a far person and at any resolution (0.1 ≈ 17 cm for an adult)
 * @param cancelWindow   a crossing undone by the same track within this time is withdrawn; zero emits
 *                       crossings at once and never cancels
 * @param zoneMinFrames  consecutive frames a track must be seen inside (outside) before it enters (exits)
 * @param interval       length of the aggregate intervals, whole seconds, aligned to the epoch
 * @param closeDelay     an interval is closed this long after its end, for late events (pending crossings,
 *                       visits ended by a lost track); at least {@code cancelWindow}, and best at least
 *                       the tracker's lost timeout. Events later than that count in the current interval
 * @param maxFrameGap    the longest time one frame's occupancy stands for; a longer gap is unobserved
 */
public record AnalyticsConfig(Anchor anchor, double lineHysteresis, Duration cancelWindow, int zoneMinFrames,
                              Duration interval, Duration closeDelay, Duration maxFrameGap) {

    public static final Anchor DEFAULT_ANCHOR = Anchor.BOTTOM_CENTER;
    public static final double DEFAULT_LINE_HYSTERESIS = 0.1;
    public static final Duration DEFAULT_CANCEL_WINDOW = Duration.ofSeconds(2);
    public static final int DEFAULT_ZONE_MIN_FRAMES = 3;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    public static final Duration DEFAULT_CLOSE_DELAY = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_FRAME_GAP = Duration.ofSeconds(2);

    public AnalyticsConfig {
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(cancelWindow, "cancelWindow");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(closeDelay, "closeDelay");
        Objects.requireNonNull(maxFrameGap, "maxFrameGap");
        require(lineHysteresis > 0 && lineHysteresis <= 1,
                "analytics lineHysteresis: expected a fraction of the box height in (0, 1], got " + lineHysteresis);
        require(!cancelWindow.isNegative(),
                "analytics cancelWindow: expected zero or a positive duration, got " + cancelWindow);
        require(zoneMinFrames >= 1, "analytics zoneMinFrames: expected at least 1, got " + zoneMinFrames);
        require(interval.getSeconds() >= 1 && interval.getNano() == 0,
                "analytics interval: expected a whole number of seconds, at least 1, got " + interval);
        require(closeDelay.compareTo(cancelWindow) >= 0,
                "analytics closeDelay: expected at least cancelWindow (" + cancelWindow + "), got " + closeDelay);
        require(maxFrameGap.toMillis() > 0,
                "analytics maxFrameGap: expected a positive duration, got " + maxFrameGap);
    }

    public static AnalyticsConfig defaults() {
        return new AnalyticsConfig(DEFAULT_ANCHOR, DEFAULT_LINE_HYSTERESIS, DEFAULT_CANCEL_WINDOW,
                DEFAULT_ZONE_MIN_FRAMES, DEFAULT_INTERVAL, DEFAULT_CLOSE_DELAY, DEFAULT_MAX_FRAME_GAP);
    }

    public AnalyticsConfig withAnchor(Anchor a) {
        return new AnalyticsConfig(a, lineHysteresis, cancelWindow, zoneMinFrames, interval, closeDelay, maxFrameGap);
    }

    public AnalyticsConfig withLineHysteresis(double h) {
        return new AnalyticsConfig(anchor, h, cancelWindow, zoneMinFrames, interval, closeDelay, maxFrameGap);
    }

    /** Also raises {@code closeDelay} to the window when it was shorter. */
    public AnalyticsConfig withCancelWindow(Duration w) {
        Duration delay = closeDelay.compareTo(w) >= 0 ? closeDelay : w;
        return new AnalyticsConfig(anchor, lineHysteresis, w, zoneMinFrames, interval, delay, maxFrameGap);
    }

    public AnalyticsConfig withZoneMinFrames(int n) {
        return new AnalyticsConfig(anchor, lineHysteresis, cancelWindow, n, interval, closeDelay, maxFrameGap);
    }

    public AnalyticsConfig withInterval(Duration i) {
        return new AnalyticsConfig(anchor, lineHysteresis, cancelWindow, zoneMinFrames, i, closeDelay, maxFrameGap);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new BadInputException(message);
        }
    }
}
