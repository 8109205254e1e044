package io.footfall.config;

import io.footfall.count.CountLine;
import io.footfall.count.Zone;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One camera.
 *
 * @param id      names the camera in event ids and file names
 * @param source  video file, image folder, rtsp:// URL, usb:N or sample:NAME
 * @param start   wall-clock time of the source's first frame; for files that have no clock of their own
 *                (default: when the run starts)
 * @param lines   counting lines, relative coordinates
 * @param zones   zones, relative coordinates
 * @param privacy this camera's own privacy policy (the global one with this camera's settings on top);
 *                empty: the global one
 */
public record CameraConfig(String id, String source, Optional<Instant> start, List<CountLine> lines, List<Zone> zones,
                           Optional<PrivacyPolicy> privacy) {
    public CameraConfig {
        lines = List.copyOf(lines);
        zones = List.copyOf(zones);
        java.util.Objects.requireNonNull(privacy, "privacy");
    }

    /** A camera that follows the global privacy policy. */
    public CameraConfig(String id, String source, Optional<Instant> start, List<CountLine> lines, List<Zone> zones) {
        this(id, source, start, lines, zones, Optional.empty());
    }
}
