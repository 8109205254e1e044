package io.footfall.cloud.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.BadInputException;
import io.footfall.agent.spi.AgentContext;
import io.footfall.agent.spi.AgentControl;
import io.footfall.agent.spi.AgentStatus;
import io.footfall.agent.spi.Snapshot;
import io.footfall.config.ConfigLoader;
import io.footfall.config.FootfallConfig;
import io.footfall.store.Outbox;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent side of the extension seam for tests that run cloud sync without cameras: configuration is validated by
 * the real {@link ConfigLoader} and kept; status and snapshots are fixed values.
 */
public final class TestAgent implements AgentContext, AgentControl {
    private final Outbox outbox;
    private final Path dataDir;
    private final Map<String, String> env;
    private volatile FootfallConfig config;
    public final List<FootfallConfig> applied = new CopyOnWriteArrayList<>();
    public final List<String> logLevels = new CopyOnWriteArrayList<>();

    private volatile RuntimeException nextApplyFailure;

    /** The next {@link #apply} throws this, as the agent's would on a full disk, and changes nothing. */
    public void failNextApply(RuntimeException e) {
        nextApplyFailure = e;
    }

    public TestAgent(FootfallConfig config, Outbox outbox, Path dataDir, Map<String, String> env) {
        this.config = config;
        this.outbox = outbox;
        this.dataDir = dataDir;
        this.env = Map.copyOf(env);
    }

    @Override
    public FootfallConfig config() {
        return config;
    }

    @Override
    public Outbox outbox() {
        return outbox;
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
        return Optional.ofNullable(env.get(name));
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public FootfallConfig apply(JsonNode document) {
        RuntimeException failure = nextApplyFailure;
        if (failure != null) {
            nextApplyFailure = null;
            throw failure;
        }
        FootfallConfig next = ConfigLoader.parse(document, "twin");
        config = next;
        applied.add(next);
        return next;
    }

    @Override
    public FootfallConfig current() {
        return config;
    }

    @Override
    public AgentStatus status() {
        return new AgentStatus("test", config.detector().model(), "openvino", Instant.parse("2026-11-25T09:00:00Z"),
                config.cameras().stream().map(c -> new AgentStatus.CameraStatus(c.id(), "running", 12.5, 100,
                        Optional.empty())).toList(), outbox.durableSequence(), Optional.empty(), 0);
    }

    @Override
    public List<Snapshot> snapshots() {
        return config.cameras().stream().map(c -> new Snapshot(c.id(), Instant.parse("2026-11-25T09:00:05Z"), 42,
                new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9})).toList();
    }

    @Override
    public void setLogLevel(String logger, String level) {
        if (!Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF").contains(level.toUpperCase())) {
            throw new BadInputException("log level '" + level + "': expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
        }
        logLevels.add(logger + "=" + level);
    }
}
