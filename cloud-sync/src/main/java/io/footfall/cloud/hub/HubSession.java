package io.footfall.cloud.hub;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Keeps one {@link HubClient} open: opens it on a background thread, and when the SDK gives up (state
 * {@link HubState#CLOSED}, e.g. after an outage of several minutes) closes it and opens a new one, with capped
 * exponential backoff. Each successful open hands the fresh twin to {@code onOpened} (to re-acknowledge desired
 * versions that moved while offline). Nobody else blocks on the network: callers ask {@link #connected()}.
 *
 * <p>Thread-safe.
 */
public final class HubSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HubSession.class);

    /** Makes a new, unopened client. */
    public interface Factory {
        HubClient create() throws HubException;
    }

    private final Factory factory;
    private final HubHandlers handlers;
    private final Consumer<TwinDocument> onOpened;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2), new SplittableRandom());
    private final Object monitor = new Object();
    private final Thread thread;
    private volatile HubClient client;
    private volatile boolean stopping;

    public HubSession(Factory factory, HubHandlers handlers, Consumer<TwinDocument> onOpened) {
        this.factory = factory;
        this.handlers = handlers;
        this.onOpened = onOpened;
        this.thread = new Thread(this::run, "footfall-iothub-session");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** The client if it is connected now. */
    public Optional<HubClient> connected() {
        HubClient c = client;
        return c != null && c.state() == HubState.CONNECTED ? Optional.of(c) : Optional.empty();
    }

    /** The client whatever its state (twin reports and method replies queue in the SDK while it reconnects). */
    public Optional<HubClient> current() {
        return Optional.ofNullable(client);
    }

    private void run() {
        while (!stopping) {
            HubClient c = client;
            if (c == null || c.state() == HubState.CLOSED) {
                if (c != null) {
                    c.close();
                    client = null;
                }
                if (!openOnce()) {
                    sleep(backoff.next());
                }
                continue;
            }
            synchronized (monitor) {
                try {
                    monitor.wait(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private boolean openOnce() {
        HubClient c = null;
        try {
            c = factory.create();
            HubClient opened = c;
            TwinDocument twin = c.open(new HubHandlers() {
                @Override
                public void desiredPatch(DesiredPatch patch) {
                    handlers.desiredPatch(patch);
                }

                @Override
                public MethodReply method(MethodCall call) {
                    return handlers.method(call);
                }

                @Override
                public void stateChanged(HubState state, String reason) {
                    handlers.stateChanged(state, reason);
                    synchronized (monitor) {
                        monitor.notifyAll();
                    }
                }
            });
            if (stopping) {
                opened.close();
                return true;
            }
            client = c;
            backoff.reset();
            log.info("event=iothub_opened desiredVersion={}", twin.desiredVersion());
            onOpened.accept(twin);
            return true;
        } catch (HubException e) {
            log.warn("event=iothub_open_failed attempt={} error={}", backoff.failures() + 1, e.getMessage());
            if (c != null) {
                c.close();
            }
            if (!e.retryable() && backoff.failures() > 5) {
                log.error("event=iothub_open_failing error={}", e.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            log.warn("event=iothub_open_failed attempt={} error={}", backoff.failures() + 1, e.toString());
            if (c != null) {
                c.close();
            }
            return false;
        }
    }

    private void sleep(Duration d) {
        synchronized (monitor) {
            try {
                long end = System.nanoTime() + d.toNanos();
                while (!stopping && System.nanoTime() < end) {
                    monitor.wait(Math.max(1, (end - System.nanoTime()) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        HubClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
        }
    }
}
