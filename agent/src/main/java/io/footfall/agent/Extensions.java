package io.footfall.agent;

import io.footfall.agent.spi.AgentContext;
import io.footfall.agent.spi.AgentExtension;
import io.footfall.agent.spi.AgentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The extensions on the class path ({@link AgentExtension} via {@link ServiceLoader}), opened for one agent and
 * stopped in reverse order. Not thread-safe: the composition root owns it.
 */
final class Extensions implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Extensions.class);

    private final List<AgentService> services = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    /** Opens and starts every configured extension; one that fails to open stops the ones already started. */
    static Extensions start(AgentContext context) throws Exception {
        Extensions out = new Extensions();
        try {
            for (AgentExtension extension : ServiceLoader.load(AgentExtension.class)) {
                Optional<AgentService> service = extension.open(context);
                if (service.isEmpty()) {
                    log.info("event=extension_off name={} reason=not_configured", extension.name());
                    continue;
                }
                service.get().start();
                out.services.add(service.get());
                out.names.add(extension.name());
                log.info("event=extension_started name={}", extension.name());
            }
        } catch (Exception e) {
            out.stop(Duration.ofSeconds(2));
            throw e;
        }
        return out;
    }

    List<String> names() {
        return List.copyOf(names);
    }

    /** Stops every service, newest first, sharing the deadline. */
    void stop(Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        for (int i = services.size() - 1; i >= 0; i--) {
            Duration left = Duration.between(Instant.now(), end);
            services.get(i).stop(left.isNegative() ? Duration.ZERO : left);
        }
        services.clear();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(5));
    }
}
