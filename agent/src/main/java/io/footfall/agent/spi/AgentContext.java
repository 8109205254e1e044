package io.footfall.agent.spi;

import io.footfall.config.FootfallConfig;
import io.footfall.store.Outbox;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** What an extension is given when the agent opens it. */
public interface AgentContext {

    /** The validated configuration the agent starts with (its file's; the twin's desired document comes later). */
    FootfallConfig config();

    /** The durable outbox: read it through a named tailer and ack only what the destination confirmed. */
    Outbox outbox();

    Path dataDir();

    /** Live operations on the running agent: configuration, status, snapshots, log level. */
    AgentControl control();

    /** An environment variable (secrets come from here, never from the config file). */
    Optional<String> env(String name);

    Clock clock();
}
