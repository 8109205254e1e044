package io.footfall.cloud.upload;

/** A write to the object store failed (network, service); worth retrying later. Never carries a credential. */
public final class ObjectStoreException extends RuntimeException {
    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
