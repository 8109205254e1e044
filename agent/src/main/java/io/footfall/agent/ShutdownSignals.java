package io.footfall.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns SIGTERM (IoT Edge, systemd, docker stop), SIGINT (Ctrl-C) and SIGHUP (a closed terminal) into a graceful
 * stop: the agent drains its cameras, closes its intervals as partial aggregates, finishes its clips, commits the
 * outbox and exits 0. The JVM's own handling would run shutdown hooks racing the pipeline and exit 143/130.
 * A second signal, or the deadline passing, halts at once: the outbox is committed per batch, so nothing
 * acknowledged is lost, only the open interval.
 *
 * <p>Signals are process-wide: install once per running agent, and {@link #close()} puts the previous handlers back.
 */
public final class ShutdownSignals implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ShutdownSignals.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT", "HUP");
    /** Exit status when the deadline passes: the conventional "killed by SIGTERM". */
    static final int HALT_STATUS = 143;

    private final Map<Signal, SignalHandler> previous = new HashMap<>();
    private volatile String received;

    private ShutdownSignals() {
    }

    /**
     * @param onSignal called once, on a signal thread, with the signal's name: ask the agent to stop
     * @param deadline how long the graceful stop may take before the process halts
     */
    public static ShutdownSignals install(Runnable onSignal, Duration deadline) {
        ShutdownSignals s = new ShutdownSignals();
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                s.previous.put(signal, Signal.handle(signal, sig -> s.handle(sig.getName(), onSignal, deadline)));
            } catch (IllegalArgumentException e) {
                // The JVM reserves this signal on this platform (e.g. with -Xrs): the default handling stays.
                log.debug("event=signal_unavailable signal={}", name);
            }
        }
        return s;
    }

    private synchronized void handle(String name, Runnable onSignal, Duration deadline) {
        if (received != null) {
            log.warn("event=shutdown_forced signal=SIG{} first=SIG{}", name, received);
            Runtime.getRuntime().halt(HALT_STATUS);
        }
        received = name;
        log.info("event=shutdown_requested signal=SIG{} deadlineSeconds={}", name, deadline.toSeconds());
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(deadline.toMillis());
                log.error("event=shutdown_deadline_passed signal=SIG{} seconds={}", name, deadline.toSeconds());
                Runtime.getRuntime().halt(HALT_STATUS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        onSignal.run();
    }

    /** The signal that asked for the stop, if one did. */
    public java.util.Optional<String> received() {
        return java.util.Optional.ofNullable(received).map(n -> "SIG" + n);
    }

    @Override
    public void close() {
        previous.forEach((signal, handler) -> {
            try {
                Signal.handle(signal, handler);
            } catch (IllegalArgumentException ignored) {
                // not ours to restore
            }
        });
    }
}
