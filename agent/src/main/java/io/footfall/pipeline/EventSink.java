package io.footfall.pipeline;

import io.footfall.schema.WireRecord;

import java.io.IOException;
import java.util.List;

/**
 * Where a camera's records go (the durable outbox, the JSON-lines files). Implementations state their thread
 * safety; cameras share one sink.
 */
public interface EventSink extends AutoCloseable {

    /** One batch, in order: when this returns, the batch is as durable as the sink makes it. */
    void accept(List<WireRecord> records) throws IOException;

    @Override
    void close() throws IOException;
}
