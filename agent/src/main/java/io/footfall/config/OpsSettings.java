package io.footfall.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The operations endpoint ({@code ops:} in the config file): one small HTTP server with {@code /metrics}
 * (Prometheus), {@code /health} and the installer's status page. Read when the agent starts; a live
 * reconfiguration does not move it.
 *
 * <pre>
 * ops: {enabled: true, port: 9600, bind: 0.0.0.0, healthDownAfterSeconds: 120}
 * </pre>
 *
 * @param enabled     on or off; empty for the agent's own choice: on when it runs as an IoT Edge module (the
 *                    metrics collector scrapes it there), off elsewhere, so runs on a laptop or in tests never
 *                    collide on {@value #DEFAULT_PORT}
 * @param port        TCP port; {@value #DEFAULT_PORT} is the IoT Edge metrics-collector convention; 0 picks a free
 *                    port (tests), logged at start
 * @param bind        address to listen on; empty for the agent's own choice: {@code 0.0.0.0} in an IoT Edge module
 *                    (the collector reaches it over the edge network, and the container's own network isolates it),
 *                    {@code 127.0.0.1} elsewhere (a laptop's endpoint stays private unless asked for)
 * @param healthDownAfter how long every camera may be down before {@code /health} answers 503
 */
public record OpsSettings(Optional<Boolean> enabled, int port, Optional<String> bind, Duration healthDownAfter) {
    public static final int DEFAULT_PORT = 9600;
    public static final Duration DEFAULT_HEALTH_DOWN_AFTER = Duration.ofMinutes(2);
    /** Where the agent listens when it is not an IoT Edge module and no {@code bind} is set. */
    public static final String LOCAL_BIND = "127.0.0.1";
    /** Where an IoT Edge module listens when no {@code bind} is set. */
    public static final String MODULE_BIND = "0.0.0.0";

    public OpsSettings {
        Objects.requireNonNull(enabled, "enabled");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(healthDownAfter, "healthDownAfter");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("ops port must be 0..65535, was " + port);
        }
    }

    /** Nothing said: on in an IoT Edge module at {@value #DEFAULT_PORT}, off elsewhere. */
    public static OpsSettings defaults() {
        return new OpsSettings(Optional.empty(), DEFAULT_PORT, Optional.empty(), DEFAULT_HEALTH_DOWN_AFTER);
    }

    /** Switched on at this port ({@code footfall run --ops-port N}); 0 for any free port. */
    public OpsSettings onPort(int p) {
        return new OpsSettings(Optional.of(true), p, bind, healthDownAfter);
    }

    /** Whether the endpoint runs; {@code edgeModule}: the agent runs as an IoT Edge module. */
    public boolean on(boolean edgeModule) {
        return enabled.orElse(edgeModule);
    }

    /** The address to listen on; {@code edgeModule}: the agent runs as an IoT Edge module. */
    public String bindAddress(boolean edgeModule) {
        return bind.orElse(edgeModule ? MODULE_BIND : LOCAL_BIND);
    }
}
