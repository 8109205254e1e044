package io.footfall.cloud.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.BadInputException;
import io.footfall.agent.spi.AgentControl;
import io.footfall.cloud.hub.DesiredPatch;
import io.footfall.cloud.hub.HubClient;
import io.footfall.cloud.hub.TwinDocument;
import io.footfall.config.ConfigWriter;
import io.footfall.config.FootfallConfig;
import io.footfall.video.Redaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The device twin as the agent's configuration. Desired properties have the config file's schema; a patch is merged
 * over the running configuration and applied live through {@link AgentControl#apply}. Each top-level property of
 * the patch is acknowledged in reported properties with IoT Plug and Play's writable-property convention
 * {@code {"value": ..., "ac": 200|400|500, "av": <desired $version>, "ad": "..."}}; a rejected patch keeps the running
 * configuration and says why in {@code ad}. Acknowledged values carry camera sources redacted.
 *
 * <p>On every (re)connect the whole desired document is applied over the configuration the agent started with (its
 * file): a restart starts from the file again, and a key removed from desired while the agent was offline goes back
 * to the file's value. Acknowledgements are reported again when they do not yet carry the desired version or the
 * outcome is not a success. Patches with a version not newer than the last handled one are dropped.
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
    private final Consumer<FootfallConfig> applied;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "footfall-twin");
        t.setDaemon(true);
        return t;
    });
    /** The configuration the agent started with, sources as given: what the whole desired document is merged over. */
    private final ObjectNode startConfig;
    private long handledVersion = -1; // only touched on the worker thread

    /**
     * @param status  the reported {@code status} property, built fresh each time it is reported
     * @param applied told each configuration applied, on the twin's thread (the sync parts take their settings)
     */
    public TwinSync(AgentControl control, Supplier<Optional<HubClient>> hub, Supplier<ObjectNode> status,
                    Consumer<FootfallConfig> applied) {
        this.control = control;
        this.hub = hub;
        this.status = status;
        this.applied = applied;
        this.startConfig = ConfigWriter.toMergeBase(control.current());
    }

    /** After each open: applies the whole desired document, and acknowledges it where the reported acks do not. */
    public void opened(TwinDocument twin) {
        worker.execute(() -> {
            boolean acked = acknowledged(twin);
            log.info("event=twin_desired_apply version={} acknowledged={}", twin.desiredVersion(), acked);
            handle(twin.desiredVersion(), startConfig.deepCopy(), twin.desired(), !acked);
            handledVersion = Math.max(handledVersion, twin.desiredVersion());
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
            // Over the running configuration with its credentials: the redacted form would mask every camera's password.
            handle(patch.version(), ConfigWriter.toMergeBase(control.current()), patch.patch(), true);
        });
    }

    /** Reports the status property now (also called periodically). */
    public void reportStatus() {
        hub.get().ifPresent(c -> c.report(wrap("status", status.get())).exceptionally(e -> {
            log.debug("event=twin_status_report_failed error={}", e.toString());
            return null;
        }));
    }

    private void handle(long version, ObjectNode document, ObjectNode patch, boolean reportAcks) {
        handledVersion = version;
        merge(document, patch);
        int code;
        String description;
        try {
            if (!document.path("sync").path("iothub").path("enabled").asBoolean(true)) {
                // The twin itself arrives through IoT Hub: switched off from here, it could never be switched on again.
                throw new BadInputException("config field sync.iothub.enabled: IoT Hub cannot be switched off through "
                        + "the twin that IoT Hub carries; set it in the module's configuration file");
            }
            applied.accept(control.apply(document));
            log.info("event=twin_applied version={} properties={}", version, names(patch));
            code = 200;
            description = "applied";
        } catch (BadInputException e) {
            log.warn("event=twin_rejected version={} reason={}", version, e.getMessage());
            code = 400;
            description = Redaction.text(e.getMessage());
        } catch (RuntimeException e) {
            // A full disk saving the configuration history, say: the patch is not running, and the hub must hear so
            // rather than nothing (an unanswered patch would only be retried at the next reconnect).
            log.error("event=twin_apply_failed version={} error=\"{}\"", version, e.toString());
            code = 500;
            description = "not applied: " + Redaction.text(e.toString());
        }
        if (!reportAcks && code == 200 || patch.isEmpty()) {
            return;
        }
        ObjectNode acks = F.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            acks.set(f.getKey(), ack(redacted(f.getValue()), code, version, description));
        }
        hub.get().ifPresent(c -> c.report(acks).exceptionally(e -> {
            // The next (re)connect finds the acks missing and acknowledges again.
            log.warn("event=twin_ack_failed version={} error={}", version, e.toString());
            return null;
        }));
    }

    /**
     * A desired value as it may be echoed in reported properties: camera sources in their display form, values of
     * credential-like keys masked, URLs in any other text redacted, so an acknowledgement never repeats a secret the
     * desired document carries.
     */
    static JsonNode redacted(JsonNode value) {
        JsonNode copy = value.deepCopy();
        if (copy.isTextual()) {
            return F.textNode(Redaction.text(copy.asText()));
        }
        redactTexts(copy);
        return copy;
    }

    private static void redactTexts(JsonNode n) {
        if (n instanceof ObjectNode o) {
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getValue().isTextual()) {
                    String text = f.getValue().asText();
                    f.setValue(F.textNode(f.getKey().equals("source") ? Redaction.source(text)
                            : Redaction.isCredentialName(f.getKey()) ? Redaction.MASK : Redaction.text(text)));
                } else {
                    redactTexts(f.getValue());
                }
            }
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isTextual()) {
                    a.set(i, F.textNode(Redaction.text(a.get(i).asText())));
                } else {
                    redactTexts(a.get(i));
                }
            }
        }
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
