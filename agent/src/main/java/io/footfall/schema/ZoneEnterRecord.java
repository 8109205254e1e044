package io.footfall.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A visit to a zone began. */
@JsonPropertyOrder({"schema", "id", "type", "store", "device", "camera", "at", "zone", "trackId", "frame", "ptsMillis"})
public record ZoneEnterRecord(int schema, String id, String store, String device, String camera, String at, String zone,
                              long trackId, long frame, long ptsMillis) implements WireRecord {
    public static final String TYPE = "zone-enter";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
