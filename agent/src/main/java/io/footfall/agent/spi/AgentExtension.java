package io.footfall.agent.spi;

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
}
