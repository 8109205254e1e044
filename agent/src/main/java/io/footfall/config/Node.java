package io.footfall.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A read-only view of one config object that knows its path ({@code cameras[0].lines[1]}), so every
 * error names the field and the expected form. Strict: unknown keys are errors. Validation never
 * mutates anything or does I/O.
 */
final class Node {
    private final JsonNode json;
    private final String path;

    Node(JsonNode json, String path) {
        this.json = json;
        this.path = path;
    }

    static Node root(JsonNode json, String source) {
        if (json == null || !json.isObject()) {
            throw new ConfigException(source + ": expected a mapping of settings at the top level");
        }
        return new Node(json, "");
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    String path() {
        return path.isEmpty() ? "(top level)" : path;
    }

    ConfigException error(String key, String expected, JsonNode found) {
        return new ConfigException("config field " + path(key) + ": expected " + expected
                + (found == null || found.isMissingNode() ? ", but it is missing" : ", found " + found));
    }

    void allowOnly(Set<String> keys) {
        Iterator<String> names = json.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!keys.contains(k)) {
                throw new ConfigException("config field " + path(k) + " is not a known setting; known here: "
                        + keys.stream().sorted().toList());
            }
        }
    }

    /** A list of strings, each one of {@code allowed}; no duplicates. */
    java.util.Set<String> strings(String key, java.util.Set<String> allowed, java.util.Set<String> fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = json.get(key);
        String expected = "a list of distinct values from " + new java.util.TreeSet<>(allowed);
        if (!v.isArray()) {
            throw error(key, expected, v);
        }
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (JsonNode e : v) {
            if (!e.isTextual() || !allowed.contains(e.asText()) || !out.add(e.asText())) {
                throw error(key, expected, v);
            }
        }
        return out;
    }

    boolean has(String key) {
        return json.has(key) && !json.get(key).isNull();
    }

    String string(String key) {
        JsonNode v = json.get(key);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw error(key, "a non-empty string", v);
        }
        return v.asText();
    }

    String string(String key, String fallback) {
        return has(key) ? string(key) : fallback;
    }

    /** A name used in ids and file names: letters, digits, '-', '_' and '.'. */
    String name(String key) {
        String s = string(key);
        if (!s.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw error(key, "a name of letters, digits, '.', '_' or '-' (at most 64)", json.get(key));
        }
        return s;
    }

    String name(String key, String fallback) {
        return has(key) ? name(key) : fallback;
    }

    <E extends Enum<E>> E oneOf(String key, Class<E> type, E fallback, Function<E, String> idOf) {
        if (!has(key)) {
            return fallback;
        }
        String s = string(key);
        for (E e : type.getEnumConstants()) {
            if (idOf.apply(e).equals(s)) {
                return e;
            }
        }
        throw error(key, "one of " + java.util.Arrays.stream(type.getEnumConstants()).map(idOf).toList(), json.get(key));
    }

    double number(String key, double min, double max, double fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = json.get(key);
        if (!v.isNumber() || v.asDouble() < min || v.asDouble() > max) {
            throw error(key, "a number within " + fmt(min) + ".." + fmt(max), v);
        }
        return v.asDouble();
    }

    int integer(String key, int min, int max, int fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = json.get(key);
        if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < min || v.asInt() > max) {
            throw error(key, "a whole number within " + min + ".." + max, v);
        }
        return v.asInt();
    }

    boolean isBoolean(String key) {
        return has(key) && json.get(key).isBoolean();
    }

    boolean bool(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        JsonNode v = json.get(key);
        if (!v.isBoolean()) {
            throw error(key, "true or false", v);
        }
        return v.asBoolean();
    }

    Duration seconds(String key, double min, double max, Duration fallback) {
        if (!has(key)) {
            return fallback;
        }
        return Duration.ofMillis(Math.round(number(key, min, max, 0) * 1000));
    }

    Optional<Instant> instant(String key) {
        if (!has(key)) {
            return Optional.empty();
        }
        String s = string(key);
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            throw error(key, "an ISO-8601 instant such as 2026-11-25T09:00:00Z", json.get(key));
        }
    }

    Node object(String key) {
        JsonNode v = json.get(key);
        if (v == null || v.isNull()) {
            return new Node(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode(), path(key));
        }
        if (!v.isObject()) {
            throw error(key, "a mapping of settings", v);
        }
        return new Node(v, path(key));
    }

    /** This object's {@code key} section laid over {@code base} (a global section): its keys win, the rest are base's. */
    Node merged(String key, Node base) {
        com.fasterxml.jackson.databind.node.ObjectNode out = ((com.fasterxml.jackson.databind.node.ObjectNode) base.json).deepCopy();
        Node own = object(key);
        out.setAll((com.fasterxml.jackson.databind.node.ObjectNode) own.json);
        return new Node(out, path(key));
    }

    List<Node> objects(String key, boolean required) {
        JsonNode v = json.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw error(key, "a list", v);
            }
            return List.of();
        }
        if (!v.isArray()) {
            throw error(key, "a list", v);
        }
        List<Node> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                throw new ConfigException("config field " + path(key) + "[" + i + "]: expected a mapping, found " + v.get(i));
            }
            out.add(new Node(v.get(i), path(key) + "[" + i + "]"));
        }
        return out;
    }

    /** A list of [x, y] points in relative 0..1 coordinates. */
    List<io.footfall.geometry.Point> points(String key, int minCount, int maxCount) {
        JsonNode v = json.get(key);
        String expected = (minCount == maxCount ? Integer.toString(minCount) : "at least " + minCount)
                + " [x, y] points with x and y in 0..1";
        if (v == null || !v.isArray() || v.size() < minCount || v.size() > maxCount) {
            throw error(key, expected, v);
        }
        List<io.footfall.geometry.Point> out = new ArrayList<>();
        for (JsonNode p : v) {
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()
                    || p.get(0).asDouble() < 0 || p.get(0).asDouble() > 1 || p.get(1).asDouble() < 0 || p.get(1).asDouble() > 1) {
                throw error(key, expected, v);
            }
            out.add(new io.footfall.geometry.Point(p.get(0).asDouble(), p.get(1).asDouble()));
        }
        return out;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
