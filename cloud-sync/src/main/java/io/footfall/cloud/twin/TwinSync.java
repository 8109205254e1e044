package io.footfall.cloud.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.BadInputException;
import io.footfall.agent.spi.AgentControl;
import io.footfall.cloud.hub.DesiredPatch;
import io.footfall.cloud.hub.HubClient;
import io.footfall.cloud.hub.TwinDocument;
import io.footfall.config.ConfigWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The device twin as the agent's configuration. Desired properties have the config file's schema; a patch is merged
 * over the running configuration and applied live through {@link AgentControl#apply}. Each top-level property of
 * the patch is acknowledged in reported properties with IoT Plug and Play's writable-property convention
 * {@code {"value": ..., "ac": 200|400, "av": <desired $version>, "ad": "..."}}; a rejected patch keeps the running
 * configuration and says why in {@code ad}.
 *
 * <p>On every (re)connect the whole twin is read: if the reported acknowledgements do not carry the current desired
 * version (a patch came while the agent was offline or restarting), the desired document is applied and acknowledged
 * again. Patches with a version not newer than the last handled one are dropped.
 *
 * <p>Thread-safe: SDK callbacks only enqueue; one thread applies, in order.
 */
public final class TwinSync implements AutoCloseable {
    static final String ACK_VALUE = "value";
    static final String ACK_CODE = "ac";
    static final String ACK_VERSION = "av";
    static final String ACK_DESCRIPTION = "ad";
    private static final Logger log = LoggerFactory.getLogger(TwinSync.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final AgentControl control;
    private final Supplier<Optional<HubClient>> hub;
    private final Supplier<ObjectNode> status;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "footfall-twin");
        t.setDaemon(true);
        return t;
    });
    private long handledVersion = -1; // only touched on the worker thread

    /**
     * @param status the reported {@code status} property, built fresh each time it is reported
     */
    public TwinSync(AgentControl control, Supplier<Optional<HubClient>> hub, Supplier<ObjectNode> status) {
        this.control = control;
        this.hub = hub;
        this.status = status;
    }

    /** After each open: re-applies and re-acknowledges desired properties the reported acks do not cover yet. */
    public void opened(TwinDocument twin) {
        worker.execute(() -> {
            if (twin.desired().isEmpty()) {
                handledVersion = Math.max(handledVersion, twin.desiredVersion());
            } else if (!acknowledged(twin)) {
                log.info("event=twin_desired_resync version={}", twin.desiredVersion());
                handle(twin.desiredVersion(), twin.desired());
            } else {
                handledVersion = Math.max(handledVersion, twin.desiredVersion());
            }
            reportStatus();
        });
    }

    /** A desired-properties patch from the hub (SDK thread). */
    public void patch(DesiredPatch patch) {
        worker.execute(() -> {
            if (patch.version() <= handledVersion) {
                log.debug("event=twin_patch_stale version={} handled={}", patch.version(), handledVersion);
                return;
            }
            handle(patch.version(), patch.patch());
        });
    }

    /** Reports the status property now (also called periodically). */
    public void reportStatus() {
        hub.get().ifPresent(c -> c.report(wrap("status", status.get())).exceptionally(e -> {
            log.debug("event=twin_status_report_failed error={}", e.toString());
            return null;
        }));
    }

    private void handle(long version, ObjectNode patch) {
        handledVersion = version;
        ObjectNode document = ConfigWriter.toTree(control.current());
        merge(document, patch);
        ObjectNode acks = F.objectNode();
        try {
            control.apply(document);
            log.info("event=twin_applied version={} properties={}", version, names(patch));
            patch.fields().forEachRemaining(e -> acks.set(e.getKey(), ack(e.getValue(), 200, version, "applied")));
        } catch (BadInputException e) {
            log.warn("event=twin_rejected version={} reason={}", version, e.getMessage());
            patch.fields().forEachRemaining(f -> acks.set(f.getKey(), ack(f.getValue(), 400, version, e.getMessage())));
        }
        hub.get().ifPresent(c -> c.report(acks).exceptionally(e -> {
            // The next (re)connect finds the acks missing and acknowledges again.
            log.warn("event=twin_ack_failed version={} error={}", version, e.toString());
            return null;
        }));
    }

    private static boolean acknowledged(TwinDocument twin) {
        for (Iterator<String> it = twin.desired().fieldNames(); it.hasNext(); ) {
            JsonNode a = twin.reported().path(it.next());
            if (a.path(ACK_VERSION).asLong(-1) != twin.desiredVersion()) {
                return false;
            }
        }
        return true;
    }

    static ObjectNode ack(JsonNode value, int code, long version, String description) {
        ObjectNode a = F.objectNode();
        a.set(ACK_VALUE, value);
        a.put(ACK_CODE, code);
        a.put(ACK_VERSION, version);
        a.put(ACK_DESCRIPTION, description);
        return a;
    }

    private static ObjectNode wrap(String name, JsonNode value) {
        ObjectNode n = F.objectNode();
        n.set(name, value);
        return n;
    }

    private static String names(ObjectNode n) {
        StringBuilder b = new StringBuilder();
        n.fieldNames().forEachRemaining(f -> b.append(b.isEmpty() ? "" : ",").append(f));
        return b.toString();
    }

    /** JSON merge patch (RFC 7396), as IoT Hub applies desired patches: null removes, objects merge. */
    static void merge(ObjectNode target, JsonNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                target.remove(e.getKey());
            } else if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode o) {
                merge(o, e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
