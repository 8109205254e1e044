package io.footfall.pipeline;

import com.fasterxml.jackson.databind.ObjectWriter;
import io.footfall.count.CountEvent;
import io.footfall.schema.Json;
import io.footfall.schema.WireEvent;
import io.footfall.store.Outbox;

import java.io.IOException;
import java.util.List;

/**
 * Appends every event, aggregate and clip reference to the durable outbox as its {@link WireEvent}
 * JSON, kind = the event's {@code type}, id = its deterministic id. One {@code flush} per batch: when
 * {@link #accept} returns, the batch is on disk (fsynced) whatever the outbox's commit policy.
 * Thread-safe (the outbox is).
 */
public final class OutboxSink implements EventSink {
    /** Kind of the records that reference annotated clips (the outbox's own clip kind). */
    public static final String CLIP = "clip";

    private final Outbox outbox;
    private final ObjectWriter json = Json.mapper().writerFor(WireEvent.class);
    private final ObjectWriter clipJson = Json.mapper().writerFor(ClipRecord.class);

    /** The wire form of a clip reference. */
    public record ClipRecord(int schema, String id, String type, String device, String camera, String start, String end,
                             long frames, long bytes, String file) {
    }

    public OutboxSink(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void accept(List<CountEvent> events) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        for (CountEvent e : events) {
            WireEvent w = WireEvent.of(e);
            outbox.append(w.type(), w.id(), e.at().toEpochMilli(), json.writeValueAsBytes(w));
        }
        outbox.flush();
    }

    @Override
    public void clipFinished(ClipRef c) throws IOException {
        ClipRecord r = new ClipRecord(WireEvent.SCHEMA_VERSION, c.id(), CLIP, c.deviceId(), c.cameraId(), c.start().toString(),
                c.end().toString(), c.frames(), c.bytes(), c.file().toAbsolutePath().toString());
        outbox.appendClip(c.id(), c.file(), c.bytes(), clipJson.writeValueAsBytes(r));
        outbox.flush();
    }

    @Override
    public void close() {
        // The outbox belongs to whoever opened it.
    }
}
