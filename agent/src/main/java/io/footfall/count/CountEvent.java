package io.footfall.count;

import java.time.Instant;

/**
 * Something the analytics of one camera report. Every event has a deterministic {@link #id()} built from
 * device, camera, kind, name, track and wall-clock time, so writing the same event twice (a replay, a
 * retry) is idempotent downstream.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface CountEvent
        permits LineCrossing, CrossingCancelled, ZoneEntered, ZoneExited, IntervalAggregate {

    /** Deterministic, unique per device: {@code device/camera/kind/...}. */
    String id();

    String deviceId();

    String cameraId();

    /** The wall-clock instant the event is about. */
    Instant at();
}
