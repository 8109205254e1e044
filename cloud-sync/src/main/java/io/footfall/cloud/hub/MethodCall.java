package io.footfall.cloud.hub;

import com.fasterxml.jackson.databind.JsonNode;

/** A direct method invocation; {@code payload} is JSON null when the caller sent none. */
public record MethodCall(String name, JsonNode payload) {
}
