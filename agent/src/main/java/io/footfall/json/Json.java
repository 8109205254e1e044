package io.footfall.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one JSON configuration every Footfall wire format uses: unknown fields are errors when
 * reading, dates are ISO-8601 strings.
 */
public final class Json {
    private Json() {
    }

    public static ObjectMapper mapper() {
        return configure(new ObjectMapper());
    }

    /** The same configuration over YAML (config files). */
    public static ObjectMapper yamlMapper() {
        return configure(new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()));
    }

    /** For reports people read: the same configuration, indented. */
    public static ObjectMapper prettyMapper() {
        return mapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /**
     * Writes a report people read to {@code file}, indented, making its folder first.
     *
     * @throws java.io.UncheckedIOException naming the file when it cannot be written
     */
    public static void writeReport(java.nio.file.Path file, Object report) {
        try {
            java.nio.file.Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                java.nio.file.Files.createDirectories(parent);
            }
            mapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), report);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file, e);
        }
    }

    private static ObjectMapper configure(ObjectMapper m) {
        return m
                .findAndRegisterModules()
                // Duplicate keys are errors: parsers otherwise keep the last one silently.
                .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    }
}
