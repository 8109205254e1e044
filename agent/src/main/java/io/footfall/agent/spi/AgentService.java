package io.footfall.agent.spi;

import java.time.Duration;

/**
 * A running extension. {@link #start} is called once the outbox is open and before cameras start; {@link #stop}
 * once on shutdown, after the cameras have drained into the outbox, with what is left of the shutdown deadline
 * (IoT Edge kills a module 10 s after SIGTERM).
 */
public interface AgentService extends AutoCloseable {

    void start() throws Exception;

    /** Delivers what it can before the deadline, then releases everything. Never throws. */
    void stop(Duration deadline);

    @Override
    default void close() {
        stop(Duration.ofSeconds(5));
    }
}
