package io.footfall.cloud.cosmos;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The container's partition key is synthetic: {@code {store}-{yyyy-MM-dd}} of the record's time (UTC; {@code at}, which for an
 * aggregate is its interval start: the same time the count files are cut by).
 *
 * <p>Why: analysts and the report ask for one store over a time range, so a store-day is answered by one
 * partition and a week by seven point queries, never a fan-out over every store. A key per store alone would
 * make one hot partition per store that grows without end into Cosmos's 20 GB logical-partition limit; a key per
 * day alone would send every store's writes of the day into one hot partition. Store-day spreads writes over
 * stores and days, and a store-day of counts (a few thousand small documents) is far below 20 GB. Stateless.
 */
public final class PartitionKeys {
    public static final String PATH = "/" + DocumentSchema.PARTITION_KEY;

    private PartitionKeys() {
    }

    public static String of(String store, LocalDate day) {
        if (store == null || store.isBlank()) {
            throw new IllegalArgumentException("store: expected a non-empty store id");
        }
        return store + "-" + day;
    }

    /** The key of a record with time {@code at} (ISO-8601 instant). */
    public static String of(String store, String at) {
        try {
            return of(store, LocalDate.ofInstant(Instant.parse(at), ZoneOffset.UTC));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("record time 'at' = '" + at + "': expected an ISO-8601 instant like "
                    + "2026-11-25T09:00:00Z");
        }
    }
}
