package io.footfall.agent.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the agent reports about itself (twin reported properties, the {@code getStatus} method, the status page).
 *
 * @param oldestUndelivered creation time of the oldest record some tailer has not acknowledged
 * @param droppedRecords    records retention dropped before they were delivered, ever
 */
public record AgentStatus(String version, String model, String runtime, Instant startedAt, List<CameraStatus> cameras,
                          long outboxDepth, Optional<Instant> oldestUndelivered, long droppedRecords) {

    public AgentStatus {
        cameras = List.copyOf(cameras);
    }

    /**
     * One camera. {@code state} is {@code starting}, {@code running}, {@code offline} (its source failed; it is retried
     * with backoff), {@code ended}, {@code stopped} or {@code failed} (a file that cannot be read: not retried).
     *
     * @param restarts     how often its source was reopened after a failure since the agent started
     * @param offlineSince when it went offline, while it is
     */
    public record CameraStatus(String id, String state, double fps, long frames, Optional<String> lastError, long restarts,
                               Optional<Instant> offlineSince) {
        /** A camera that has never failed. */
        public CameraStatus(String id, String state, double fps, long frames, Optional<String> lastError) {
            this(id, state, fps, frames, lastError, 0, Optional.empty());
        }
    }
}
