package io.footfall.pipeline;

import io.footfall.schema.WireRecord;

import java.io.IOException;
import java.util.List;

/** Sends every batch to several sinks in order: the durable outbox first, then the readable files. Thread-safe when they are. */
public final class Sinks implements EventSink {
    private final List<EventSink> sinks;

    public Sinks(List<EventSink> sinks) {
        this.sinks = List.copyOf(sinks);
    }

    @Override
    public void accept(List<WireRecord> records) throws IOException {
        for (EventSink s : sinks) {
            s.accept(records);
        }
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (EventSink s : sinks) {
            try {
                s.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
