package io.footfall.store;

import java.nio.file.Path;

/** The store file was written in an outbox format version this build cannot read; it was moved aside. */
public final class StoreVersionException extends StoreCorruptException {
    public StoreVersionException(String message, Path file, Path movedTo) {
        super(message, file, movedTo, null);
    }
}
