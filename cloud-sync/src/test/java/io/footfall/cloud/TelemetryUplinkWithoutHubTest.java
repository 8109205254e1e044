package io.footfall.cloud;

import io.footfall.cloud.hub.HubClient;
import io.footfall.cloud.hub.Telemetry;
import io.footfall.cloud.telemetry.FlushResult;
import io.footfall.cloud.telemetry.MessagePacker;
import io.footfall.cloud.telemetry.TelemetryUplink;
import io.footfall.cloud.testing.LogCapture;
import io.footfall.cloud.testing.RecordingHub;
import io.footfall.cloud.testing.WireRecords;
import io.footfall.config.SyncSettings;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The uplink against stand-ins for the hub (no IoT Hub fixture): a connection that never comes, and a client that
 * confirms every message at once.
 */
class TelemetryUplinkWithoutHubTest {
    @TempDir
    Path tmp;

    @Test
    void aFlushWaitingForADisconnectedHubWaitsInsteadOfSpinning() throws Exception {
        try (Outbox outbox = Outbox.open(OutboxConfig.of(tmp.resolve("data"), "box-1"))) {
            WireRecords.crossing(outbox, "box-1", "entrance", 1, Instant.parse("2026-11-25T09:00:00Z"));
            outbox.flush();
            AtomicLong looks = new AtomicLong();
            Supplier<Optional<HubClient>> disconnected = () -> {
                looks.incrementAndGet();
                return Optional.empty();
            };
            TelemetryUplink uplink = new TelemetryUplink(outbox, disconnected,
                    new MessagePacker(SyncSettings.IotHub.defaults(), "store-9"), Duration.ofSeconds(60),
                    Clock.systemUTC());
            uplink.start();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long id = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("footfall-iothub-uplink")).findFirst().orElseThrow().getId();
            long cpuBefore = threads.getThreadCpuTime(id);

            FlushResult r = uplink.flush(Duration.ofSeconds(2));

            long cpuMillis = (threads.getThreadCpuTime(id) - cpuBefore) / 1_000_000;
            uplink.stop(Duration.ZERO);
            assertThat(r.caughtUp()).isFalse();
            // A 250 ms poll: about 8 looks in 2 s. Before the fix it looked millions of times, on a full core.
            assertThat(looks.get()).as("hub looked up while flushing").isLessThan(40);
            assertThat(cpuMillis).as("uplink thread CPU during a 2 s flush").isLessThan(300);
        }
    }

    @Test
    void aRecordTooLargeForAnyMessageIsLoggedAndPassedOver_theRecordsAfterItAreSent() throws Exception {
        try (Outbox outbox = Outbox.open(OutboxConfig.of(tmp.resolve("data"), "box-1"));
             LogCapture logs = new LogCapture()) {
            Instant at = Instant.parse("2026-11-25T09:00:00Z");
            WireRecords.crossing(outbox, "box-1", "entrance", 1, at);
            String huge = "{\"schema\":1,\"id\":\"box-1:entrance:aggregate:huge\",\"type\":\"aggregate\",\"pad\":\""
                    + "x".repeat(300 * 1024) + "\"}";
            long hugeSequence = outbox.append("aggregate", "box-1:entrance:aggregate:huge", at.toEpochMilli(),
                    huge.getBytes(StandardCharsets.UTF_8));
            WireRecords.crossing(outbox, "box-1", "entrance", 2, at.plusSeconds(5));
            long last = outbox.flush();
            RecordingHub hub = new RecordingHub();
            List<Telemetry> sent = hub.sent;
            TelemetryUplink uplink = new TelemetryUplink(outbox, () -> Optional.of(hub),
                    new MessagePacker(SyncSettings.IotHub.defaults(), "store-9"), Duration.ofSeconds(60),
                    Clock.systemUTC());
            uplink.start();
            FlushResult r = uplink.flush(Duration.ofSeconds(10));
            uplink.stop(Duration.ZERO);

            assertThat(r.caughtUp()).isTrue();
            assertThat(r.acknowledgedSequence()).isEqualTo(last);
            assertThat(sent).extracting(Telemetry::messageId).containsExactly(
                    WireRecords.crossingId("box-1", "entrance", 1), WireRecords.crossingId("box-1", "entrance", 2));
            assertThat(logs.text()).containsOnlyOnce("event=telemetry_record_too_large id=box-1:entrance:aggregate:huge "
                    + "sequence=" + hugeSequence + " bytes=" + huge.length());
        }
    }
}
