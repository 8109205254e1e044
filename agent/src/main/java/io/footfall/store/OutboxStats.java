package io.footfall.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of the outbox for monitoring and the {@code footfall store stats} command. Immutable.
 *
 * @param file             the store file
 * @param deviceId         the device the sequences belong to
 * @param formatVersion    outbox format version in the file
 * @param fileSizeBytes    size of the store file on disk
 * @param liveBytes        key + value bytes of stored records (what the quota counts, with clip bytes)
 * @param clipBytes        bytes of the clip files still referenced
 * @param quotaBytes       configured quota
 * @param recordCount      records stored
 * @param countsPerKind    records stored per kind
 * @param firstSequence    lowest stored sequence (0 when empty)
 * @param lastSequence     highest sequence ever assigned (survives eviction)
 * @param durableSequence  highest sequence known to be fsynced
 * @param cursors          acknowledged sequence per destination
 * @param dropped          undelivered records dropped by retention, per kind, cumulative
 * @param configVersions   config documents kept in the history
 * @param highWaterMark    highest sequence ever made durable (kept apart from the store file; see DataLoss)
 * @param losses           committed records lost to a damaged file, oldest first; empty when none ever was
 * @param snapshotMillis   when the copy these numbers come from was taken (epoch millis), if the store was in use
 *                         by another process (the running agent); 0 when read from the store itself
 */
public record OutboxStats(Path file, String deviceId, int formatVersion, long fileSizeBytes, long liveBytes,
                          long clipBytes, long quotaBytes, long recordCount, Map<String, Long> countsPerKind,
                          long firstSequence, long lastSequence, long durableSequence, Map<String, Long> cursors,
                          Map<String, DroppedRange> dropped, int configVersions, long highWaterMark,
                          List<DataLoss> losses, long snapshotMillis) {
    public OutboxStats {
        losses = List.copyOf(losses);
        countsPerKind = Map.copyOf(countsPerKind);
        cursors = Map.copyOf(cursors);
        dropped = Map.copyOf(dropped);
    }

    /** True when committed data was lost at some point (see {@link #losses()}). */
    public boolean dataLost() {
        return !losses.isEmpty();
    }

    /** True when a loss was seen that no writer has recovered from yet (a read-only view of a damaged store). */
    public boolean lossUnrecovered() {
        return losses.stream().anyMatch(l -> !l.recovered());
    }

    public long usageBytes() {
        return liveBytes + clipBytes;
    }
}
