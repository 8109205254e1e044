package io.footfall.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A person crossed a counting line: final once written (the cancel window has passed). */
@JsonPropertyOrder({"schema", "id", "type", "store", "device", "camera", "at", "line", "direction", "trackId", "frame", "ptsMillis"})
public record CrossingRecord(int schema, String id, String store, String device, String camera, String at, String line,
                             String direction, long trackId, long frame, long ptsMillis) implements WireRecord {
    public static final String TYPE = "crossing";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
