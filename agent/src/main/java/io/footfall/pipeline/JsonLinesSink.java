package io.footfall.pipeline;

import io.footfall.schema.AggregateRecord;
import io.footfall.schema.ClipRecord;
import io.footfall.schema.WireCodec;
import io.footfall.schema.WireRecord;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends events to {@code events.jsonl} and interval aggregates to {@code aggregates.jsonl} in a data folder,
 * one wire record per line, flushed after each batch so a reader (or a crash) sees whole lines. Clip records are
 * the outbox's only (the clips themselves are under {@code clips/}). Thread-safe: cameras share one sink.
 */
public final class JsonLinesSink implements EventSink {
    public static final String EVENTS = "events.jsonl";
    public static final String AGGREGATES = "aggregates.jsonl";

    private final BufferedWriter events;
    private final BufferedWriter aggregates;

    public JsonLinesSink(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        events = open(dataDir.resolve(EVENTS));
        aggregates = open(dataDir.resolve(AGGREGATES));
    }

    private static BufferedWriter open(Path p) throws IOException {
        return Files.newBufferedWriter(p, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void accept(List<WireRecord> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        for (WireRecord r : batch) {
            if (r instanceof ClipRecord) {
                continue;
            }
            BufferedWriter out = r instanceof AggregateRecord ? aggregates : events;
            out.write(WireCodec.line(r));
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
