package io.footfall.cloud.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** A direct method's answer: an HTTP-style status and a JSON payload. */
public record MethodReply(int status, JsonNode payload) {

    public static MethodReply ok(JsonNode payload) {
        return new MethodReply(200, payload);
    }

    /** An error reply: {@code {"error": message}}. */
    public static MethodReply error(int status, String message) {
        return new MethodReply(status, JsonNodeFactory.instance.objectNode().put("error", message));
    }
}
