package io.footfall.cloud.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.store.OutboxRecord;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reading the uploaders need from a record's wire JSON, where a payload that is not what the agent writes is a
 * {@link MalformedRecordException} (skip it) rather than an exception that looks worth retrying. Stateless.
 */
final class WireJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireJson() {
    }

    static JsonNode object(OutboxRecord r) {
        try {
            JsonNode n = JSON.readTree(r.payload());
            if (n == null || !n.isObject()) {
                throw new MalformedRecordException("payload is not a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new MalformedRecordException("payload is not JSON");
        }
    }

    /** The instant in {@code field}, or {@code absent} when the record has none. */
    static Instant instant(JsonNode n, String field, Instant absent) {
        if (!n.hasNonNull(field)) {
            return absent;
        }
        try {
            return Instant.parse(n.get(field).asText());
        } catch (DateTimeParseException e) {
            throw new MalformedRecordException(field + " is not an ISO-8601 instant: " + n.get(field).asText());
        }
    }
}
