package io.footfall.count;

import java.time.Instant;

/**
 * The id of an interval aggregate, {@code device/camera/interval-60s/<start>}, with {@code /from-<instant>} when the
 * record covers only a segment of the interval (the analytics began inside it: a restart, a live reconfiguration, a
 * recovery after a crash), so a segment never takes the id of the segment before it. The one place the shape is
 * written; stateless.
 */
public final class AggregateIds {
    private AggregateIds() {
    }

    public static String of(String deviceId, String cameraId, long lengthMillis, long startEpochMillis, long segmentStartEpochMillis) {
        String id = String.join("/", deviceId, cameraId, "interval-" + lengthMillis / 1000 + "s",
                Instant.ofEpochMilli(startEpochMillis).toString());
        return segmentStartEpochMillis > startEpochMillis ? id + "/from-" + Instant.ofEpochMilli(segmentStartEpochMillis) : id;
    }
}
