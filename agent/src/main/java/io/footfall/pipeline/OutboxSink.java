package io.footfall.pipeline;

import io.footfall.schema.ClipRecord;
import io.footfall.schema.WireCodec;
import io.footfall.schema.WireRecord;
import io.footfall.store.Outbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Appends every record to the durable outbox as its wire JSON, kind = its {@code type}, id = its deterministic id;
 * clip records also register their file, so retention can delete it. One {@code flush} per batch: when
 * {@link #accept} returns, the batch is on disk (fsynced) whatever the outbox's commit policy. Thread-safe (the
 * outbox is).
 */
public final class OutboxSink implements EventSink {
    private final Outbox outbox;

    public OutboxSink(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void accept(List<WireRecord> records) throws IOException {
        if (records.isEmpty()) {
            return;
        }
        for (WireRecord r : records) {
            byte[] payload = WireCodec.encode(r);
            if (r instanceof ClipRecord c) {
                outbox.appendClip(c.id(), Path.of(c.file()), c.bytes(), payload);
            } else {
                outbox.append(r.type(), r.id(), r.atInstant().toEpochMilli(), payload);
            }
        }
        outbox.flush();
    }

    @Override
    public void close() {
        // The outbox belongs to whoever opened it.
    }
}
