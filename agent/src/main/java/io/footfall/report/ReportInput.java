package io.footfall.report;

import io.footfall.schema.WireRecord;

import java.util.List;
import java.util.Objects;

/**
 * What a footfall report is computed from, wherever it was read (the edge outbox, Cosmos DB): the wire records of one
 * store and what is known to have been lost before they got here. Immutable.
 *
 * @param store   the store the records belong to
 * @param source  where they were read, for the report's heading (never a secret)
 * @param records crossings, zone events, interval aggregates and camera states, in any order
 * @param losses  records dropped before delivery (e.g. the outbox's quota while offline)
 */
public record ReportInput(String store, String source, List<WireRecord> records, List<DataLoss> losses) {
    public ReportInput {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(source, "source");
        records = List.copyOf(records);
        losses = List.copyOf(losses);
    }

    /** Records of one kind that were dropped and will never arrive. */
    public record DataLoss(String kind, long count, String detail) {
    }
}
