package io.footfall.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * YAML 1.1 reads an unquoted {@code off} as the boolean false. Where the schema's only sensible reading of false is
 * the mode {@code "off"} ({@code clips.mode}, a camera's {@code clips.mode}), take it as such: it is what the user
 * wrote. Returns a copy; the input is not changed.
 */
final class YamlScalars {
    private YamlScalars() {
    }

    static JsonNode offAsString(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            return tree;
        }
        ObjectNode copy = ((ObjectNode) tree).deepCopy();
        fixMode(copy.get("clips"));
        JsonNode cams = copy.get("cameras");
        if (cams != null && cams.isArray()) {
            cams.forEach(c -> {
                if (c.isObject()) {
                    fixMode(c.get("clips"));
                }
            });
        }
        return copy;
    }

    private static void fixMode(JsonNode section) {
        if (section instanceof ObjectNode o && o.has("mode") && o.get("mode").isBoolean() && !o.get("mode").asBoolean()) {
            o.put("mode", "off");
        }
    }
}
