package io.footfall.store;

import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * What the outbox does when its store holds fewer sequences than its {@link HighWaterMark}: MVStore fell back to an
 * older version because a newer chunk was damaged, or the file was replaced by a new one. Silently continuing would
 * hand the lost sequences out again for different records, and a destination that had acknowledged them would skip
 * the new ones for ever. So a writer keeps the damaged file aside (a hard link: no extra space), rewrites every
 * record the file still yields into a fresh store, records the {@link DataLoss} in it and continues after the mark;
 * a read-only open only reports the loss. Stateless; thread-safe.
 */
final class LossRecovery {
    private static final Logger log = LoggerFactory.getLogger(LossRecovery.class);

    private LossRecovery() {
    }

    /** The loss a read-only open sees, or null when the store is not behind {@code mark}. */
    static DataLoss detect(OutboxConfig config, long storeLast, long mark) {
        if (storeLast >= mark) {
            return null;
        }
        DataLoss loss = new DataLoss(storeLast + 1, mark, config.clock().millis(), null, false);
        log.error("event=outbox_data_lost file={} storeLast={} highWaterMark={} recovered=false message=\"{}\"",
                config.file(), storeLast, mark, loss.describe());
        return loss;
    }

    /** Returns {@code maps} when they are not behind {@code mark}, else the maps of the recovered store. */
    static StoreMaps recoverIfBehind(OutboxConfig config, StoreMaps maps, long mark) {
        long last = LogOpener.lastSequenceOf(maps);
        if (last >= mark) {
            return maps;
        }
        Path damaged = null;
        StoreMaps recovered = maps;
        if (!isEmpty(maps)) {
            // closeImmediately: writing a clean-shutdown header would change the damaged file we keep.
            maps.store().closeImmediately();
            damaged = StoreFile.keepAside(config, config.file(), "damaged", true);
            StoreFile.rewrite(config);
            recovered = StoreFile.open(config);
        }
        DataLoss loss = new DataLoss(last + 1, mark, config.clock().millis(), damaged, true);
        try {
            recovered.losses().put(loss.firstSequence(), loss.encode());
            recovered.meta().put(StoreMaps.KEY_LAST_SEQUENCE, Long.toString(mark));
            recovered.store().commit();
            recovered.store().sync();
        } catch (MVStoreException | IllegalStateException e) {
            recovered.store().closeImmediately();
            throw new StoreException("outbox store " + config.file() + " lost committed records " + loss.firstSequence()
                    + ".." + mark + " and the loss could not be recorded: " + DiskSpace.describe(e), e);
        }
        log.error("event=outbox_data_lost file={} storeLast={} highWaterMark={} damagedFile={} recovered=true "
                + "message=\"{}\"", config.file(), last, mark, damaged == null ? "-" : damaged, loss.describe());
        return recovered;
    }

    /** A store just created in place of a missing or moved-aside file: nothing in it to keep. */
    private static boolean isEmpty(StoreMaps m) {
        return m.records().isEmpty() && m.cursors().isEmpty() && m.config().isEmpty()
                && m.metaLong(StoreMaps.KEY_LAST_SEQUENCE) == 0;
    }
}
