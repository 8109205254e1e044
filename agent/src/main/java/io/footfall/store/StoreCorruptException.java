package io.footfall.store;

import java.nio.file.Path;

/**
 * The store file could not be read as a Footfall outbox (corrupt, or a format version this build does not know).
 * The file was renamed to {@link #movedTo()} (never deleted or emptied); the next open starts a fresh store.
 */
public class StoreCorruptException extends StoreException {
    private final transient Path file;
    private final transient Path movedTo;

    public StoreCorruptException(String message, Path file, Path movedTo, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.movedTo = movedTo;
    }

    public Path file() {
        return file;
    }

    /** Where the bad file now is ({@code <file>.corrupt-<timestamp>}). */
    public Path movedTo() {
        return movedTo;
    }
}
