package io.footfall.cloud.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.BadInputException;
import io.footfall.agent.spi.AgentControl;
import io.footfall.agent.spi.Snapshot;
import io.footfall.cloud.hub.MethodCall;
import io.footfall.cloud.hub.MethodReply;
import io.footfall.cloud.telemetry.FlushResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The agent's direct methods:
 * <ul>
 *   <li>{@code getStatus}: the status the twin reports, now;</li>
 *   <li>{@code flush} {@code {"timeoutSeconds": 30}}: delivers the outbox now, answers what was sent;</li>
 *   <li>{@code snapshot}: uploads each camera's latest annotated frame to Blob storage, answers the blob names;</li>
 *   <li>{@code setLogLevel} {@code {"logger": "io.footfall", "level": "DEBUG"}}.</li>
 * </ul>
 * Unknown method: 404; a payload of the wrong shape: 400; both with {@code {"error": "..."}}. Thread-safe.
 */
public final class DirectMethods {
    public static final List<String> NAMES = List.of("getStatus", "flush", "snapshot", "setLogLevel");
    private static final Logger log = LoggerFactory.getLogger(DirectMethods.class);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_FLUSH_SECONDS = 120;

    private final AgentControl control;
    private final Supplier<ObjectNode> status;
    private final Function<Duration, FlushResult> flush;
    private final Optional<SnapshotUploader> snapshots;

    public DirectMethods(AgentControl control, Supplier<ObjectNode> status, Function<Duration, FlushResult> flush,
                         Optional<SnapshotUploader> snapshots) {
        this.control = control;
        this.status = status;
        this.flush = flush;
        this.snapshots = snapshots;
    }

    public MethodReply invoke(MethodCall call) {
        log.info("event=method_invoked method={}", call.name());
        try {
            return switch (call.name()) {
                case "getStatus" -> MethodReply.ok(status.get());
                case "flush" -> flush(call.payload());
                case "snapshot" -> snapshot();
                case "setLogLevel" -> setLogLevel(call.payload());
                default -> MethodReply.error(404, "unknown method '" + call.name() + "'; this agent has " + NAMES);
            };
        } catch (BadInputException e) {
            return MethodReply.error(400, e.getMessage());
        }
    }

    private MethodReply flush(JsonNode payload) {
        int seconds = 30;
        if (payload.isObject() && payload.has("timeoutSeconds")) {
            JsonNode t = payload.get("timeoutSeconds");
            if (!t.canConvertToInt() || t.asInt() < 1 || t.asInt() > MAX_FLUSH_SECONDS) {
                throw new BadInputException("flush: timeoutSeconds must be an integer 1.." + MAX_FLUSH_SECONDS
                        + ", was " + t);
            }
            seconds = t.asInt();
        } else if (!payload.isNull() && !payload.isMissingNode() && !payload.isObject()) {
            throw new BadInputException("flush: expected a JSON object like {\"timeoutSeconds\": 30} or no payload");
        }
        FlushResult r = flush.apply(Duration.ofSeconds(seconds));
        ObjectNode n = F.objectNode();
        n.put("caughtUp", r.caughtUp());
        n.put("messages", r.messages());
        n.put("records", r.records());
        n.put("acknowledgedSequence", r.acknowledgedSequence());
        r.messageIds().forEach(n.putArray("messageIds")::add);
        return new MethodReply(r.caughtUp() ? 200 : 504, n);
    }

    private MethodReply snapshot() {
        if (snapshots.isEmpty()) {
            return MethodReply.error(503, "snapshot: Blob storage is not configured (set FOOTFALL_BLOB_CONNECTION_STRING, "
                    + "FOOTFALL_BLOB_SAS_URL or FOOTFALL_BLOB_ACCOUNT_URL)");
        }
        List<Snapshot> frames = control.snapshots();
        try {
            List<String> names = snapshots.get().upload(frames);
            ObjectNode n = F.objectNode();
            names.forEach(n.putArray("blobs")::add);
            return MethodReply.ok(n);
        } catch (Exception e) {
            log.warn("event=snapshot_upload_failed error={}", e.toString());
            return MethodReply.error(502, "snapshot: upload failed: " + e.getClass().getSimpleName());
        }
    }

    private MethodReply setLogLevel(JsonNode payload) {
        if (!payload.isObject() || !payload.path("level").isTextual()) {
            throw new BadInputException("setLogLevel: expected {\"logger\": \"io.footfall\", \"level\": \"DEBUG\"}");
        }
        String logger = payload.path("logger").asText("io.footfall");
        String level = payload.get("level").asText();
        control.setLogLevel(logger, level);
        ObjectNode n = F.objectNode();
        n.put("logger", logger);
        n.put("level", level);
        return MethodReply.ok(n);
    }
}
