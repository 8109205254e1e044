package io.footfall.report;

import io.footfall.BadInputException;
import io.footfall.schema.AggregateRecord;
import io.footfall.schema.CameraStateRecord;
import io.footfall.schema.CrossingCancelledRecord;
import io.footfall.schema.CrossingRecord;
import io.footfall.schema.WireCodec;
import io.footfall.schema.WireRecord;
import io.footfall.schema.ZoneEnterRecord;
import io.footfall.schema.ZoneExitRecord;
import io.footfall.store.DroppedRange;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the report's input from the edge outbox (read-only): every count record still kept, and what retention
 * dropped before delivery. Clip references are skipped. Stateless.
 */
public final class OutboxReportSource {
    static final Set<String> KINDS = Set.of(CrossingRecord.TYPE, CrossingCancelledRecord.TYPE, ZoneEnterRecord.TYPE,
            ZoneExitRecord.TYPE, AggregateRecord.TYPE, CameraStateRecord.TYPE);

    private OutboxReportSource() {
    }

    /**
     * @param store the store to report: only its records are read; null = the records' store (else the outbox's
     *              device id)
     * @throws BadInputException when {@code store} is given and no record in the outbox is of that store
     */
    public static ReportInput read(Path dataDirectory, String store) {
        List<WireRecord> records = new ArrayList<>();
        List<ReportInput.DataLoss> losses = new ArrayList<>();
        try (Outbox outbox = Outbox.open(OutboxConfig.readOnly(dataDirectory))) {
            outbox.forEach(1, r -> {
                if (KINDS.contains(r.kind())) {
                    try {
                        records.add(WireCodec.decode(r.payload()));
                    } catch (WireCodec.WireFormatException e) {
                        throw new BadInputException("outbox " + outbox.file() + " record " + r.sequence()
                                + ": expected a wire record: " + e.getMessage());
                    }
                }
            });
            for (DroppedRange d : outbox.dropped().values()) {
                if (d.count() > 0 && KINDS.contains(d.kind())) {
                    losses.add(new ReportInput.DataLoss(d.kind(), d.count(), "outbox quota while offline, sequences "
                            + d.firstSequence() + ".." + d.lastSequence()));
                }
            }
            if (store != null) {
                return new ReportInput(store, "edge outbox " + outbox.file(), ofStore(store, records, outbox.file()),
                        losses);
            }
            String storeId = records.stream().map(WireRecord::store).filter(Objects::nonNull).findFirst()
                    .orElse(outbox.deviceId());
            return new ReportInput(storeId == null ? "unknown" : storeId, "edge outbox " + outbox.file(), records, losses);
        }
    }

    /** The records of {@code store}; none at all is a mistake to fix (a typo, or another device's outbox). */
    private static List<WireRecord> ofStore(String store, List<WireRecord> records, Path outbox) {
        List<WireRecord> kept = records.stream().filter(r -> store.equals(r.store())).toList();
        if (kept.isEmpty()) {
            Set<String> present = records.stream().map(WireRecord::store).filter(Objects::nonNull)
                    .collect(Collectors.toCollection(TreeSet::new));
            throw new BadInputException("--store '" + store + "': outbox " + outbox + " has no record of that store; "
                    + (present.isEmpty() ? "it has no count records at all"
                    : "expected one of the stores it has records of: " + String.join(", ", present)));
        }
        return kept;
    }
}
