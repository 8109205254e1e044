package io.footfall.store;

import java.nio.file.Path;

/**
 * Committed records the store lost to a damaged file: sequences {@code firstSequence..lastSequence} had been made
 * durable (the {@link HighWaterMark} says so) but the file no longer holds them. Those sequences are never handed
 * out again. Persisted in the store once recovered, so {@code footfall store stats} keeps reporting it. Immutable.
 *
 * @param firstSequence  first lost sequence
 * @param lastSequence   last lost sequence (the high-water mark at detection)
 * @param detectedMillis when the loss was detected (store clock)
 * @param damagedFile    where the damaged file was kept for inspection; null when there was none to keep
 * @param recovered      true once the loss is recorded in the store (a writer continued after the mark, or
 *                       retired a damaged record's sequence); false when only a read-only open saw it
 */
public record DataLoss(long firstSequence, long lastSequence, long detectedMillis, Path damagedFile,
                       boolean recovered) {

    public long count() {
        return lastSequence - firstSequence + 1;
    }

    /** One line for logs and the CLI. */
    public String describe() {
        return "committed records " + firstSequence + ".." + lastSequence + " (" + count() + ") were lost from a "
                + "damaged store file" + (damagedFile == null ? "" : "; damaged file kept at " + damagedFile)
                + (recovered ? "; their sequences are never reused"
                : "; not yet recorded in the store (the agent does that when it next opens or reads it)");
    }

    String encode() {
        return lastSequence + "\t" + detectedMillis + "\t" + (damagedFile == null ? "" : damagedFile.toString());
    }

    static DataLoss decode(long firstSequence, String value) {
        String[] p = value.split("\t", 3);
        return new DataLoss(firstSequence, Long.parseLong(p[0]), Long.parseLong(p[1]),
                p[2].isEmpty() ? null : Path.of(p[2]), true);
    }
}
