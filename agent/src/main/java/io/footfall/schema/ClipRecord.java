package io.footfall.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A finished annotated clip on the device: {@code file} is its absolute path there; {@code at} equals {@code start}. */
@JsonPropertyOrder({"schema", "id", "type", "store", "device", "camera", "at", "start", "end", "frames", "bytes", "file"})
public record ClipRecord(int schema, String id, String store, String device, String camera, String at, String start, String end,
                         long frames, long bytes, String file) implements WireRecord {
    public static final String TYPE = "clip";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
