package io.footfall.detect;

/** Nanoseconds spent in each stage of one inference, for benchmarks and the progress line. */
public record StageTimes(long preprocessNanos, long inferNanos, long decodeNanos) {
    public static final StageTimes ZERO = new StageTimes(0, 0, 0);

    /** Both inferences' times, stage by stage (a tiled frame runs the model several times). */
    public StageTimes plus(StageTimes o) {
        return new StageTimes(preprocessNanos + o.preprocessNanos, inferNanos + o.inferNanos, decodeNanos + o.decodeNanos);
    }

    public StageTimes withDecode(long nanos) {
        return new StageTimes(preprocessNanos, inferNanos, nanos);
    }
}
