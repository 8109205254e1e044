package io.footfall.cloud.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.cloud.hub.Backoff;
import io.footfall.cloud.hub.Workers;
import io.footfall.config.SyncSettings;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxRecord;
import io.footfall.store.OutboxTailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
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
 * already staged. A clip whose file is gone (retention under a full disk got there first) is logged and skipped.
 *
 * <p>Thread-safe: one uploading thread; {@link #stats} and {@link #stop} from any thread.
 */
public final class ClipUploader {
    public static final String TAILER = "blob-clips";
    private static final Logger log = LoggerFactory.getLogger(ClipUploader.class);
    private static final ObjectMapper JSON = new ObjectMapper();
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

    public record Stats(long uploaded, long blocksReused, long missing, long lag) {
    }

    public Stats stats() {
        synchronized (monitor) {
            return new Stats(uploaded, blocksReused, missing, tailer.lag());
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
            List<OutboxRecord> records;
            try {
                records = tailer.poll(16);
            } catch (RuntimeException e) {
                log.error("event=clip_uploader_error error={}", e.toString());
                pause(backoff.next());
                continue;
            }
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
                if (!Outbox.CLIP_KIND.equals(r.kind())) {
                    tailer.ack(r.sequence());
                    continue;
                }
                try {
                    upload(r);
                    tailer.ack(r.sequence());
                    backoff.reset();
                } catch (ObjectStoreException e) {
                    if (stopping || draining) {
                        tailer.rewind();
                        return;
                    }
                    Duration wait = backoff.next();
                    log.warn("event=clip_upload_failed id={} attempt={} retryInMs={} error={}", r.id(), backoff.failures(),
                            wait.toMillis(), e.getMessage());
                    tailer.rewind();
                    pause(wait);
                    break;
                }
            }
        }
    }

    private void upload(OutboxRecord r) {
        JsonNode clip = parse(r);
        Path file = Path.of(clip.path("file").asText(""));
        if (!Files.isRegularFile(file)) {
            synchronized (monitor) {
                missing++;
            }
            log.warn("event=clip_missing id={} file={}", r.id(), file);
            return;
        }
        String camera = clip.path("camera").asText("camera");
        Instant start = Instant.parse(clip.path("start").asText(Instant.ofEpochMilli(r.createdMillis()).toString()));
        String kind = firstText(clip, "clipKind", "trigger", "mode").orElse("clip");
        String store = clip.path("store").asText(storeId);
        String device = clip.path("device").asText("device");
        String name = BlobLayout.clip(store, device, camera, start, kind);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("recordid", r.id());
        meta.put("store", store);
        meta.put("device", device);
        meta.put("camera", camera);
        meta.put("start", clip.path("start").asText(""));
        meta.put("end", clip.path("end").asText(""));
        if (clip.has("trackIds")) {
            meta.put("trackids", join(clip.get("trackIds")));
        }
        long t0 = System.nanoTime();
        ObjectStore.FileUpload u = store().uploadFile(settings.clipsContainer(), name, file, "video/mp4", meta,
                settings.blockKb() * 1024, limiter);
        synchronized (monitor) {
            uploaded++;
            blocksReused += u.blocksReused();
        }
        log.info("event=clip_uploaded id={} blob={}/{} bytes={} blocks={} blocksReused={} alreadyCommitted={} ms={}",
                r.id(), settings.clipsContainer(), name, u.bytes(), u.blocks(), u.blocksReused(), u.alreadyCommitted(),
                (System.nanoTime() - t0) / 1_000_000);
    }

    private ObjectStore store() {
        return store;
    }

    private static java.util.Optional<String> firstText(JsonNode n, String... fields) {
        for (String f : fields) {
            if (n.path(f).isTextual() && !n.path(f).asText().isBlank()) {
                return java.util.Optional.of(n.path(f).asText());
            }
        }
        return java.util.Optional.empty();
    }

    private static String join(JsonNode array) {
        StringBuilder b = new StringBuilder();
        array.forEach(x -> b.append(b.isEmpty() ? "" : ",").append(x.asText()));
        return b.toString();
    }

    private static JsonNode parse(OutboxRecord r) {
        try {
            return JSON.readTree(r.payload());
        } catch (IOException e) {
            return JSON.createObjectNode();
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
