package io.footfall.pipeline;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A finished annotated clip on local disk.
 *
 * @param id      deterministic: {@code device:camera:clip:<file stem>} ({@link io.footfall.count.RecordIds})
 * @param file    the mp4
 * @param start   wall-clock time of its first frame
 * @param end     wall-clock time of its last frame
 */
public record ClipRef(String id, String deviceId, String cameraId, Path file, Instant start, Instant end, long frames,
                      long bytes) {
}
