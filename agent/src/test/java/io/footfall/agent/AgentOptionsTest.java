package io.footfall.agent;

import io.footfall.pipeline.JobProgress;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AgentOptionsTest {

    private static final Path DATA = Path.of("/tmp/footfall-data");

    @Test
    void unsetOptionsAreTheUsualOnes() {
        AgentOptions o = AgentOptions.builder(DATA).build();
        assertThat(o.dataDir()).isEqualTo(DATA);
        assertThat(o.trackFolder()).isEmpty();
        assertThat(o.progress()).isSameAs(JobProgress.NONE);
        assertThat(o.env()).isEqualTo(System.getenv());
        assertThat(o.shutdownDeadline()).isEqualTo(AgentOptions.DEFAULT_SHUTDOWN_DEADLINE);
        assertThat(o.extensions()).isTrue();
        assertThat(AgentOptions.standard(DATA)).isEqualTo(o);
    }

    @Test
    void toBuilderKeepsEveryFieldButTheOnesSet() {
        Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        AgentOptions o = AgentOptions.builder(DATA).trackFolder(Optional.of(DATA.resolve("tracks"))).clock(fixed)
                .env(Map.of("A", "1")).shutdownDeadline(Duration.ofSeconds(3)).extensions(false).build();
        assertThat(o.toBuilder().build()).isEqualTo(o);

        AgentOptions on = o.toBuilder().extensions(true).build();
        assertThat(on.extensions()).isTrue();
        assertThat(on.toBuilder().extensions(false).build()).isEqualTo(o);
    }
}
