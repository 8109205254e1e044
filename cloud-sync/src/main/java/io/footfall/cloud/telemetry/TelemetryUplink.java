package io.footfall.cloud.telemetry;

import io.footfall.cloud.hub.Backoff;
import io.footfall.cloud.hub.HubClient;
import io.footfall.cloud.hub.HubException;
import io.footfall.cloud.hub.Telemetry;
import io.footfall.cloud.hub.Workers;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxRecord;
import io.footfall.store.OutboxTailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Delivers the outbox to IoT Hub through its own tailer ({@value #TAILER}): reads records in sequence order, packs
 * them ({@link MessagePacker}), sends one message at a time and acknowledges the tailer only when the SDK confirms
 * the message. A failed or unconfirmed send rewinds the tailer (the same records go again, under the same message
 * ids) after a capped exponential backoff with jitter. It runs on its own thread and reads only durable records, so
 * the pipeline never waits on the network; an outage only makes the outbox longer.
 *
 * <p>Records wait up to the flush interval to fill a message; {@link #flush} sends everything now.
 *
 * <p>Thread-safe: one sending thread; {@link #flush}, {@link #stats} and {@link #stop} may be called from any thread.
 */
public final class TelemetryUplink {
    public static final String TAILER = "iothub";
    private static final Logger log = LoggerFactory.getLogger(TelemetryUplink.class);
    private static final int MAX_POLL = 1000;
    private static final Duration IDLE_POLL = Duration.ofMillis(250);
    private static final Duration SEND_TIMEOUT = Duration.ofMinutes(2);
    private static final int RECENT = 256;

    private final Outbox outbox;
    private final OutboxTailer tailer;
    private final Supplier<Optional<HubClient>> hub;
    private final MessagePacker packer;
    private final Duration flushInterval;
    private final Clock clock;
    private final Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofMinutes(1), new SplittableRandom());
    private final Object monitor = new Object();
    private final Thread thread;

    // guarded by monitor
    private long messagesSent;
    private long recordsSent;
    private long sendFailures;
    private Instant lastSuccess;
    private final Deque<String> recentIds = new ArrayDeque<>();
    private int flushRequests;
    private volatile boolean stopping;
    private long pendingSinceNanos = -1;

    public TelemetryUplink(Outbox outbox, Supplier<Optional<HubClient>> hub, MessagePacker packer, Duration flushInterval,
                           Clock clock) {
        this.outbox = outbox;
        this.tailer = outbox.tailer(TAILER);
        this.hub = hub;
        this.packer = packer;
        this.flushInterval = flushInterval;
        this.clock = clock;
        this.thread = new Thread(this::run, "footfall-iothub-uplink");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Counters for status reports. */
    public record Stats(long messagesSent, long recordsSent, long sendFailures, Optional<Instant> lastSuccess, long lag) {
    }

    public Stats stats() {
        synchronized (monitor) {
            return new Stats(messagesSent, recordsSent, sendFailures, Optional.ofNullable(lastSuccess), tailer.lag());
        }
    }

    /**
     * Sends everything that is durable now, waiting up to {@code timeout}.
     */
    public FlushResult flush(Duration timeout) {
        long target = outbox.durableSequence();
        long deadline = System.nanoTime() + timeout.toNanos();
        long messagesBefore;
        long recordsBefore;
        synchronized (monitor) {
            messagesBefore = messagesSent;
            recordsBefore = recordsSent;
            flushRequests++;
            monitor.notifyAll();
        }
        try {
            synchronized (monitor) {
                while (tailer.acknowledged() < target && System.nanoTime() < deadline && thread.isAlive()) {
                    monitor.wait(Math.max(1, Math.min(200, (deadline - System.nanoTime()) / 1_000_000)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            synchronized (monitor) {
                flushRequests--;
            }
        }
        synchronized (monitor) {
            int messages = (int) (messagesSent - messagesBefore);
            List<String> ids = new ArrayList<>(recentIds);
            ids = ids.subList(Math.max(0, ids.size() - Math.min(messages, ids.size())), ids.size());
            return new FlushResult(tailer.acknowledged() >= target, messages, (int) (recordsSent - recordsBefore),
                    tailer.acknowledged(), ids);
        }
    }

    /** Delivers what it can until the deadline, then stops the sending thread. */
    public void stop(Duration deadline) {
        if (!deadline.isZero() && thread.isAlive()) {
            flush(deadline);
        }
        stopping = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        Workers.awaitEnd(thread, 1000);
    }

    private void run() {
        while (!stopping) {
            try {
                step();
            } catch (RuntimeException e) {
                // The outbox failing (disk) must not end delivery for good: log, back off, try again.
                log.error("event=uplink_error error={}", e.toString());
                tailer.rewind();
                pause(backoff.next());
            }
        }
    }

    private void step() {
        Optional<HubClient> client = hub.get();
        if (client.isEmpty()) {
            // Nothing can go until the hub is back: wait even while a flush asks for speed, or this spins.
            await(IDLE_POLL);
            return;
        }
        List<OutboxRecord> records = tailer.poll(MAX_POLL);
        if (records.isEmpty()) {
            pendingSinceNanos = -1;
            pause(IDLE_POLL);
            return;
        }
        if (pendingSinceNanos < 0) {
            pendingSinceNanos = System.nanoTime();
        }
        if (!due(records)) {
            tailer.rewind();
            pause(IDLE_POLL);
            return;
        }
        for (MessagePacker.Packed p : packer.pack(records)) {
            if (p.message().isEmpty()) {
                tailer.ack(p.ackUpTo());
                reportTooLarge(p);
                continue;
            }
            if (!send(client.get(), p)) {
                tailer.rewind();
                pause(backoff.next());
                return;
            }
        }
        pendingSinceNanos = -1;
    }

    private boolean due(List<OutboxRecord> records) {
        synchronized (monitor) {
            if (flushRequests > 0 || stopping) {
                return true;
            }
        }
        return records.size() >= MAX_POLL || packer.sendableBytes(records) >= packer.maxBytes()
                || System.nanoTime() - pendingSinceNanos >= flushInterval.toNanos();
    }

    private boolean send(HubClient client, MessagePacker.Packed p) {
        Telemetry t = p.message().orElseThrow();
        try {
            client.send(t).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            String why = e.getCause() instanceof HubException h ? h.getMessage() : String.valueOf(e.getCause());
            failed(t, why);
            return false;
        } catch (TimeoutException e) {
            failed(t, "no confirmation within " + SEND_TIMEOUT.toSeconds() + " s");
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
            return false;
        }
        tailer.ack(p.ackUpTo());
        reportTooLarge(p);
        backoff.reset();
        synchronized (monitor) {
            messagesSent++;
            recordsSent += p.recordIds().size();
            lastSuccess = clock.instant();
            recentIds.addLast(t.messageId());
            while (recentIds.size() > RECENT) {
                recentIds.removeFirst();
            }
            monitor.notifyAll();
        }
        log.debug("event=telemetry_sent messageId={} records={} bytes={} ackUpTo={}", t.messageId(),
                p.recordIds().size(), t.body().length, p.ackUpTo());
        return true;
    }

    /** Logged once they are passed over for good (acknowledged), not each time a batch is packed again. */
    private static void reportTooLarge(MessagePacker.Packed p) {
        for (MessagePacker.TooLarge r : p.tooLarge()) {
            log.error("event=telemetry_record_too_large id={} sequence={} bytes={} limitBytes={} action=\"not sent to "
                    + "IoT Hub; Blob count files still carry it\"", r.id(), r.sequence(), r.bytes(), MessagePacker.MAX_BODY);
        }
    }

    private void failed(Telemetry t, String why) {
        synchronized (monitor) {
            sendFailures++;
        }
        log.warn("event=telemetry_send_failed messageId={} attempt={} error={}", t.messageId(), backoff.failures() + 1,
                why);
    }

    /** Waits {@code d}, except for a short wait while a flush has records to send (then it goes on at once). */
    private void pause(Duration d) {
        synchronized (monitor) {
            if (flushRequests > 0 && d.compareTo(IDLE_POLL) <= 0 && tailer.lag() > 0) {
                return;
            }
            await(d);
        }
    }

    /** Waits up to {@code d}, woken early by a flush or stop request; not at all once stopping. */
    private void await(Duration d) {
        synchronized (monitor) {
            if (stopping) {
                return;
            }
            try {
                monitor.wait(Math.max(1, d.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopping = true;
            }
        }
    }
}
