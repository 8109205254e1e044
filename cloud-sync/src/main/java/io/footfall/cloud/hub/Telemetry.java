package io.footfall.cloud.hub;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One device-to-cloud message: a UTF-8 JSON body with its content type and encoding set (IoT Hub routes on the body
 * only then), an id the receiver can deduplicate on, and application properties for routing.
 *
 * @param output the IoT Edge output ({@code counts}, {@code events}) routes select with
 *               {@code FROM /messages/modules/<m>/outputs/<o>}; ignored by a device identity
 */
public record Telemetry(String messageId, Optional<String> output, byte[] body, Map<String, String> properties,
                        Instant created) {
    /** IoT Hub's limit for one message, body and properties together. */
    public static final int MAX_BYTES = 256 * 1024;

    public Telemetry {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(body, "body");
        properties = Map.copyOf(properties);
    }

    /** Bytes IoT Hub counts against the 256 KB limit: body plus property names and values. */
    public int size() {
        int n = body.length;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            n += e.getKey().length() + e.getValue().length();
        }
        return n;
    }
}
