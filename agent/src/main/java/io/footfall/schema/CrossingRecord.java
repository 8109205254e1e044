package io.footfall.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A person crossed a counting line: final once written (the cancel window has passed). {@code staff} is present only
 * when a staff gallery is enrolled: whether the person was recognised as staff.
 */
@JsonPropertyOrder({"schema", "id", "type", "store", "device", "camera", "at", "line", "direction", "trackId", "frame", "ptsMillis",
        "staff"})
public record CrossingRecord(int schema, String id, String store, String device, String camera, String at, String line,
                             String direction, long trackId, long frame, long ptsMillis,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Boolean staff) implements WireRecord {
    public static final String TYPE = "crossing";

    /** Without a staff gallery: {@code staff} absent. */
    public CrossingRecord(int schema, String id, String store, String device, String camera, String at, String line,
                          String direction, long trackId, long frame, long ptsMillis) {
        this(schema, id, store, device, camera, at, line, direction, trackId, frame, ptsMillis, null);
    }

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
