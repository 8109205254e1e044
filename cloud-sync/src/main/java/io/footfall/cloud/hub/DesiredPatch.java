package io.footfall.cloud.hub;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A change to desired properties: the changed properties (no {@code $} keys) and the new desired version. */
public record DesiredPatch(long version, ObjectNode patch) {
}
