package io.footfall.detect.openvino;

/** OpenVINO's {@code PERFORMANCE_HINT}: what the device tunes its streams and threads for. */
public enum PerformanceHint {
    /** Lowest time per frame, one request at a time (live video). */
    LATENCY,
    /** Most frames per second with several requests in flight (batch or catch-up). */
    THROUGHPUT
}
