package io.footfall.detect;

/** Nanoseconds spent in each stage of one inference, for benchmarks and the progress line. */
public record StageTimes(long preprocessNanos, long inferNanos, long decodeNanos) {
    public static final StageTimes ZERO = new StageTimes(0, 0, 0);

    public StageTimes withDecode(long nanos) {
        return new StageTimes(preprocessNanos, inferNanos, nanos);
    }
}
