package io.footfall.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A crossing withdrawn because the track crossed back within the cancel window; the crossing was never written. */
@JsonPropertyOrder({"schema", "id", "type", "store", "device", "camera", "at", "line", "direction", "trackId", "frame", "ptsMillis",
        "crossedPtsMillis"})
public record CrossingCancelledRecord(int schema, String id, String store, String device, String camera, String at, String line,
                                      String direction, long trackId, long frame, long ptsMillis, long crossedPtsMillis)
        implements WireRecord {
    public static final String TYPE = "crossing-cancelled";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
