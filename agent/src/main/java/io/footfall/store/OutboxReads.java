package io.footfall.store;

import org.h2.mvstore.Cursor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading records back out of the log, decoded. Stateless; thread-safe. */
final class OutboxReads {
    private OutboxReads() {
    }

    static Optional<OutboxRecord> get(OutboxLog outboxLog, long sequence) {
        byte[] v = outboxLog.read(m -> m.records().get(sequence));
        return v == null ? Optional.empty() : Optional.of(RecordCodec.decode(sequence, v));
    }

    /** Up to {@code max} stored records with sequence in [{@code from}, {@code to}], in order. */
    static List<OutboxRecord> records(OutboxLog outboxLog, long from, long to, int max) {
        return outboxLog.read(m -> {
            List<OutboxRecord> out = new ArrayList<>(Math.min(max, 1024));
            Cursor<Long, byte[]> c = m.records().cursor(Math.max(from, 1));
            while (out.size() < max && c.hasNext()) {
                long seq = c.next();
                if (seq > to) {
                    break;
                }
                out.add(RecordCodec.decode(seq, c.getValue()));
            }
            return out;
        });
    }

    static List<ClipReference> clipReferences(OutboxLog outboxLog) {
        return outboxLog.read(m -> {
            List<ClipReference> out = new ArrayList<>();
            m.clips().forEach((seq, v) -> out.add(ClipReference.decode(seq, v)));
            return out;
        });
    }
}
