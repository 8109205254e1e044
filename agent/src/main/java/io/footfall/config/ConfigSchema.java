package io.footfall.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The published JSON Schema of the configuration ({@code footfall-config.schema.json}, draft 2020-12): the one
 * statement of its shape — keys, types, bounds, enumerations — that the config file, the twin's desired properties
 * and editors share. {@link ConfigLoader} validates every document with it before binding. Immutable; thread-safe.
 */
public final class ConfigSchema {
    /** Class-path location of the schema; {@code footfall config schema} prints it. */
    public static final String RESOURCE = "/io/footfall/config/footfall-config.schema.json";

    private static final JsonSchema SCHEMA = load();

    private ConfigSchema() {
    }

    private static JsonSchema load() {
        try (InputStream in = ConfigSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the configuration schema " + RESOURCE + " is missing from the class path");
            }
            SchemaValidatorsConfig cfg = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, cfg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the configuration schema", e);
        }
    }

    /** The schema document itself. */
    public static JsonNode document() {
        return SCHEMA.getSchemaNode();
    }

    /**
     * @throws ConfigException naming the first offending field (in document order) and what was expected; the
     *                         message lists how many other problems there are
     */
    public static void validate(JsonNode document, String origin) {
        Set<ValidationMessage> errors = SCHEMA.validate(document);
        if (errors.isEmpty()) {
            return;
        }
        List<ValidationMessage> sorted = errors.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
                        .thenComparing(ValidationMessage::getMessage))
                .toList();
        ValidationMessage first = sorted.get(0);
        String more = sorted.size() > 1 ? " (and " + (sorted.size() - 1) + " more problem" + (sorted.size() > 2 ? "s" : "") + ")" : "";
        throw new ConfigException(origin + ": config field " + field(first) + ": " + explain(first) + more);
    }

    /** {@code /cameras/0/lines/1/points} → {@code cameras[0].lines[1].points}; an unknown or missing key is named itself. */
    static String field(ValidationMessage m) {
        StringBuilder at = new StringBuilder();
        for (String part : m.getInstanceLocation().toString().split("/")) {
            if (part.isEmpty() || part.equals("$")) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                at.append('[').append(part).append(']');
            } else {
                at.append(at.length() == 0 ? "" : ".").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        if (("additionalProperties".equals(m.getType()) || "required".equals(m.getType())) && m.getProperty() != null) {
            at.append(at.length() == 0 ? "" : ".").append(m.getProperty());
        }
        return at.length() == 0 ? "(top level)" : at.toString();
    }

    static String explain(ValidationMessage m) {
        Object[] args = m.getArguments() == null ? new Object[0] : m.getArguments();
        String found = m.getInstanceNode() == null ? "" : ", found " + m.getInstanceNode();
        return switch (m.getType()) {
            case "additionalProperties" -> "is not a known setting; see the schema (footfall config schema)";
            case "required" -> "is missing; it is required";
            case "type" -> "expected " + typeName(args.length > 1 ? String.valueOf(args[1]) : "another type") + found;
            case "enum" -> "expected one of " + (args.length > 0 ? args[0] : "the allowed values") + found;
            case "minimum" -> "expected a number at least " + (args.length > 0 ? args[0] : "the minimum") + found;
            case "exclusiveMinimum" -> "expected a number above " + (args.length > 0 ? args[0] : "the minimum") + found;
            case "maximum" -> "expected a number at most " + (args.length > 0 ? args[0] : "the maximum") + found;
            case "exclusiveMaximum" -> "expected a number below " + (args.length > 0 ? args[0] : "the maximum") + found;
            case "minItems" -> "expected at least " + (args.length > 0 ? args[0] : "more") + " items" + found;
            case "maxItems" -> "expected at most " + (args.length > 0 ? args[0] : "fewer") + " items" + found;
            case "minLength" -> "expected a non-empty string" + found;
            case "pattern" -> "expected a name of 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit" + found;
            case "format" -> "expected an ISO-8601 instant such as 2026-11-25T09:00:00Z" + found;
            case "false" -> "expected exactly two numbers [x, y]";
            default -> {
                String msg = m.getMessage();
                int colon = msg.indexOf(": ");
                yield (colon > 0 ? msg.substring(colon + 2) : msg) + found;
            }
        };
    }

    private static String typeName(String schemaType) {
        return switch (schemaType) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "string" -> "a string";
            case "boolean" -> "true or false";
            case "array" -> "a list";
            case "object" -> "a mapping of settings";
            default -> schemaType;
        };
    }
}
