package io.footfall.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/** A JSON-lines file a running agent is still writing ({@code events.jsonl}), read as far as it is complete. */
public final class JsonLines {
    private JsonLines() {
    }

    /** Every complete line, parsed; nothing when the file does not exist yet; a line being written is left out. */
    public static List<JsonNode> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try (Stream<String> s = Files.lines(file)) {
            return s.filter(l -> !l.isBlank()).map(l -> {
                try {
                    return Json.mapper().readTree(l);
                } catch (IOException e) {
                    return null; // a line being written
                }
            }).filter(Objects::nonNull).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
