package io.footfall.cloud.twin;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.agent.spi.AgentStatus;
import io.footfall.cloud.telemetry.TelemetryUplink;

import java.time.Instant;

/**
 * The agent's status as JSON, the same for the twin's reported {@code status} property and the {@code getStatus}
 * method. Stateless.
 */
public final class StatusJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StatusJson() {
    }

    public static ObjectNode of(AgentStatus s, TelemetryUplink.Stats sync, Instant now) {
        ObjectNode n = F.objectNode();
        ObjectNode agent = n.putObject("agent");
        agent.put("version", s.version());
        agent.put("model", s.model());
        agent.put("runtime", s.runtime());
        agent.put("startedAt", s.startedAt().toString());
        ObjectNode cams = n.putObject("cameras");
        for (AgentStatus.CameraStatus c : s.cameras()) {
            ObjectNode cn = cams.putObject(c.id());
            cn.put("state", c.state());
            cn.put("fps", Math.round(c.fps() * 10) / 10.0);
            cn.put("frames", c.frames());
            cn.put("lastError", c.lastError().orElse(null));
            cn.put("restarts", c.restarts());
            cn.put("offlineSince", c.offlineSince().map(Instant::toString).orElse(null));
        }
        ObjectNode outbox = n.putObject("outbox");
        outbox.put("depth", s.outboxDepth());
        outbox.put("oldestUndeliveredAgeSeconds",
                s.oldestUndelivered().map(t -> Math.max(0, now.getEpochSecond() - t.getEpochSecond())).orElse(0L));
        outbox.put("droppedRecords", s.droppedRecords());
        ObjectNode iothub = n.putObject("iothub");
        iothub.put("lastSuccessfulSync", sync.lastSuccess().map(Instant::toString).orElse(null));
        iothub.put("messagesSent", sync.messagesSent());
        iothub.put("recordsSent", sync.recordsSent());
        iothub.put("sendFailures", sync.sendFailures());
        iothub.put("lag", sync.lag());
        n.put("at", now.toString());
        return n;
    }
}
