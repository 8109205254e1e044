package io.footfall.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A camera went {@code offline} or came back {@code online} at {@code at}; {@code reason} says why (redacted: never a
 * source URL). Analysts use these to tell missing counts from zero counts.
 */
@JsonPropertyOrder({"schema", "id", "type", "store", "device", "camera", "at", "state", "reason"})
public record CameraStateRecord(int schema, String id, String store, String device, String camera, String at, String state,
                                String reason) implements WireRecord {
    public static final String TYPE = "camera-state";
    public static final String OFFLINE = "offline";
    public static final String ONLINE = "online";

    @Override
    @JsonProperty("type")
    public String type() {
        return TYPE;
    }
}
