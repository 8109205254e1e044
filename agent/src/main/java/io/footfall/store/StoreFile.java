package io.footfall.store;

import io.footfall.BadInputException;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Opens the outbox's MVStore file: creates it atomically, checks its format version and device, and moves a
 * corrupt or foreign file aside instead of ever emptying it. Stateless; thread-safe.
 */
final class StoreFile {
    static final int FORMAT_VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(StoreFile.class);
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** A Java object's identity ("sun.nio.ch.FileChannelImpl@6d9f7a80") in H2's messages tells a user nothing. */
    private static final Pattern OBJECT_ID = Pattern.compile("\\b(?:[a-z_][\\w$]*\\.)+[A-Z][\\w$]*@[0-9a-f]+\\b");

    private StoreFile() {
    }

    /** Opens (creating if needed) the store for {@code config}; the returned maps have been validated. */
    static StoreMaps open(OutboxConfig config) {
        return open(config, config.file());
    }

    /** Opens {@code file} as the store of {@code config} (a read-only snapshot copy of it, see StoreSnapshot). */
    static StoreMaps open(OutboxConfig config, Path file) {
        if (!exists(file)) {
            if (config.readOnly() || config.deviceId() == null) {
                // An empty file is not "no store": the user sees it there, so say what it is instead.
                throw new BadInputException((Files.exists(file) ? "outbox store " + file + " is empty (0 bytes), not a Footfall"
                        + " outbox" : "no outbox store at " + file) + " (expected an existing " + Outbox.FILE_NAME
                        + " that 'footfall run' wrote; check --data-dir or " + DataDirectory.ENV + ")");
            }
            create(config, file);
        }
        MVStore store = openMvStore(config, file);
        try {
            StoreMaps maps = StoreMaps.open(store);
            checkFormat(config, file, maps);
            maps.touch();
            return maps;
        } catch (MVStoreException | IllegalStateException e) {
            store.closeImmediately();
            throw corrupt(config, file, e);
        } catch (AssertionError e) {
            store.closeImmediately();
            throw corrupt(config, file, new IllegalStateException("damaged chunk header: " + e, e));
        } catch (RuntimeException e) {
            store.closeImmediately();
            throw e;
        }
    }

