package io.footfall.agent;

import io.footfall.agent.spi.AgentContext;
import io.footfall.agent.spi.AgentExtension;
import io.footfall.agent.spi.AgentService;
import io.footfall.config.FootfallConfig;
import io.footfall.count.CountEvent;
import io.footfall.pipeline.FrameStats;
import io.footfall.pipeline.PipelineObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /**
     * Runs every extension's {@link AgentExtension#check} before anything is written, so a port already taken fails
     * the start with nothing left behind.
     */
    static void check(FootfallConfig config, Map<String, String> env) {
        for (AgentExtension extension : ServiceLoader.load(AgentExtension.class)) {
            extension.check(config, env);
        }
    }

    /**
     * The started services that watch the cameras' frames (the operations endpoint's metrics), as one observer. A
     * service opts in by also implementing {@link PipelineObserver}: the extension port itself stays free of the
     * pipeline's types.
     */
    PipelineObserver pipelineObserver() {
        List<PipelineObserver> observers = services.stream().filter(PipelineObserver.class::isInstance)
                .map(PipelineObserver.class::cast).toList();
        return observers.isEmpty() ? PipelineObserver.NONE : observers.size() == 1 ? observers.get(0) : new Fanout(observers);
    }

    /** Several observers, called in order. */
    private record Fanout(List<PipelineObserver> observers) implements PipelineObserver {
        @Override
        public void frameProcessed(FrameStats stats) {
            observers.forEach(o -> o.frameProcessed(stats));
        }

        @Override
        public void framesDropped(String cameraId, long count) {
            observers.forEach(o -> o.framesDropped(cameraId, count));
        }

        @Override
        public void eventsFlushed(String cameraId, List<CountEvent> events) {
            observers.forEach(o -> o.eventsFlushed(cameraId, events));
        }
    }

    <T> Optional<T> service(Class<T> type) {
        return services.stream().filter(type::isInstance).map(type::cast).findFirst();
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
