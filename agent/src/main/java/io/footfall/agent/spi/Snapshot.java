package io.footfall.agent.spi;

import java.time.Instant;

/** One camera's latest annotated frame, JPEG-encoded, anonymised by the camera's privacy policy. */
public record Snapshot(String cameraId, Instant at, long frame, byte[] jpeg) {
}
