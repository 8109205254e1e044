package io.footfall.agent.spi;

import io.footfall.config.FootfallConfig;

import java.util.Map;
import java.util.Optional;

/**
 * A part of the running agent contributed from outside the pipeline core: cloud sync (IoT Hub telemetry,
 * twin configuration, direct methods, Blob upload) is one. Found with {@link java.util.ServiceLoader}, so the
 * agent names no implementation and the pipeline core never sees Azure types.
 *
 * <p>Implementations are stateless factories; {@link #open} is called once per agent start.
 */
public interface AgentExtension {

    /** A short name for logs ({@code cloud-sync}). */
    String name();

    /**
     * Opens the extension for this agent, or returns empty when it is not configured (no connection settings in
     * the environment: the agent then runs offline). Settings that are present but wrong are a
     * {@link io.footfall.BadInputException} naming the setting (never its secret value).
     */
    Optional<AgentService> open(AgentContext context) throws Exception;

    /**
     * Checks, before the agent writes anything (no data folder, no outbox yet), what only this machine can tell about
     * the settings: a port already taken, say. The default checks nothing.
     *
     * @param env the process environment the agent runs with
     * @throws io.footfall.BadInputException naming the setting and what is wrong
     */
    default void check(FootfallConfig config, Map<String, String> env) {
    }
}
