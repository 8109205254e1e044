package io.footfall.config;

import io.footfall.count.CountLine;
import io.footfall.count.Zone;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One camera.
 *
 * @param id        names the camera in event ids and file names
 * @param source    video file, image folder, rtsp:// URL, usb:N or sample:NAME (may carry credentials: never log it
 *                  unredacted)
 * @param start     wall-clock time of the source's first frame; for files that have no clock of their own
 *                  (default: when the run starts)
 * @param lines     counting lines, relative coordinates
 * @param zones     zones, relative coordinates
 * @param overrides the camera's own detector threshold, tracker, counting and clip settings, if any
 */
public record CameraConfig(String id, String source, Optional<Instant> start, List<CountLine> lines, List<Zone> zones,
                           CameraOverrides overrides) {
    public CameraConfig {
        lines = List.copyOf(lines);
        zones = List.copyOf(zones);
        Objects.requireNonNull(overrides);
    }

    /** A camera that runs with the global settings. */
    public CameraConfig(String id, String source, Optional<Instant> start, List<CountLine> lines, List<Zone> zones) {
        this(id, source, start, lines, zones, CameraOverrides.NONE);
    }
}
