package io.footfall.pipeline;

/**
 * Which frames of a camera are analysed when it runs faster than the analysis needs: a 25 frames/s camera analysed at
 * 10 frames/s leaves CPU for more cameras, and a person crossing a doorway is still seen in several frames. Decided by
 * each frame's timestamp, not by arrival, so a file gives the same frames every run.
 *
 * <p>Not thread-safe: the decoder thread asks.
 */
final class AnalysisRate {
    /** Every frame. */
    static final AnalysisRate ALL = new AnalysisRate(0);

    private final double periodMillis;
    private double nextDue = Double.NEGATIVE_INFINITY;

    /** @param framesPerSecond frames analysed per second at most; 0 for every frame */
    AnalysisRate(double framesPerSecond) {
        if (framesPerSecond < 0 || Double.isNaN(framesPerSecond)) {
            throw new IllegalArgumentException("analysis rate must be 0 (every frame) or positive, got " + framesPerSecond);
        }
        this.periodMillis = framesPerSecond == 0 ? 0 : 1000.0 / framesPerSecond;
    }

    static AnalysisRate of(java.util.Optional<Double> framesPerSecond) {
        return framesPerSecond.map(AnalysisRate::new).orElse(ALL);
    }

    /** Whether the frame at this timestamp is analysed. */
    boolean due(long ptsMillis) {
        if (periodMillis == 0) {
            return true;
        }
        // Half a millisecond of slack: 25 frames/s timestamps are rounded to 40 ms steps, 30 frames/s to 33/34.
        if (ptsMillis + 0.5 < nextDue) {
            return false;
        }
        // Steps from the previous due time, not from this frame, so 10 of 25 frames/s alternate 2 and 3 frames apart
        // instead of settling on every 3rd (8.3 frames/s); after a gap (a reconnect) it starts again from this frame.
        nextDue = ptsMillis >= nextDue + periodMillis ? ptsMillis + periodMillis : nextDue + periodMillis;
        return true;
    }
}
