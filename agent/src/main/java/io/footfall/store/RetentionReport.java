package io.footfall.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one {@link Outbox#enforceRetention()} run removed. The outbox never deletes clip files itself: the caller
 * deletes {@link #clipFilesToDelete()} (their references are already gone from the store). Immutable.
 *
 * @param clipFilesToDelete files whose clip references were removed, oldest first
 * @param deliveredEvicted  records removed after every destination had acknowledged them
 * @param droppedNow        undelivered records removed per kind in this run (also added to {@link Outbox#dropped()})
 * @param usageBytesBefore  live bytes (records + referenced clips) before the run
 * @param usageBytesAfter   live bytes after the run
 * @param quotaBytes        the configured quota
 * @param fileSizeBytes     store file size after the run (rewritten smaller when it was far over the quota)
 */
public record RetentionReport(List<Path> clipFilesToDelete, long deliveredEvicted, Map<String, Long> droppedNow,
                              long usageBytesBefore, long usageBytesAfter, long quotaBytes,
                              long fileSizeBytes) {
    public RetentionReport {
        clipFilesToDelete = List.copyOf(clipFilesToDelete);
        droppedNow = Map.copyOf(droppedNow);
    }

    public long droppedTotal() {
        return droppedNow.values().stream().mapToLong(Long::longValue).sum();
    }
}
