package io.footfall.pipeline;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.footfall.count.CountEvent;
import io.footfall.schema.Json;
import io.footfall.schema.WireEvent;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends events to {@code events.jsonl} and interval aggregates to {@code aggregates.jsonl} in a data
 * folder, one {@link WireEvent} per line, flushed after each batch so a reader (or a crash) sees whole
 * lines. Thread-safe: cameras may share one sink.
 */
public final class JsonLinesSink implements EventSink {
    public static final String EVENTS = "events.jsonl";
    public static final String AGGREGATES = "aggregates.jsonl";

    private final BufferedWriter events;
    private final BufferedWriter aggregates;
    private final ObjectWriter json = Json.mapper().writerFor(WireEvent.class);

    public JsonLinesSink(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        events = open(dataDir.resolve(EVENTS));
        aggregates = open(dataDir.resolve(AGGREGATES));
    }

    private static BufferedWriter open(Path p) throws IOException {
        return Files.newBufferedWriter(p, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void accept(List<CountEvent> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        for (CountEvent e : batch) {
            WireEvent w = WireEvent.of(e);
            BufferedWriter out = w.isAggregate() ? aggregates : events;
            out.write(json.writeValueAsString(w));
            out.write('\n');
        }
        events.flush();
        aggregates.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        try (events; aggregates) {
            events.flush();
            aggregates.flush();
        }
    }
}
