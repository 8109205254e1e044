package io.footfall.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** Builds the {@link OutboxStats} snapshot from the log's totals and maps, under its lock. Stateless; thread-safe. */
final class StatsCollector {
    private StatsCollector() {
    }

    static OutboxStats collect(OutboxLog outboxLog, String deviceId, List<DataLoss> unpersisted) {
        return outboxLog.locked(() -> {
            LogTotals t = outboxLog.totals();
            return outboxLog.read(m -> {
                Long first = m.records().firstKey();
                List<DataLoss> losses = new ArrayList<>();
                m.losses().forEach((from, v) -> losses.add(DataLoss.decode(from, v)));
                if (outboxLog.unrecoveredLoss() != null) {
                    losses.add(outboxLog.unrecoveredLoss());
                }
                losses.addAll(unpersisted);
                losses.sort(java.util.Comparator.comparingLong(DataLoss::firstSequence));
                StoreSnapshot snapshot = outboxLog.snapshot();
                long taken = snapshot == null ? 0 : snapshot.taken().toEpochMilli();
                return new OutboxStats(outboxLog.config().file(), deviceId, StoreFile.FORMAT_VERSION,
                        m.store().getFileStore().size(), t.liveBytes(), t.clipBytes(), outboxLog.config().quotaBytes(),
                        m.records().sizeAsLong(), t.kindCounts(), first == null ? 0 : first, t.lastSequence(),
                        outboxLog.durableSequence(), new LinkedHashMap<>(m.cursors()), t.droppedRanges(),
                        m.config().size(), outboxLog.highWaterMark(), losses, taken);
            });
        });
    }
}
