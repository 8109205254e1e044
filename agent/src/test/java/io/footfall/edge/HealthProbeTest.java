package io.footfall.edge;

import io.footfall.store.Outbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class HealthProbeTest {
    @TempDir
    Path tmp;

    private final Instant now = Instant.parse("2026-12-02T12:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);

    @Test
    void writableFolderIsHealthyAndLeavesNoProbeFile() throws Exception {
        HealthProbe.Report r = HealthProbe.check(tmp, Optional.empty(), clock);
        assertThat(r.healthy()).isTrue();
        try (var files = Files.list(tmp)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void missingFolderIsUnhealthy() {
        HealthProbe.Report r = HealthProbe.check(tmp.resolve("nope"), Optional.empty(), clock);
        assertThat(r.problems()).singleElement().asString().contains("does not exist");
    }

    @Test
    void aFileIsNotADataFolder() throws Exception {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        assertThat(HealthProbe.check(file, Optional.empty(), clock).problems()).singleElement().asString()
                .isEqualTo("data folder " + file + " is a file, not a folder");
    }

    @Test
    void staleOrMissingOutboxIsUnhealthyWhenAnIdleLimitIsGiven() throws Exception {
        assertThat(HealthProbe.check(tmp, Optional.of(Duration.ofMinutes(5)), clock).problems())
                .singleElement().asString().contains("cannot be read");
        Path outbox = Files.writeString(tmp.resolve(Outbox.FILE_NAME), "x");
        Files.setLastModifiedTime(outbox, FileTime.from(now.minusSeconds(60)));
        assertThat(HealthProbe.check(tmp, Optional.of(Duration.ofMinutes(5)), clock).healthy()).isTrue();
        Files.setLastModifiedTime(outbox, FileTime.from(now.minusSeconds(600)));
        assertThat(HealthProbe.check(tmp, Optional.of(Duration.ofMinutes(5)), clock).problems())
                .singleElement().asString().contains("600 s ago");
    }
}
