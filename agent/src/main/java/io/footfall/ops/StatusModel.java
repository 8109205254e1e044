package io.footfall.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.agent.spi.AgentStatus;
import io.footfall.config.CameraConfig;
import io.footfall.config.FootfallConfig;
import io.footfall.count.CountLine;
import io.footfall.count.LineTally;
import io.footfall.count.Zone;
import io.footfall.geometry.Point;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status the page shows and {@code /api/status} returns: per camera its state, the configured lines (with today's
 * counts) and zones (with their occupancy) in relative 0..1 coordinates, plus health and the outbox. Built from the
 * running configuration, so a line moved through the twin shows where it now is. Stateless.
 */
final class StatusModel {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StatusModel() {
    }

    /**
     * @param status    the agent's status, or empty when it could not be read
     * @param occupancy people per zone after each camera's latest frame: camera → zone → people
     */
    static ObjectNode of(FootfallConfig config, Optional<AgentStatus> status, HealthReport health, TodayCounts today,
                         Map<String, Map<String, Integer>> occupancy, Clock clock) {
        ObjectNode root = F.objectNode();
        root.put("device", config.deviceId());
        root.put("store", config.storeId());
        status.ifPresent(s -> {
            root.put("version", s.version());
            root.put("model", s.model());
            root.put("runtime", s.runtime());
            root.put("startedAt", s.startedAt().toString());
        });
        root.put("day", today.day().toString());
        ObjectNode h = root.putObject("health");
        h.put("status", health.healthy() ? "ok" : "unhealthy");
        health.problems().forEach(h.putArray("problems")::add);
        status.ifPresent(s -> {
            ObjectNode o = root.putObject("outbox");
            o.put("depth", s.outboxDepth());
            o.put("oldestUndeliveredSeconds", s.oldestUndelivered()
                    .map(t -> Math.max(0, Duration.between(t, clock.instant()).toSeconds())).orElse(0L));
            o.put("droppedRecords", s.droppedRecords());
        });
        ArrayNode cams = root.putArray("cameras");
        for (CameraConfig cam : config.cameras()) {
            ObjectNode c = cams.addObject();
            c.put("id", cam.id());
            Optional<AgentStatus.CameraStatus> cs = status.flatMap(s -> s.cameras().stream()
                    .filter(x -> x.id().equals(cam.id())).findFirst());
            c.put("state", cs.map(AgentStatus.CameraStatus::state).orElse("unknown"));
            c.put("fps", cs.map(AgentStatus.CameraStatus::fps).orElse(0.0));
            c.put("frames", cs.map(AgentStatus.CameraStatus::frames).orElse(0L));
            c.put("restarts", cs.map(AgentStatus.CameraStatus::restarts).orElse(0L));
            cs.flatMap(AgentStatus.CameraStatus::lastError).ifPresent(e -> c.put("lastError", e));
            cs.flatMap(AgentStatus.CameraStatus::offlineSince).ifPresent(t -> c.put("offlineSince", t.toString()));
            c.put("snapshot", "/snapshot/" + Html.pathSegment(cam.id()) + ".jpg");
            ArrayNode lines = c.putArray("lines");
            for (CountLine l : cam.lines()) {
                ObjectNode ln = lines.addObject();
                ln.put("name", l.name());
                ln.set("points", points(List.of(l.a(), l.b())));
                LineTally t = today.of(cam.id(), l.name());
                ln.put("in", t.in());
                ln.put("out", t.out());
            }
            ArrayNode zones = c.putArray("zones");
            for (Zone z : cam.zones()) {
                ObjectNode zn = zones.addObject();
                zn.put("name", z.name());
                zn.set("polygon", points(z.polygon()));
                zn.put("occupancy", occupancy.getOrDefault(cam.id(), Map.of()).getOrDefault(z.name(), 0));
            }
        }
        return root;
    }

    private static ArrayNode points(List<Point> pts) {
        ArrayNode a = F.arrayNode();
        for (Point p : pts) {
            a.addArray().add(p.x()).add(p.y());
        }
        return a;
    }
}
