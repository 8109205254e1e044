package io.footfall.store;

import java.util.List;
import java.util.Optional;

/**
 * The versioned configuration documents kept in the outbox file (never evicted by retention), so the agent can
 * tell which config produced which counts and roll back. A view over its {@link Outbox}; thread-safe.
 */
public final class ConfigHistory {
    private final Outbox outbox;

    ConfigHistory(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Saves a document as the next version, durably (commit + fsync) before returning. */
    public long save(byte[] document) {
        return outbox.saveConfig(document.clone());
    }

    /** The newest version, if any was saved. */
    public Optional<ConfigVersion> latest() {
        Long last = outbox.lastConfigVersion();
        return last == null ? Optional.empty() : outbox.configVersions(last).stream().findFirst();
    }

    /** Every stored version, oldest first. */
    public List<ConfigVersion> all() {
        return outbox.configVersions(1);
    }
}
