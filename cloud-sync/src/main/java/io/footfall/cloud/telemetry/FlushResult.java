package io.footfall.cloud.telemetry;

import java.util.List;

/**
 * What a flush sent.
 *
 * @param caughtUp   whether every record durable when the flush began was delivered before its deadline
 * @param messageIds the messages sent during the flush, in order
 */
public record FlushResult(boolean caughtUp, int messages, int records, long acknowledgedSequence, List<String> messageIds) {
    public FlushResult {
        messageIds = List.copyOf(messageIds);
    }
}
