package io.footfall.ops;

import io.footfall.agent.spi.AgentStatus;
import org.junit.jupiter.api.Test;

import io.footfall.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The health rule: unhealthy only when every camera has been down longer than the limit, or the outbox fails. */
class HealthRuleTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final HealthRule rule = new HealthRule(Duration.ofMinutes(2), clock);

    @Test
    void healthyWhileACameraRuns() {
        assertThat(check(cam("a", "running"), cam("b", "offline")).healthy()).isTrue();
        clock.advance(Duration.ofMinutes(10));
        HealthReport r = check(cam("a", "running"), cam("b", "offline"));
        assertThat(r.healthy()).isTrue();
        assertThat(r.cameras()).extracting(HealthReport.CameraHealth::downSeconds).containsExactly(0L, 600L);
    }

    @Test
    void unhealthyOnceEveryCameraHasBeenDownLongerThanTheLimitThenHealthyWhenOneReturns() {
        assertThat(check(cam("a", "running"), cam("b", "running")).healthy()).isTrue();
        clock.advance(Duration.ofSeconds(10));
        assertThat(check(cam("a", "offline"), cam("b", "failed")).healthy()).as("just went down").isTrue();
        clock.advance(Duration.ofSeconds(90));
        assertThat(check(cam("a", "offline"), cam("b", "failed")).healthy()).as("down 90 s").isTrue();
        clock.advance(Duration.ofSeconds(31));
        HealthReport down = check(cam("a", "offline"), cam("b", "failed"));
        assertThat(down.healthy()).isFalse();
        assertThat(down.problems()).singleElement().asString()
                .contains("every camera has been down for more than 120 s", "ops.healthDownAfterSeconds", "a offline for 121 s",
                        "b failed for 121 s", "(source gone)");

        clock.advance(Duration.ofSeconds(5));
        assertThat(check(cam("a", "running"), cam("b", "failed")).healthy()).as("a is back").isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(check(cam("a", "offline"), cam("b", "failed")).healthy()).as("a down again, but only just").isTrue();
    }

    @Test
    void theAgentsOwnOfflineSinceCountsFromWhenTheCameraWentDown() {
        AgentStatus.CameraStatus offline = new AgentStatus.CameraStatus("a", "offline", 0, 10, Optional.of("connection refused"),
                3, Optional.of(T0.minus(Duration.ofMinutes(5))));
        HealthReport r = rule.check(Optional.of(status(offline)), List.of());
        assertThat(r.healthy()).as("offline for 5 min by the agent's own account").isFalse();
        assertThat(r.cameras().get(0).downSeconds()).isEqualTo(300);
    }

    @Test
    void camerasThatEndedNormallyDoNotCountAndAllEndedIsHealthy() {
        assertThat(check(cam("file", "ended")).healthy()).isTrue();
        check(cam("file", "ended"), cam("live", "starting"));
        clock.advance(Duration.ofMinutes(3));
        assertThat(check(cam("file", "ended"), cam("live", "starting")).healthy()).as("the one live camera never started")
                .isFalse();
        assertThat(check().healthy()).as("no cameras").isTrue();
    }

    @Test
    void anOutboxProblemIsUnhealthyAtOnce() {
        HealthReport r = rule.check(Optional.of(status(cam("a", "running"))), List.of("outbox: data folder /x does not take new files"));
        assertThat(r.healthy()).isFalse();
        assertThat(r.problems()).containsExactly("outbox: data folder /x does not take new files");
        assertThat(rule.check(Optional.empty(), List.of("outbox: cannot read its state (closed)")).healthy()).isFalse();
    }

    private HealthReport check(AgentStatus.CameraStatus... cameras) {
        return rule.check(Optional.of(status(cameras)), List.of());
    }

    private static AgentStatus.CameraStatus cam(String id, String state) {
        return new AgentStatus.CameraStatus(id, state, 0, 0, "failed".equals(state) ? Optional.of("source gone") : Optional.empty());
    }

    private static AgentStatus status(AgentStatus.CameraStatus... cameras) {
        return new AgentStatus("test", "m", "openvino", T0, List.of(cameras), 0, Optional.empty(), 0);
    }

}
