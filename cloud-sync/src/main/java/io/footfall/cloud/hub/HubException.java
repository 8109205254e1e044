package io.footfall.cloud.hub;

/** A hub operation failed; the message names the operation and the SDK's status, never a credential. */
public final class HubException extends Exception {
    private final boolean retryable;

    public HubException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
