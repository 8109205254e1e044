package io.footfall.store;

/** Another process (usually the running agent) has the store file open; nothing was changed. */
public final class StoreLockedException extends StoreException {
    public StoreLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
