package io.footfall.edge;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.BadInputException;

import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * IoT Hub's rules for a twin's desired properties, checked before a manifest is written so that a
 * deployment is not rejected by the hub: keys without {@code .}, {@code $}, spaces or control
 * characters and at most 1 KB, nesting at most {@value #MAX_DEPTH} deep, integers within the hub's
 * range, and the document at most {@value #MAX_BYTES} bytes (counted as compact UTF-8 JSON, which is
 * larger than the hub's own count, so this errs on the safe side). Stateless.
 */
public final class TwinLimits {
    public static final int MAX_DEPTH = 10;
    public static final int MAX_BYTES = 32 * 1024;
    private static final long MIN_INT = -4_503_599_627_370_496L;
    private static final long MAX_INT = 4_503_599_627_370_495L;

    private TwinLimits() {
    }

    /** @throws BadInputException naming the first offending path and the rule: the configuration is the user's to fix */
    public static void check(JsonNode desired, String what) {
        walk(desired, what, "", 1);
        int bytes = desired.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new BadInputException(what + " is " + bytes + " bytes; a twin's desired properties hold at most "
                    + MAX_BYTES);
        }
    }

    private static void walk(JsonNode n, String what, String path, int depth) {
        if (n.isContainerNode() && depth > MAX_DEPTH) {
            throw new BadInputException(what + " at " + path + ": nested deeper than " + MAX_DEPTH + " levels");
        }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                String at = path.isEmpty() ? key : path + "." + key;
                if (key.isEmpty() || key.length() > 1024 || key.chars().anyMatch(c -> c == '.' || c == '$' || c == ' '
                        || Character.isISOControl(c))) {
                    throw new BadInputException(what + " at " + at + ": a twin key must be 1..1024 characters "
                            + "without '.', '$', spaces or control characters");
                }
                walk(e.getValue(), what, at, depth + 1);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), what, path + "[" + i + "]", depth + 1);
            }
        } else if (n.isIntegralNumber() && (!n.canConvertToLong() || n.asLong() < MIN_INT || n.asLong() > MAX_INT)) {
            throw new BadInputException(what + " at " + path + ": integer " + n + " is outside the twin's range "
                    + MIN_INT + ".." + MAX_INT);
        }
    }
}
