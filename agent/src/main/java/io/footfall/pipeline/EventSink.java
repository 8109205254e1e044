package io.footfall.pipeline;

import io.footfall.count.CountEvent;

import java.io.IOException;
import java.util.List;

/** Where a camera's events and aggregates go (JSON-lines files, the outbox). Called from one thread. */
public interface EventSink extends AutoCloseable {

    void accept(List<CountEvent> events) throws IOException;

    /** A finished annotated clip, for sinks that keep clip references. */
    default void clipFinished(ClipRef clip) throws IOException {
    }

    @Override
    void close() throws IOException;
}
