package io.footfall.cloud.upload;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.cloud.hub.Backoff;
import io.footfall.config.SyncSettings;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxRecord;
import io.footfall.store.OutboxTailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Hourly count files in Blob storage: for each camera and UTC hour, one JSON-lines blob of the outbox payloads (the
 * wire JSON) of the camera's crossings, zone events and aggregates in that hour (aggregates by their start, events
 * by their time), in sequence order, read through its own tailer ({@value #TAILER}).
 *
 * <p>An hour is written when it closes: when the camera's records have moved {@code hourCloseDelay} past its end;
 * when the hour is {@code hourCloseDelay} past on the clock and the camera has sent nothing for that long (offline,
 * or a recorded video that ended); when the camera reports it ended; on {@link #flush}; and on {@link #stop}, so
 * that a stop never strands an hour (after a restart, later records of that hour go to a new part). A
 * record that arrives for an hour already written goes to a new part ({@code camera.part2.jsonl}, ...): an
 * uploaded blob is never rewritten. Uploads are create-only with Content-MD5, so a retry of a blob whose first
 * attempt succeeded finds identical bytes and counts as done. The tailer is acknowledged up to the oldest record
 * of an hour not yet written, so a restart rebuilds open hours from the outbox.
 *
 * <p>Memory: a failed write (storage down) rewinds the tailer to its acknowledged position and drops every record
 * read since: they are read again once storage is back, so an outage holds at most about one hour per camera in
 * memory, not the outage's backlog. Records re-read of an hour already written (above the acknowledged position)
 * are recognised by the written part's last sequence and not written twice. What is remembered of written hours is
 * forgotten once they are acknowledged.
 *
 * <p>Thread-safe: one thread; {@link #flush} and {@link #stop} from any thread.
 */
public final class CountFileUploader {
    public static final String TAILER = "blob-counts";
    static final String CAMERA_STATE = "camera-state";
    static final Set<String> KINDS = Set.of("crossing", "crossing-cancelled", "zone-enter", "zone-exit", "aggregate");
    private static final Logger log = LoggerFactory.getLogger(CountFileUploader.class);
    private static final Duration IDLE = Duration.ofMillis(500);

    private record HourKey(String store, String device, String camera, Instant hour) implements Comparable<HourKey> {
        @Override
        public int compareTo(HourKey o) {
            int c = hour.compareTo(o.hour);
            return c != 0 ? c : (store + "/" + device + "/" + camera).compareTo(o.store + "/" + o.device + "/" + o.camera);
        }
    }

    private static final class OpenHour {
        final List<OutboxRecord> records = new ArrayList<>();
    }

    /** An hour already in a blob: the part its next late records go to, and the last sequence in it. */
    private record WrittenHour(int nextPart, long lastSequence) {
    }

    /** Blob names kept for {@link #flush}'s answer. */
    private static final int RECENT = 1024;

    private final OutboxTailer tailer;
    private final ObjectStore store;
    private final SyncSettings.Blob settings;
    private final String storeId;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), new SplittableRandom());
    private final Thread thread;
    private final Object monitor = new Object();
    // Only the uploader thread touches these:
    private final TreeMap<HourKey, OpenHour> open = new TreeMap<>();
    private final Map<String, Instant> watermark = new HashMap<>();
    private final Map<String, Long> lastArrivalNanos = new HashMap<>();
    private final Map<HourKey, WrittenHour> writtenHours = new HashMap<>();
    private volatile int held; // records in open hours, for tests and status
    // guarded by monitor
    private int flushRequests;
    private long blobsWritten;
    private final Deque<String> recentlyWritten = new ArrayDeque<>();
    private volatile boolean stopping;

    private final java.time.Clock clock;
    private final Set<String> ended = new java.util.HashSet<>();

    public CountFileUploader(Outbox outbox, ObjectStore store, SyncSettings.Blob settings, String storeId,
                             java.time.Clock clock) {
        this.clock = clock;
        this.tailer = outbox.tailer(TAILER);
        this.store = store;
        this.settings = settings;
        this.storeId = storeId;
        this.thread = new Thread(this::run, "footfall-blob-counts");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Writes every open hour now (also the current one), waiting up to {@code timeout}; returns the blob names (the
     * last {@value #RECENT} when there were more).
     */
    public List<String> flush(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        long before;
        synchronized (monitor) {
            before = blobsWritten;
            flushRequests++;
            monitor.notifyAll();
            try {
                while (flushRequests > 0 && System.nanoTime() < end && thread.isAlive()) {
                    monitor.wait(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (flushRequests > 0) { // timed out: do not leave the uploader flushing for good
                flushRequests--;
            }
            List<String> names = new ArrayList<>(recentlyWritten);
            int n = (int) Math.min(names.size(), blobsWritten - before);
            return List.copyOf(names.subList(names.size() - n, names.size()));
        }
    }

    public long blobsWritten() {
        synchronized (monitor) {
            return blobsWritten;
        }
    }

    /** Records read and held in memory until their hour is written. */
    public int heldRecords() {
        return held;
    }

    /**
     * Writes the open hours (within most of the deadline), then stops. What could not be written stays
     * unacknowledged in the outbox and is rebuilt on the next start.
     */
    public void stop(Duration deadline) {
        if (thread.isAlive() && !deadline.isZero()) {
            flush(deadline.multipliedBy(4).dividedBy(5));
        }
        stopping = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
        try {
            thread.join(Math.max(1, deadline.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        while (!stopping) {
            try {
                boolean flushing;
                synchronized (monitor) {
                    flushing = flushRequests > 0;
                }
                List<OutboxRecord> records = tailer.poll(500);
                records.forEach(this::addOrSkip);
                if (flushing && !records.isEmpty()) {
                    continue; // read everything durable before writing the hours out
                }
                writeClosedHours(flushing);
                ackBelowOpen();
                if (flushing) {
                    synchronized (monitor) {
                        flushRequests = 0;
                        monitor.notifyAll();
                    }
                }
                if (open.isEmpty()) { // nothing pending; while hours wait to be written, only a write resets it
                    backoff.reset();
                }
                if (records.isEmpty()) {
                    pause(IDLE);
                }
            } catch (ObjectStoreException e) {
                int dropped = rewind();
                Duration wait = backoff.next();
                log.warn("event=count_file_upload_failed attempt={} retryInMs={} dropped={} error={}", backoff.failures(),
                        wait.toMillis(), dropped, e.getMessage());
                sleep(wait);
            } catch (RuntimeException e) {
                int dropped = rewind();
                log.error("event=count_file_uploader_error dropped={} error={}", dropped, e.toString());
                pause(backoff.next());
            }
        }
    }

    /**
     * Forgets every record read but not yet in a blob and reads again from the acknowledged position: retrying from
     * the outbox keeps memory bounded however long the outage; the outbox holds the records anyway.
     */
    private int rewind() {
        int dropped = held;
        tailer.rewind();
        open.clear();
        held = 0;
        // The watermark must come from what is read again, or an hour re-read in part would close at once (split).
        watermark.clear();
        return dropped;
    }

    /** One malformed record is passed over alone: the rest of the batch still goes into its hours. */
    private void addOrSkip(OutboxRecord r) {
        try {
            add(r);
        } catch (MalformedRecordException e) {
            log.error("event=count_record_malformed id={} sequence={} kind={} error={} action=skipped", r.id(),
                    r.sequence(), r.kind(), e.getMessage());
        }
    }

    private void add(OutboxRecord r) {
        if (CAMERA_STATE.equals(r.kind())) {
            cameraState(r);
            return;
        }
        if (!KINDS.contains(r.kind())) {
            return;
        }
        JsonNode n = WireJson.object(r);
        String camera = n.path("camera").asText("camera");
        boolean aggregate = "aggregate".equals(r.kind());
        Instant at = WireJson.instant(n, aggregate ? "start" : "at", Instant.ofEpochMilli(r.createdMillis()));
        Instant eventTime = aggregate ? WireJson.instant(n, "end", at) : at;
        HourKey key = new HourKey(n.path("store").asText(storeId), n.path("device").asText("device"), camera,
                at.truncatedTo(ChronoUnit.HOURS));
        WrittenHour done = writtenHours.get(key);
        if (done == null || r.sequence() > done.lastSequence()) { // else re-read after a rewind: already in a blob
            open.computeIfAbsent(key, k -> new OpenHour()).records.add(r);
            held++;
        }
        watermark.merge(camera, eventTime, (a, b) -> a.isAfter(b) ? a : b);
        lastArrivalNanos.put(camera, System.nanoTime());
        ended.remove(camera);
    }

    /** A camera that ended (its video is over) or was stopped will not add to its open hours. */
    private void cameraState(OutboxRecord r) {
        JsonNode n = WireJson.object(r);
        String state = n.path("state").asText("");
        if (state.equals("ended") || state.equals("stopped")) {
            ended.add(n.path("camera").asText(""));
        }
    }

    private void writeClosedHours(boolean all) {
        long now = System.nanoTime();
        for (Iterator<Map.Entry<HourKey, OpenHour>> it = open.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<HourKey, OpenHour> e = it.next();
            HourKey k = e.getKey();
            Instant mark = watermark.get(k.camera());
            boolean passed = mark != null && !mark.isBefore(k.hour().plus(Duration.ofHours(1)).plus(settings.hourCloseDelay()));
            Instant closesAt = k.hour().plus(Duration.ofHours(1)).plus(settings.hourCloseDelay());
            boolean idle = now - lastArrivalNanos.getOrDefault(k.camera(), now) >= settings.hourCloseDelay().toNanos()
                    && !clock.instant().isBefore(closesAt);
            if (all || passed || idle || ended.contains(k.camera())) {
                write(k, e.getValue());
                it.remove();
                held -= e.getValue().records.size();
            }
        }
    }

    private void write(HourKey k, OpenHour hour) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (OutboxRecord r : hour.records) {
            body.writeBytes(r.payload());
            body.write('\n');
        }
        byte[] bytes = body.toByteArray();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("store", k.store());
        meta.put("device", k.device());
        meta.put("camera", k.camera());
        meta.put("hour", k.hour().toString());
        meta.put("records", Integer.toString(hour.records.size()));
        meta.put("firstsequence", Long.toString(hour.records.get(0).sequence()));
        meta.put("lastsequence", Long.toString(hour.records.get(hour.records.size() - 1).sequence()));
        WrittenHour before = writtenHours.get(k);
        long last = hour.records.get(hour.records.size() - 1).sequence();
        for (int part = before == null ? 1 : before.nextPart(); ; part++) {
            String name = BlobLayout.countFile(k.store(), k.device(), k.camera(), k.hour(), part);
            ObjectStore.Created c = store.createIfAbsent(settings.countsContainer(), name, bytes,
                    "application/x-ndjson", meta);
            if (c != ObjectStore.Created.EXISTS_DIFFERENT) {
                writtenHours.put(k, new WrittenHour(part + 1, last));
                backoff.reset();
                synchronized (monitor) {
                    blobsWritten++;
                    recentlyWritten.addLast(settings.countsContainer() + "/" + name);
                    while (recentlyWritten.size() > RECENT) {
                        recentlyWritten.removeFirst();
                    }
                }
                log.info("event=count_file_written blob={}/{} records={} bytes={} result={}", settings.countsContainer(),
                        name, hour.records.size(), bytes.length, c);
                return;
            }
        }
    }

    /**
     * Everything before the oldest record of an hour not yet written is in some blob. A written hour acknowledged in
     * full is forgotten: nothing below the acknowledgement is read again, and a late record for it finds the next
     * free part by trying (create-only).
     */
    private void ackBelowOpen() {
        long oldestOpen = Long.MAX_VALUE;
        for (OpenHour h : open.values()) {
            oldestOpen = Math.min(oldestOpen, h.records.get(0).sequence());
        }
        long upTo = oldestOpen == Long.MAX_VALUE ? tailer.position() : oldestOpen - 1;
        if (upTo > 0) {
            tailer.ack(upTo);
        }
        long acked = tailer.acknowledged();
        writtenHours.values().removeIf(w -> w.lastSequence() <= acked);
    }

    private void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            stopping = true;
        }
    }

    private void pause(Duration d) {
        synchronized (monitor) {
            if (stopping || flushRequests > 0) {
                return;
            }
            try {
                monitor.wait(Math.max(1, d.toMillis()));
            } catch (InterruptedException e) {
                stopping = true;
            }
        }
    }
}
