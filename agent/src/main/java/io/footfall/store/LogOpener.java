package io.footfall.store;

/**
 * Opens what an {@link OutboxLog} works on: the store file, its {@link HighWaterMark}, and, when the store has fallen
 * behind that mark, the recovered store ({@link LossRecovery}). A read-only open of a store another process has
 * open reads a consistent copy ({@link StoreSnapshot}) and only reports a loss. Stateless; thread-safe.
 */
final class LogOpener {
    /** What an open produced; {@code mark} is null and {@code unrecoveredLoss} may be set for read-only opens. */
    record Opened(StoreMaps maps, HighWaterMark mark, StoreSnapshot snapshot, DataLoss unrecoveredLoss) {
    }

    private LogOpener() {
    }

    static Opened open(OutboxConfig config) {
        return config.readOnly() ? openReadOnly(config) : openWritable(config);
    }

    private static Opened openWritable(OutboxConfig config) {
        StoreMaps maps = StoreFile.open(config);
        HighWaterMark mark;
        try {
            mark = HighWaterMark.open(HighWaterMark.fileIn(config.dataDirectory()), lastSequenceOf(maps));
        } catch (RuntimeException e) {
            maps.store().closeImmediately();
            throw e;
        }
        try {
            return new Opened(LossRecovery.recoverIfBehind(config, maps, mark.value()), mark, null, null);
        } catch (RuntimeException e) {
            mark.close();
            throw e;
        }
    }

    private static Opened openReadOnly(OutboxConfig config) {
        // The mark first: a store copied afterwards holds at least what it says was durable.
        long mark = HighWaterMark.read(HighWaterMark.fileIn(config.dataDirectory()));
        StoreMaps maps;
        StoreSnapshot snapshot = null;
        try {
            maps = StoreFile.open(config);
        } catch (StoreLockedException inUse) {
            snapshot = StoreSnapshot.of(config.file(), inUse);
            try {
                maps = StoreFile.open(config, snapshot.copy());
            } catch (RuntimeException e) {
                snapshot.close();
                throw e;
            }
        }
        return new Opened(maps, null, snapshot, LossRecovery.detect(config, lastSequenceOf(maps), mark));
    }

    static long lastSequenceOf(StoreMaps m) {
        LogTotals t = new LogTotals();
        t.load(m);
        return t.lastSequence();
    }
}
