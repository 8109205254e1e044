package io.footfall.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A visit to a zone ended; {@code reason} is {@code left} or {@code track-ended}. */
@JsonPropertyOrder({"schema", "id", "type", "store", "device", "camera", "at", "zone", "trackId", "frame", "ptsMillis",
        "dwellMillis", "reason"})
public record ZoneExitRecord(int schema, String id, String store, String device, String camera, String at, String zone,
                             long trackId, long frame, long ptsMillis, long dwellMillis, String reason) implements WireRecord {
    public static final String TYPE = "zone-exit";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
