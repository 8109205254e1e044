package io.footfall.cloud.upload;

/**
 * An outbox record an uploader can never process (its payload is not the wire JSON it expects): retrying cannot
 * help, so the uploader logs it and moves past it instead of blocking its queue. Never carries a credential.
 */
final class MalformedRecordException extends RuntimeException {
    MalformedRecordException(String message) {
        super(message);
    }
}
