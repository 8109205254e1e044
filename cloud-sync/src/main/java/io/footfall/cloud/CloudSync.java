package io.footfall.cloud;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.BadInputException;
import io.footfall.agent.spi.AgentContext;
import io.footfall.agent.spi.AgentService;
import io.footfall.cloud.blob.AzureBlobStore;
import io.footfall.cloud.blob.BlobSnapshots;
import io.footfall.cloud.hub.DesiredPatch;
import io.footfall.cloud.hub.HubHandlers;
import io.footfall.cloud.hub.HubSession;
import io.footfall.cloud.hub.HubState;
import io.footfall.cloud.hub.MethodCall;
import io.footfall.cloud.hub.MethodReply;
import io.footfall.cloud.iothub.IotHubClient;
import io.footfall.cloud.methods.DirectMethods;
import io.footfall.cloud.methods.SnapshotUploader;
import io.footfall.cloud.telemetry.FlushResult;
import io.footfall.cloud.telemetry.MessagePacker;
import io.footfall.cloud.telemetry.TelemetryUplink;
import io.footfall.cloud.twin.StatusJson;
import io.footfall.cloud.twin.TwinSync;
import io.footfall.cloud.upload.ClipUploader;
import io.footfall.cloud.upload.CountFileUploader;
import io.footfall.cloud.upload.ObjectStore;
import io.footfall.cloud.upload.RateLimiter;
import io.footfall.config.FootfallConfig;
import io.footfall.config.SyncSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running cloud sync: IoT Hub (telemetry uplink, twin configuration, direct methods) when an identity is
 * configured, Blob storage (count files, clips, snapshots) when an account is. Each part reads the outbox through
 * its own tailer and runs on its own thread; nothing here is called by the pipeline.
 */
public final class CloudSync implements AgentService {
    private static final Logger log = LoggerFactory.getLogger(CloudSync.class);
    /** How often the twin's {@code status} property is refreshed (reported-property updates are metered too). */
    static final Duration STATUS_INTERVAL = Duration.ofMinutes(5);

    private final AgentContext context;
    private final SyncEnvironment env;
    private final String deviceId;
    /** What the parts run with now: the file's at start, then each configuration the twin applies. */
    private volatile SyncSettings settings;
    private volatile String storeId;
    /** The sync settings the last applied configuration named: a twin patch that leaves them alone changes nothing. */
    private SyncSettings configured; // guarded by this

    private volatile HubSession session;
    private volatile boolean stopping;
    private volatile TelemetryUplink uplink;
    private TwinSync twin;
    private Optional<ObjectStore> store = Optional.empty();
    private volatile CountFileUploader counts;
    private volatile ClipUploader clips;
    private ScheduledExecutorService statusTimer;

    public CloudSync(AgentContext context, SyncEnvironment env) {
        this(context, env, SyncConfig.settings(context.config()));
    }

    public CloudSync(AgentContext context, SyncEnvironment env, SyncSettings settings) {
        this.context = context;
        this.env = env;
        this.settings = settings;
        FootfallConfig config = context.config();
        this.storeId = SyncConfig.storeId(config);
        this.deviceId = config.deviceId();
        this.configured = SyncConfig.settings(config);
    }

