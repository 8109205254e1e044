package io.footfall.cloud.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The twin as read: desired properties without {@code $version}/{@code $metadata}, and their version.
 */
public record TwinDocument(ObjectNode desired, long desiredVersion, ObjectNode reported) {
}
