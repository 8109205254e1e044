package io.footfall.store;

import org.h2.mvstore.Cursor;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The versioned configuration documents kept in the outbox file (never evicted by retention), so the agent can
 * tell which config produced which counts and roll back. Thread-safe.
 */
public final class ConfigHistory {
    private final OutboxLog outboxLog;

    ConfigHistory(OutboxLog outboxLog) {
        this.outboxLog = outboxLog;
    }

    /** Saves a document as the next version, durably (commit + fsync) before returning. */
    public long save(byte[] document) {
        byte[] copy = document.clone();
        long savedMillis = outboxLog.config().clock().millis();
        return outboxLog.write(OutboxLog.Commit.NOW, (m, t) -> {
            Long last = m.config().lastKey();
            long version = last == null ? 1 : last + 1;
            m.config().put(version, ByteBuffer.allocate(Long.BYTES + copy.length).putLong(savedMillis).put(copy)
                    .array());
            return version;
        });
    }

    /** The newest version, if any was saved. */
    public Optional<ConfigVersion> latest() {
        return outboxLog.read(m -> {
            Long last = m.config().lastKey();
            return last == null ? Optional.<ConfigVersion>empty() : versions(m, last).stream().findFirst();
        });
    }

    /** Every stored version, oldest first. */
    public List<ConfigVersion> all() {
        return outboxLog.read(m -> versions(m, 1));
    }


    private static List<ConfigVersion> versions(StoreMaps m, long from) {
        List<ConfigVersion> out = new ArrayList<>();
        Cursor<Long, byte[]> c = m.config().cursor(from);
        while (c.hasNext()) {
            long version = c.next();
            ByteBuffer b = ByteBuffer.wrap(c.getValue());
            long saved = b.getLong();
            byte[] doc = new byte[b.remaining()];
            b.get(doc);
            out.add(new ConfigVersion(version, saved, doc));
        }
        return out;
    }
}
