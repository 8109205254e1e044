package io.footfall.cloud.upload;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.cloud.hub.Backoff;
import io.footfall.cloud.hub.Workers;
import io.footfall.config.SyncSettings;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxRecord;
import io.footfall.store.OutboxTailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Uploads the annotated clips the pipeline finished (outbox records of kind {@code clip}) to Blob storage through
 * its own tailer ({@value #TAILER}), one at a time in sequence order, as resumable block uploads under the
 * bandwidth cap. A clip's record is acknowledged only once its blob is committed; from then on retention may delete
 * the local file. A failure (storage unreachable) keeps the record and retries with backoff, resuming the blocks
 * already staged. A blob name taken by another clip (one-second names: two clips of a camera starting in the same
 * second) sends the clip to the next part ({@code -clip.part2.mp4}, see {@link BlobLayout}). A clip whose file is gone (retention under a full disk got there first) is logged and skipped, and
 * so is a clip record whose payload cannot be read ({@code event=clip_record_malformed}): retrying could not help.
 * Any other failure (the outbox failing to store an acknowledgement on a full disk, say) is logged and retried with
 * the same backoff: the thread ends only on {@link #stop}.
 *
 * <p>Thread-safe: one uploading thread; {@link #stats} and {@link #stop} from any thread.
 */
public final class ClipUploader {
    public static final String TAILER = "blob-clips";
    private static final Logger log = LoggerFactory.getLogger(ClipUploader.class);
    private static final Duration IDLE = Duration.ofMillis(500);

    private final OutboxTailer tailer;
    private final ObjectStore store;
    private final SyncSettings.Blob settings;
    private final RateLimiter limiter;
    private final String storeId;
    /** Longest wait between attempts while storage is unreachable. */
    public static final Duration MAX_RETRY_DELAY = Duration.ofMinutes(2);
    private final Backoff backoff;
    private final Thread thread;
    private final Object monitor = new Object();
    private volatile boolean stopping;
    private volatile boolean draining; // stop requested: finish what is durable, then end
    private long uploaded;
    private long blocksReused;
    private long missing;
    private long malformed;

    public ClipUploader(Outbox outbox, ObjectStore store, SyncSettings.Blob settings, RateLimiter limiter, String storeId) {
        this(outbox, store, settings, limiter, storeId, MAX_RETRY_DELAY);
    }

    public ClipUploader(Outbox outbox, ObjectStore store, SyncSettings.Blob settings, RateLimiter limiter, String storeId,
                        Duration maxRetryDelay) {
        this.backoff = new Backoff(Duration.ofSeconds(1), maxRetryDelay, new SplittableRandom());
        this.tailer = outbox.tailer(TAILER);
        this.store = store;
        this.settings = settings;
        this.limiter = limiter;
        this.storeId = storeId;
        this.thread = new Thread(this::run, "footfall-blob-clips");
        this.thread.setDaemon(true);
    }

    /** @param malformed clip records skipped because their payload could not be read (see the log) */
    public record Stats(long uploaded, long blocksReused, long missing, long malformed, long lag) {
    }

    public Stats stats() {
        synchronized (monitor) {
            return new Stats(uploaded, blocksReused, missing, malformed, tailer.lag());
        }
    }

    public void start() {
        thread.start();
    }

    /**
     * Uploads what is durable until caught up or the deadline, then stops; an upload cut short resumes from its staged
     * blocks on the next start (its record stays unacknowledged).
     */
    public void stop(Duration deadline) {
        draining = true;
        Workers.awaitEnd(thread, deadline.toMillis());
        stopping = true;
        thread.interrupt();
        Workers.awaitEnd(thread, 1000);
    }

    private void run() {
        while (!stopping) {
            OutboxRecord current = null;
            try {
                List<OutboxRecord> records = tailer.poll(16);
                if (records.isEmpty()) {
                    if (draining) {
                        return;
                    }
                    pause(IDLE);
                    continue;
                }
                for (OutboxRecord r : records) {
                    if (stopping) {
                        return;
                    }
                    current = r;
                    deliver(r);
                    tailer.ack(r.sequence());
                    backoff.reset();
                }
            } catch (RuntimeException e) {
                // Storage down, the outbox failing to store an ack (full disk), or a bug: none may end clip uploads
                // for the life of the process. The record stays unacknowledged and is tried again after the backoff.
                tailer.rewind();
                if (stopping || draining) {
                    return;
                }
                Duration wait = backoff.next();
                String id = current == null ? "none" : current.id();
                if (e instanceof ObjectStoreException) {
                    log.warn("event=clip_upload_failed id={} attempt={} retryInMs={} error={}", id, backoff.failures(),
                            wait.toMillis(), e.getMessage());
                } else {
                    log.error("event=clip_uploader_error id={} attempt={} retryInMs={} error={}", id,
                            backoff.failures(), wait.toMillis(), e.toString());
                }
                pause(wait);
            }
        }
    }

    /** Uploads a clip record's file; records of other kinds and malformed clip records are only passed over. */
    private void deliver(OutboxRecord r) {
        if (!Outbox.CLIP_KIND.equals(r.kind())) {
            return;
        }
        try {
            upload(r);
        } catch (MalformedRecordException e) {
            synchronized (monitor) {
                malformed++;
            }
            log.error("event=clip_record_malformed id={} sequence={} error={} action=skipped", r.id(), r.sequence(),
                    e.getMessage());
        }
    }

    private void upload(OutboxRecord r) {
        JsonNode clip = WireJson.object(r);
        Path file = file(clip);
        if (!Files.isRegularFile(file)) {
            synchronized (monitor) {
                missing++;
            }
            log.warn("event=clip_missing id={} file={}", r.id(), file);
            return;
        }
        String camera = clip.path("camera").asText("camera");
        // A record without a start (older agents) is filed under its creation time.
        Instant start = WireJson.instant(clip, "start", Instant.ofEpochMilli(r.createdMillis()));
        String clipStore = clip.path("store").asText(storeId);
        String device = clip.path("device").asText("device");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("recordid", r.id());
        meta.put("store", clipStore);
        meta.put("device", device);
        meta.put("camera", camera);
        meta.put("start", clip.path("start").asText(""));
        meta.put("end", clip.path("end").asText(""));
        long t0 = System.nanoTime();
        // Names have one-second resolution: a second clip of the camera starting in the same second (or a recorded
        // source played again) finds the name taken and goes to the next part; a retry finds its own part identical.
        for (int part = 1; ; part++) {
            String name = BlobLayout.clip(clipStore, device, camera, start, part);
            ObjectStore.FileUpload u = store.uploadFile(settings.clipsContainer(), name, file, "video/mp4", meta,
                    settings.blockKb() * 1024, limiter);
            if (u.result() == ObjectStore.Created.EXISTS_DIFFERENT) {
                continue;
            }
            synchronized (monitor) {
                uploaded++;
                blocksReused += u.blocksReused();
            }
            log.info("event=clip_uploaded id={} blob={}/{} bytes={} blocks={} blocksReused={} result={} ms={}", r.id(),
                    settings.clipsContainer(), name, u.bytes(), u.blocks(), u.blocksReused(), u.result(),
                    (System.nanoTime() - t0) / 1_000_000);
            return;
        }
    }

    private static Path file(JsonNode clip) {
        String file = clip.path("file").asText("");
        if (file.isBlank()) {
            throw new MalformedRecordException("no file");
        }
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw new MalformedRecordException("file is not a path: " + e.getReason());
        }
    }

    private void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            if (!stopping) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
