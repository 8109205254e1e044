package io.footfall.agent;

import io.footfall.agent.spi.AgentStatus;
import io.footfall.config.FootfallConfig;
import io.footfall.store.DroppedRange;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxStats;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** Builds the agent's {@link AgentStatus}. Stateless. */
final class Status {
    private Status() {
    }

    static AgentStatus of(FootfallConfig config, Instant startedAt, Collection<CameraRunner> runners, Outbox outbox) {
        OutboxStats stats = outbox.stats();
        long acked = stats.cursors().values().stream().mapToLong(Long::longValue).min().orElse(stats.lastSequence());
        long depth = Math.max(0, stats.lastSequence() - acked);
        Optional<Instant> oldest = depth == 0 ? Optional.empty()
                : outbox.read(acked + 1, stats.lastSequence(), 1).stream().findFirst()
                        .map(r -> Instant.ofEpochMilli(r.createdMillis()));
        long dropped = stats.dropped().values().stream().mapToLong(DroppedRange::count).sum();
        String version = Optional.ofNullable(Agent.class.getPackage().getImplementationVersion()).orElse("dev");
        return new AgentStatus(version, config.detector().model(), config.detector().backend().id(), startedAt,
                runners.stream().map(CameraRunner::status).toList(), depth, oldest, dropped);
    }
}
