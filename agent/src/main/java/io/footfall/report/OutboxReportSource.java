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
import io.footfall.store.OutboxRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the report's input from the edge outbox (read-only): every count record still kept, and what retention
 * dropped before delivery. Clip references are skipped. Stateless.
 */
public final class OutboxReportSource {
    static final Set<String> KINDS = Set.of(CrossingRecord.TYPE, CrossingCancelledRecord.TYPE, ZoneEnterRecord.TYPE,
            ZoneExitRecord.TYPE, AggregateRecord.TYPE, CameraStateRecord.TYPE);
    private static final int PAGE = 1000;

    private OutboxReportSource() {
    }

    /** @param store the store id to report under; null = the records' store (else the outbox's device id) */
    public static ReportInput read(Path dataDirectory, String store) {
        List<WireRecord> records = new ArrayList<>();
        List<ReportInput.DataLoss> losses = new ArrayList<>();
        try (Outbox outbox = Outbox.open(OutboxConfig.readOnly(dataDirectory))) {
            long next = 1;
            for (List<OutboxRecord> page; !(page = outbox.read(next, Long.MAX_VALUE, PAGE)).isEmpty(); ) {
                for (OutboxRecord r : page) {
                    if (KINDS.contains(r.kind())) {
                        try {
                            records.add(WireCodec.decode(r.payload()));
                        } catch (WireCodec.WireFormatException e) {
                            throw new BadInputException("outbox " + outbox.file() + " record " + r.sequence()
                                    + ": expected a wire record: " + e.getMessage());
                        }
                    }
                }
                next = page.get(page.size() - 1).sequence() + 1;
            }
            for (DroppedRange d : outbox.dropped().values()) {
                if (d.count() > 0 && KINDS.contains(d.kind())) {
                    losses.add(new ReportInput.DataLoss(d.kind(), d.count(), "outbox quota while offline, sequences "
                            + d.firstSequence() + ".." + d.lastSequence()));
                }
            }
            String storeId = store != null ? store
                    : records.stream().map(WireRecord::store).filter(java.util.Objects::nonNull).findFirst()
                    .orElse(outbox.deviceId());
            return new ReportInput(storeId == null ? "unknown" : storeId, "edge outbox " + outbox.file(), records, losses);
        }
    }
}
