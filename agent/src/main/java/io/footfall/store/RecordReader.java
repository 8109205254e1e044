package io.footfall.store;

import org.h2.mvstore.Cursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reads records back out of the log, decoded and checked. A record whose checksum fails is skipped, never handed
 * out changed: it is logged, and recorded as a {@link DataLoss} of its one sequence (persisted by a writable outbox,
 * kept in memory by a read-only one). Thread-safe.
 */
final class RecordReader {
    private static final Logger log = LoggerFactory.getLogger(RecordReader.class);

    private final OutboxLog outboxLog;
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();
    private final List<DataLoss> unpersisted = new CopyOnWriteArrayList<>();

    RecordReader(OutboxLog outboxLog) {
        this.outboxLog = outboxLog;
    }

    Optional<OutboxRecord> get(long sequence) {
        List<OutboxRecord> one = records(sequence, sequence, 1);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    /** Up to {@code max} stored, undamaged records with sequence in [{@code from}, {@code to}], in order. */
    List<OutboxRecord> records(long from, long to, int max) {
        List<Long> damaged = new ArrayList<>();
        List<OutboxRecord> out = outboxLog.read(m -> {
            damaged.clear(); // a read retried after a reopen starts over
            List<OutboxRecord> page = new ArrayList<>(Math.min(max, 1024));
            Cursor<Long, byte[]> c = m.records().cursor(Math.max(from, 1));
            while (page.size() < max && c.hasNext()) {
                long seq = c.next();
                if (seq > to) {
                    break;
                }
                try {
                    page.add(RecordCodec.decode(seq, c.getValue()));
                } catch (RecordCodec.DamagedRecordException e) {
                    damaged.add(seq);
                }
            }
            return page;
        });
        damaged.forEach(this::damaged);
        return out;
    }

    List<ClipReference> clipReferences() {
        return outboxLog.read(m -> {
            List<ClipReference> out = new ArrayList<>();
            m.clips().forEach((seq, v) -> out.add(ClipReference.decode(seq, v)));
            return out;
        });
    }

    /** Damaged records this reader has come across. */
    long damagedFound() {
        return reported.size();
    }

    /** Losses found by this reader that are not in the store (read-only outbox, or a failed write). */
    List<DataLoss> unpersistedLosses() {
        return List.copyOf(unpersisted);
    }

    private void damaged(long seq) {
        if (!reported.add(seq) || alreadyRecorded(seq)) {
            return;
        }
        boolean writable = !outboxLog.config().readOnly();
        DataLoss loss = new DataLoss(seq, seq, outboxLog.config().clock().millis(), null, writable);
        log.error("event=outbox_record_damaged file={} sequence={} message=\"{}\"", outboxLog.config().file(), seq,
                loss.describe());
        if (writable) {
            try {
                outboxLog.write(OutboxLog.Commit.NOW, (m, t) -> m.losses().putIfAbsent(seq, loss.encode()));
                return;
            } catch (StoreException e) {
                log.error("event=outbox_loss_not_recorded file={} sequence={} error=\"{}\"", outboxLog.config().file(),
                        seq, e.getMessage());
            }
        }
        unpersisted.add(loss);
    }

    private boolean alreadyRecorded(long seq) {
        return outboxLog.read(m -> {
            Long from = m.losses().floorKey(seq);
            return from != null && DataLoss.decode(from, m.losses().get(from)).lastSequence() >= seq;
        });
    }
}
