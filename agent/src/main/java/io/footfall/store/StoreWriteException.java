package io.footfall.store;

/**
 * A commit failed (typically the disk is full). Nothing durable was lost: the file still holds the last good
 * version, up to {@link #durableSequence()}. Records appended after that watermark were not stored. The outbox
 * reopens itself from the file on the next call. Under a batch policy a failure on the flusher thread is thrown by
 * the next write call, so the writer learns its undurable sequences were lost before any is reused.
 */
public final class StoreWriteException extends StoreException {
    private final long durableSequence;

    public StoreWriteException(String message, long durableSequence, Throwable cause) {
        super(message, cause);
        this.durableSequence = durableSequence;
    }

    /** Highest sequence known to be on disk when the write failed. */
    public long durableSequence() {
        return durableSequence;
    }
}