    private static boolean exists(Path file) {
        try {
            return Files.exists(file) && Files.size(file) > 0;
        } catch (IOException e) {
            throw new StoreException("cannot read outbox store " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes a new store under a temporary name and renames it into place, so a kill during creation leaves
     * either no store or a complete one, never a half-written file that would look corrupt.
     */
    private static void create(OutboxConfig config, Path file) {
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(tmp);
            MVStore store = builder(config, tmp).open();
            try {
                StoreMaps maps = StoreMaps.open(store);
                maps.meta().put(StoreMaps.KEY_FORMAT, Integer.toString(FORMAT_VERSION));
                maps.meta().put(StoreMaps.KEY_DEVICE, config.deviceId());
                maps.meta().put(StoreMaps.KEY_CREATED, Long.toString(config.clock().millis()));
                store.commit();
            } finally {
                store.close(); // writes the clean-shutdown mark and fsyncs
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(file.getParent());
            log.info("outbox created file={} device={} format={}", file, config.deviceId(), FORMAT_VERSION);
        } catch (IOException | MVStoreException e) {
            throw new StoreException("cannot create outbox store " + file + ": " + DiskSpace.describe(e), e);
        }
    }

    /** Makes a rename durable: on Linux the directory entry needs its own fsync. */
    static void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    /**
     * Rewrites the (closed) store into a fresh file holding only live data and renames it into place. MVStore's own
     * compactFile cannot shrink a file whose live chunks are few but sit at its end. A kill at any point leaves the
     * original or the complete copy. Returns the new size.
     */
    static long rewrite(OutboxConfig config) {
        Path file = config.file();
        Path tmp = file.resolveSibling(file.getFileName() + ".compact");
        try {
            Files.deleteIfExists(tmp);
            MVStore source = builder(config.toBuilder().readOnly(true).build(), file).open();
            try {
                MVStore target = builder(config.toBuilder().readOnly(false).build(), tmp).open();
                try {
                    StoreMaps.open(source).copyTo(StoreMaps.open(target), 50_000);
                } finally {
                    target.close(); // fsyncs
                }
            } finally {
                source.close();
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(file.getParent());
            return Files.size(file);
        } catch (IOException | MVStoreException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the original is untouched either way
            }
            throw new StoreException("cannot compact outbox store " + file + " (left unchanged): "
                    + DiskSpace.describe(e), e);
        }
    }

    static MVStore.Builder builder(OutboxConfig config, Path file) {
        // Auto-commit off twice over: no background writer (delay 0) and no commit when the unsaved-memory
        // buffer fills (buffer 0). Only Outbox.commitDurably() commits, and it fsyncs.
        MVStore.Builder b = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .autoCommitBufferSize(0)
                .cacheSize(config.cacheSizeMb());
        if (config.compress()) {
            b.compress();
        }
        if (config.pageSplitSize() > 0) {
            b.pageSplitSize(config.pageSplitSize());
        }
        if (config.readOnly()) {
            b.readOnly();
        }
        return b;
    }

    private static MVStore openMvStore(OutboxConfig config, Path file) {
        try {
            // MVStore's dead-chunk retention time stays at its 45 s default: with 0, space the crash recovery still
            // needed was reused and a SIGKILL rolled the store back past fsynced commits (OutboxCrashTest caught it).
            return builder(config, file).open();
        } catch (MVStoreException e) {
            int code = e.getErrorCode();
            if (code == DataUtils.ERROR_FILE_LOCKED) {
                throw new StoreLockedException("outbox store " + file
                        + " is in use by another process (is the agent running?)", e);
            }
            if (isCorruption(e)) {
                throw corrupt(config, file, e);
            }
            throw new StoreException("cannot open outbox store " + file + ": " + DiskSpace.describe(e), e);
        } catch (IllegalStateException e) {
            throw corrupt(config, file, e);
        } catch (AssertionError e) {
            // MVStore checks chunk headers with Java asserts: with -ea (as in tests) a damaged header fails there
            // first; without it the same bytes fail as an MVStoreException. Either way the file is damaged.
            throw corrupt(config, file, new IllegalStateException("damaged chunk header: " + e, e));
        }
    }

    private static boolean isCorruption(MVStoreException e) {
        return switch (e.getErrorCode()) {
            case DataUtils.ERROR_FILE_CORRUPT, DataUtils.ERROR_UNSUPPORTED_FORMAT, DataUtils.ERROR_CHUNK_NOT_FOUND,
                    DataUtils.ERROR_BLOCK_NOT_FOUND -> true;
            // A short read is a truncated file; other I/O errors (permissions, EIO) are not the file's content.
            case DataUtils.ERROR_READING_FAILED -> e.getCause() == null || e.getCause() instanceof EOFException;
            default -> false;
        };
    }

    private static void checkFormat(OutboxConfig config, Path file, StoreMaps maps) {
        String format = maps.meta().get(StoreMaps.KEY_FORMAT);
        if (!Integer.toString(FORMAT_VERSION).equals(format)) {
            String what = format == null ? "no outbox format version (not a Footfall outbox?)"
                    : "outbox format version " + format;
            maps.store().closeImmediately();
            if (config.readOnly()) {
                throw new StoreVersionException("outbox store " + file + " has " + what + "; this build reads version "
                        + FORMAT_VERSION + " (left in place: opened read-only)", file, null);
            }
            Path aside = moveAside(config, file);
            throw new StoreVersionException("outbox store " + file + " has " + what + "; this build reads version "
                    + FORMAT_VERSION + ". Moved it to " + aside + "; a new store will be created", file, aside);
        }
        String device = maps.meta().get(StoreMaps.KEY_DEVICE);
        if (config.deviceId() != null && !config.deviceId().equals(device)) {
            maps.store().closeImmediately();
            throw new BadInputException("outbox store " + file + " belongs to device '" + device
                    + "', not '" + config.deviceId() + "' (use another --data-dir or the right device id)");
        }
    }

    private static StoreCorruptException corrupt(OutboxConfig config, Path file, RuntimeException cause) {
        String why = withoutObjectIds(String.valueOf(cause.getMessage()));
        if (config.readOnly()) {
            return new StoreCorruptException("outbox store " + file + " is corrupt (" + why + "); left in place: opened"
                    + " read-only. The next 'footfall run' on this data folder moves it aside and starts a new outbox;"
                    + " keep a copy first if its records matter", file, null, cause);
        }
        Path aside = moveAside(config, file);
        log.error("outbox corrupt file={} movedTo={} cause={}", file, aside, cause.toString());
        return new StoreCorruptException("outbox store " + file + " is corrupt (" + why
                + "). Moved it to " + aside + "; a new store will be created on the next open", file, aside, cause);
    }

    /** {@code message} without object identities: "Reading from file ...Impl@6d9f7a80 failed" reads "Reading from the file failed". */
    static String withoutObjectIds(String message) {
        return OBJECT_ID.matcher(message.replaceAll("\\bfile " + OBJECT_ID.pattern(), "the file")).replaceAll("object")
                .strip();
    }

    static Path moveAside(OutboxConfig config, Path file) {
        return keepAside(config, file, "corrupt", false);
    }

    /**
     * Keeps {@code file} under {@code <file>.<label>-<timestamp>}: renamed, or with {@code link} a hard link to the
     * same data (no extra space; falls back to a copy where links are not supported) so the caller can replace the
     * original atomically. Returns the new name.
     */
    static Path keepAside(OutboxConfig config, Path file, String label, boolean link) {
        String base = file.getFileName() + "." + label + "-" + STAMP.format(config.clock().instant());
        Path target = file.resolveSibling(base);
        for (int i = 1; Files.exists(target); i++) {
            target = file.resolveSibling(base + "-" + i);
        }
        try {
            if (!link) {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } else {
                try {
                    Files.createLink(target, file);
                } catch (UnsupportedOperationException | IOException e) {
                    Files.copy(file, target);
                }
            }
            syncDirectory(file.getParent());
            return target;
        } catch (IOException e) {
            throw new StoreException("outbox store " + file + " is damaged and could not be kept aside as "
                    + target + ": " + DiskSpace.describe(e), e);
        }
    }
}
