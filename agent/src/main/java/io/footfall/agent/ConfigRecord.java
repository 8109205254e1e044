package io.footfall.agent;

import io.footfall.config.ConfigWriter;
import io.footfall.config.FootfallConfig;
import io.footfall.json.Json;
import io.footfall.store.Outbox;

import java.util.Arrays;

/**
 * Keeps each distinct configuration the agent ran with in the outbox's config history: the audit trail of what ran
 * when. A restart starts from the configuration file, and the twin's desired document is applied over it again at
 * each connect (TwinSync); the history cannot stand in for either, as its camera URLs are redacted by the writer.
 */
final class ConfigRecord {
    private final Outbox outbox;

    ConfigRecord(Outbox outbox) {
        this.outbox = outbox;
    }

    synchronized void saveIfChanged(FootfallConfig config) {
        byte[] doc;
        try {
            doc = Json.mapper().writeValueAsBytes(ConfigWriter.toTree(config));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the configuration", e);
        }
        boolean same = outbox.configHistory().latest().map(v -> Arrays.equals(v.document(), doc)).orElse(false);
        if (!same) {
            outbox.configHistory().save(doc);
        }
    }
}