    @Override
    public void start() throws Exception {
        log.info("event=cloud_sync_starting {} iothub={} blob={}", env, settings.iothub().enabled(),
                settings.blob().enabled());
        if (env.blob().isPresent()) {
            try {
                store = Optional.of(AzureBlobStore.create(env.blob().get()));
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
        }
        startBlob();
        if (env.hub().isPresent() && settings.iothub().enabled()) {
            startHub(store.filter(s -> settings.blob().enabled())
                    .map(s -> new BlobSnapshots(s, settings.blob().snapshotsContainer(), storeId, deviceId)));
        }
    }

    /** The Blob parts the settings ask for, if the environment names an account. */
    private void startBlob() {
        if (store.isEmpty() || !settings.blob().enabled()) {
            return;
        }
        ObjectStore s = store.get();
        RateLimiter limiter = RateLimiter.ofKilobytesPerSecond(settings.blob().bandwidthKbps());
        if (settings.blob().uploadCounts()) {
            counts = new CountFileUploader(context.outbox(), s, settings.blob(), storeId, context.clock());
            counts.start();
        }
        if (settings.blob().uploadClips()) {
            clips = new ClipUploader(context.outbox(), s, settings.blob(), limiter, storeId);
            clips.start();
        }
    }

    private TelemetryUplink newUplink() {
        return new TelemetryUplink(context.outbox(), () -> session.connected(),
                new MessagePacker(settings.iothub(), storeId), settings.iothub().flushInterval(), context.clock());
    }

    /**
     * A configuration the twin applied: when its sync settings or store id differ from what the parts run with, the
     * uploaders and the telemetry uplink are stopped and started again with the new ones (each resumes from its own
     * cursor in the outbox, so nothing is sent twice or skipped); the hub session and the twin stay.
     */
    private synchronized void configApplied(FootfallConfig applied) {
        SyncSettings next = SyncConfig.settings(applied);
        String nextStore = SyncConfig.storeId(applied);
        if (stopping || next.equals(configured) && nextStore.equals(storeId)) {
            return;
        }
        configured = next;
        log.info("event=cloud_sync_settings_changed iothubKinds={} blob={} uploadCounts={} uploadClips={}",
                next.iothub().kinds(), next.blob().enabled(), next.blob().uploadCounts(), next.blob().uploadClips());
        Duration d = Duration.ofSeconds(2);
        try {
            if (counts != null) {
                counts.stop(d);
                counts = null;
            }
            if (clips != null) {
                clips.stop(d);
                clips = null;
            }
            if (uplink != null) {
                uplink.stop(d);
            }
            settings = next;
            storeId = nextStore;
            startBlob();
            if (uplink != null) {
                uplink = newUplink();
                uplink.start();
            }
        } catch (RuntimeException e) {
            log.error("event=cloud_sync_restart_failed error=\"{}\"", e.toString());
        }
    }

    private void startHub(Optional<SnapshotUploader> snapshots) {
        Optional<SSLContext> trust = env.hubTrust();
        HubSession[] self = new HubSession[1];
        twin = new TwinSync(context.control(), () -> self[0].current(), this::status, this::configApplied);
        DirectMethods methods = new DirectMethods(context.control(), this::status, this::flush, snapshots);
        self[0] = new HubSession(() -> IotHubClient.create(env.hub().get(), trust), new HubHandlers() {
            @Override
            public void desiredPatch(DesiredPatch patch) {
                twin.patch(patch);
            }

            @Override
            public MethodReply method(MethodCall call) {
                return methods.invoke(call);
            }

            @Override
            public void stateChanged(HubState state, String reason) {
                // HubSession reopens on CLOSED; the uplink waits while not CONNECTED.
            }
        }, twin::opened);
        session = self[0];
        uplink = newUplink();
        session.start();
        uplink.start();
        statusTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "footfall-twin-status");
            t.setDaemon(true);
            return t;
        });
        statusTimer.scheduleAtFixedRate(twin::reportStatus, STATUS_INTERVAL.toMillis(), STATUS_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    ObjectNode status() {
        TelemetryUplink.Stats s = uplink == null ? new TelemetryUplink.Stats(0, 0, 0, Optional.empty(), 0) : uplink.stats();
        return StatusJson.of(context.control().status(), s, Instant.now(context.clock()));
    }

    FlushResult flush(Duration timeout) {
        FlushResult r = uplink.flush(timeout);
        CountFileUploader counts = this.counts;
        if (counts != null) {
            counts.flush(Duration.ofSeconds(Math.max(1, timeout.toSeconds() / 2)));
        }
        return r;
    }

    /**
     * Stops every part within {@code deadline} at most. The parts each get a share of what is left, and some wait a
     * little past theirs (a hub that does not answer a close); so the whole runs on its own thread and whatever has
     * not finished by the deadline is left to the process's exit: the agent must still close its outbox before
     * IoT Edge's kill, and delivery acknowledgements it has not committed are only sent again.
     */
    @Override
    public void stop(Duration deadline) {
        stopping = true;
        Thread stopper = new Thread(() -> stopParts(deadline), "footfall-cloud-stop");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(Math.max(1, deadline.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            log.warn("event=cloud_sync_stop_overran deadlineMillis={} note=\"left running for the process exit\"",
                    deadline.toMillis());
        } else {
            log.info("event=cloud_sync_stopped");
        }
    }

    private void stopParts(Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        // Each step on its own: one that fails must not leave the hub connection open.
        step("status", () -> {
            if (statusTimer != null) {
                statusTimer.shutdownNow();
            }
        });
        step("uplink", () -> {
            if (uplink != null) {
                uplink.stop(left(end, 0.7));
            }
        });
        step("counts", () -> {
            if (counts != null) {
                counts.stop(left(end, 0.5));
            }
        });
        step("clips", () -> {
            if (clips != null) {
                clips.stop(left(end, 0.5));
            }
        });
        step("twin", () -> {
            if (twin != null) {
                twin.close();
            }
        });
        step("session", () -> {
            if (session != null) {
                session.close();
            }
        });
    }

    private static void step(String part, Runnable stop) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            log.warn("event=cloud_sync_stop_failed part={} error=\"{}\"", part, e.toString());
        }
    }

    private static Duration left(long endNanos, double share) {
        long left = endNanos - System.nanoTime();
        return Duration.ofNanos(Math.max(0, (long) (left * share)));
    }

    /** For tests and the status page: the parts that run. */
    List<String> parts() {
        return java.util.stream.Stream.of(session == null ? null : "iothub", counts == null ? null : "blob-counts",
                clips == null ? null : "blob-clips").filter(java.util.Objects::nonNull).toList();
    }

    /** Exposed for tests: the uplink's counters. */
    Optional<TelemetryUplink> uplink() {
        return Optional.ofNullable(uplink);
    }

}
