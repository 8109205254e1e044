package io.footfall.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One record kept by the {@link Outbox}: what the caller appended plus the sequence the store gave it.
 *
 * @param sequence      per-device sequence, strictly increasing, assigned by {@link Outbox#append}
 * @param kind          what the record is ("crossing", "zone", "aggregate", "clip", ...)
 * @param id            the caller's deterministic id, so downstream writes can be idempotent
 * @param createdMillis epoch millis the record was created (the caller's, or the store clock at append)
 * @param payload       the caller's serialised bytes (JSON by convention); never modified by the store
 *
 * <p>Immutable except that {@code payload} is the array the store decoded into; callers must not modify it.
 * Safe to share between threads.
 */
public record OutboxRecord(long sequence, String kind, String id, long createdMillis, byte[] payload) {

    public OutboxRecord {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(payload, "payload");
    }

    /** The payload decoded as UTF-8 (the store itself never interprets it). */
    public String payloadText() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxRecord r && r.sequence == sequence && r.createdMillis == createdMillis
                && r.kind.equals(kind) && r.id.equals(id) && Arrays.equals(r.payload, payload);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sequence) * 31 + id.hashCode();
    }

    @Override
    public String toString() {
        return "OutboxRecord[sequence=" + sequence + ", kind=" + kind + ", id=" + id + ", createdMillis="
                + createdMillis + ", payloadBytes=" + payload.length + "]";
    }
}
