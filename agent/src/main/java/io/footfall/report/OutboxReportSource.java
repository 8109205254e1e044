package io.footfall.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.BadInputException;
import io.footfall.schema.Json;
import io.footfall.schema.WireEvent;
import io.footfall.store.DroppedRange;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import io.footfall.store.OutboxRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the report's input from the edge outbox (read-only): every count record still kept, and what retention
 * dropped before delivery. Clip references are skipped. Stateless.
 */
public final class OutboxReportSource {
    static final Set<String> KINDS = Set.of(WireEvent.CROSSING, WireEvent.CROSSING_CANCELLED, WireEvent.ZONE_ENTER,
            WireEvent.ZONE_EXIT, WireEvent.AGGREGATE);
    private static final int PAGE = 1000;

    private OutboxReportSource() {
    }

    /** @param store the store id to report under; null = the outbox's device id */
    public static ReportInput read(Path dataDirectory, String store) {
        ObjectMapper mapper = Json.mapper();
        List<WireEvent> records = new ArrayList<>();
        List<ReportInput.DataLoss> losses = new ArrayList<>();
        try (Outbox outbox = Outbox.open(OutboxConfig.readOnly(dataDirectory))) {
            long next = 1;
            for (List<OutboxRecord> page; !(page = outbox.read(next, Long.MAX_VALUE, PAGE)).isEmpty(); ) {
                for (OutboxRecord r : page) {
                    if (KINDS.contains(r.kind())) {
                        try {
                            records.add(mapper.readValue(r.payload(), WireEvent.class));
                        } catch (IOException e) {
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
            String storeId = store != null ? store : outbox.deviceId();
            return new ReportInput(storeId == null ? "unknown" : storeId, "edge outbox " + outbox.file(), records, losses);
        }
    }
}
