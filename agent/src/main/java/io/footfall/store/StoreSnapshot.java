package io.footfall.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * A private copy of a store file another process (the running agent) holds locked, so {@code footfall store stats}
 * and {@code export} can read it without stopping the agent. MVStore only appends chunks and keeps the ones a
 * recent version needs for 45 s, so a copy taken in well under that opens like a file after a crash: at the newest
 * complete commit, which includes every commit made before the copy started. The copy lives in the system temporary
 * directory, never next to the store (that disk may be full), and is deleted on {@link #close()}. Not thread-safe.
 */
final class StoreSnapshot implements AutoCloseable {
    private final Path source;
    private final Path copy;
    private final Instant taken;

    private StoreSnapshot(Path source, Path copy, Instant taken) {
        this.source = source;
        this.copy = copy;
        this.taken = taken;
    }

    /** Copies {@code source}, which {@code inUse} says another process has open. */
    static StoreSnapshot of(Path source, StoreLockedException inUse) {
        Path copy = null;
        try {
            copy = Files.createTempFile("footfall-outbox-snapshot-", ".mv.db");
            Instant taken = Instant.now();
            try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                 FileChannel out = FileChannel.open(copy, StandardOpenOption.WRITE)) {
                long size = in.size();
                for (long done = 0; done < size; ) {
                    done += in.transferTo(done, size - done, out);
                }
            }
            return new StoreSnapshot(source, copy, taken);
        } catch (IOException e) {
            deleteQuietly(copy);
            StoreException failure = new StoreException("outbox store " + source + " is in use by another process"
                    + " and could not be copied for reading" + (copy == null ? "" : " to " + copy) + ": "
                    + DiskSpace.describe(e), e);
            failure.addSuppressed(inUse);
            throw failure;
        }
    }

    Path source() {
        return source;
    }

    Path copy() {
        return copy;
    }

    /** When the copy was started: it holds every commit made before. */
    Instant taken() {
        return taken;
    }

    @Override
    public void close() {
        deleteQuietly(copy);
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stale temporary file is all that is left behind
        }
    }
}
