package io.footfall.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.agent.spi.AgentContext;
import io.footfall.agent.spi.AgentControl;
import io.footfall.agent.spi.AgentStatus;
import io.footfall.agent.spi.Snapshot;
import io.footfall.config.FootfallConfig;
import io.footfall.store.Outbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** An agent as the operations endpoint sees it, with a status and snapshots the test sets. Thread-safe enough for tests. */
final class FakeAgent implements AgentControl, AgentContext {
    private final FootfallConfig config;
    private final Path dataDir;
    private final Clock clock;
    volatile Supplier<AgentStatus> status;
    volatile List<Snapshot> snapshots = List.of();

    FakeAgent(FootfallConfig config, Path dataDir, Clock clock, Supplier<AgentStatus> status) {
        this.config = config;
        this.dataDir = dataDir;
        this.clock = clock;
        this.status = status;
    }

    @Override
    public FootfallConfig apply(JsonNode document) {
        throw new UnsupportedOperationException();
    }

    @Override
    public FootfallConfig current() {
        return config;
    }

    @Override
    public AgentStatus status() {
        return status.get();
    }

    @Override
    public List<Snapshot> snapshots() {
        return snapshots;
    }

    @Override
    public void setLogLevel(String logger, String level) {
    }

    @Override
    public FootfallConfig config() {
        return config;
    }

    @Override
    public Outbox outbox() {
        throw new UnsupportedOperationException("the endpoint reads the outbox through status()");
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public AgentControl control() {
        return this;
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.empty();
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
