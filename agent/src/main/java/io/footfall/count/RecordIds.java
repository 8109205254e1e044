package io.footfall.count;

import java.time.Instant;

/**
 * The one place a record's id is shaped: {@code device:camera:kind:...}, deterministic, so a record sent twice is
 * one document downstream.
 *
 * <p>The separator is {@code :} because the id is also the Cosmos DB document id, and Cosmos forbids
 * {@code / \ ? #} in ids; Data Factory's Copy activity copies the id column as is (it cannot rewrite values per
 * row), so an id must be Cosmos-safe when it is made, not when it is loaded. Device, camera, line and zone names
 * are restricted by the config schema to {@code [A-Za-z0-9_.-]}, and ISO instants hold only {@code :-.TZ} and
 * digits, so no part can bring a forbidden character in. Records written before this shape (with {@code /}) are
 * still read everywhere ({@link #belongsTo}). Stateless.
 */
public final class RecordIds {
    public static final char SEPARATOR = ':';
    /** The separator of ids written before 2026-12 (not Cosmos-safe; the direct loader percent-encodes it). */
    static final char LEGACY_SEPARATOR = '/';

    private RecordIds() {
    }

    /** A line-crossing or zone event: {@code device:camera:kind:name:t<track>:<epoch-millis>}. */
    public static String event(String deviceId, String cameraId, String kind, String name, long trackId, long epochMillis) {
        return join(deviceId, cameraId, kind, name, "t" + trackId, Long.toString(epochMillis));
    }

    /**
     * An interval aggregate, {@code device:camera:interval-60s:<start>}, with {@code :from-<instant>} when the record
     * covers only a segment of the interval (the analytics began inside it: a restart, a live reconfiguration, a
     * recovery after a crash), so a segment never takes the id of the segment before it.
     */
    public static String aggregate(String deviceId, String cameraId, long lengthMillis, long startEpochMillis,
                                   long segmentStartEpochMillis) {
        String id = join(deviceId, cameraId, "interval-" + lengthMillis / 1000 + "s",
                Instant.ofEpochMilli(startEpochMillis).toString());
        return segmentStartEpochMillis > startEpochMillis
                ? id + SEPARATOR + "from-" + Instant.ofEpochMilli(segmentStartEpochMillis) : id;
    }

    /** A camera going offline or online: {@code device:camera:camera-state:<state>:<epoch-millis>}. */
    public static String cameraState(String deviceId, String cameraId, String state, long epochMillis) {
        return join(deviceId, cameraId, "camera-state", state, Long.toString(epochMillis));
    }

    /** A finished clip: {@code device:camera:clip:<file stem>}. */
    public static String clip(String deviceId, String cameraId, String fileStem) {
        return join(deviceId, cameraId, "clip", fileStem);
    }

    /** Whether {@code id} is one of this camera's records, in the current shape or the legacy one. */
    public static boolean belongsTo(String id, String deviceId, String cameraId) {
        return id.startsWith(deviceId + SEPARATOR + cameraId + SEPARATOR)
                || id.startsWith(deviceId + LEGACY_SEPARATOR + cameraId + LEGACY_SEPARATOR);
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder(96);
        for (String part : parts) {
            if (part.isEmpty() || part.chars().anyMatch(c -> c == '/' || c == '\\' || c == '?' || c == '#')) {
                throw new IllegalArgumentException("record id part '" + part
                        + "': expected a non-empty name without / \\ ? # (the id is a Cosmos DB document id)");
            }
            if (b.length() > 0) {
                b.append(SEPARATOR);
            }
            b.append(part);
        }
        return b.toString();
    }
}
