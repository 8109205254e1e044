package io.footfall.ops;

import io.footfall.agent.spi.AgentStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The health rule of the operations endpoint. Unhealthy when
 * <ul>
 *   <li>every camera that has not {@code ended} has been down (any state but {@code running}: {@code starting},
 *       {@code offline}, {@code failed}, {@code stopped}) for longer than {@code downAfter}: one camera that runs, or
 *       that went down only recently, keeps the agent healthy; cameras whose file source ended normally do not count,
 *       so an agent whose files are all done is healthy; or</li>
 *   <li>the outbox cannot be written or read (its problems are passed in).</li>
 * </ul>
 * A camera is down since its {@code offlineSince} when the agent reports one, else since this rule first saw it down:
 * the rule keeps that memory between calls, so it must be asked regularly (every {@code /health} and {@code /metrics}
 * request asks). Thread-safe.
 */
final class HealthRule {
    private final Duration downAfter;
    private final Clock clock;
    /** When each camera was first seen down, by camera id; removed when it is seen running again. */
    private final Map<String, Instant> downSince = new HashMap<>();

    HealthRule(Duration downAfter, Clock clock) {
        this.downAfter = downAfter;
        this.clock = clock;
    }

    /**
     * @param status         the agent's status, or empty when it could not be read
     * @param outboxProblems what is wrong with the outbox and the data folder, empty when nothing is
     */
    synchronized HealthReport check(Optional<AgentStatus> status, List<String> outboxProblems) {
        Instant now = clock.instant();
        List<String> problems = new ArrayList<>(outboxProblems);
        List<HealthReport.CameraHealth> cameras = new ArrayList<>();
        if (status.isPresent()) {
            List<String> down = new ArrayList<>();
            boolean anyCounted = false;
            boolean allDownTooLong = true;
            Map<String, Instant> seen = new HashMap<>();
            for (AgentStatus.CameraStatus c : status.get().cameras()) {
                if ("running".equals(c.state()) || "ended".equals(c.state())) {
                    cameras.add(new HealthReport.CameraHealth(c.id(), c.state(), 0));
                    if ("running".equals(c.state())) {
                        anyCounted = true;
                        allDownTooLong = false;
                    }
                    continue;
                }
                Instant since = c.offlineSince().orElseGet(() -> downSince.getOrDefault(c.id(), now));
                seen.put(c.id(), since);
                Duration d = Duration.between(since, now);
                cameras.add(new HealthReport.CameraHealth(c.id(), c.state(), Math.max(0, d.toSeconds())));
                anyCounted = true;
                if (d.compareTo(downAfter) <= 0) {
                    allDownTooLong = false;
                }
                down.add(c.id() + " " + c.state() + " for " + d.toSeconds() + " s"
                        + c.lastError().map(e -> " (" + e + ")").orElse(""));
            }
            downSince.clear();
            downSince.putAll(seen);
            if (anyCounted && allDownTooLong) {
                problems.add("every camera has been down for more than " + downAfter.toSeconds()
                        + " s (ops.healthDownAfterSeconds): " + String.join(", ", down));
            }
        }
        return new HealthReport(problems.isEmpty(), problems, cameras);
    }
}
