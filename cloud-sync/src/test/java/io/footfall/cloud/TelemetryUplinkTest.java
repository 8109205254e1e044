package io.footfall.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.cloud.hub.HubHandlers;
import io.footfall.cloud.hub.HubSession;
import io.footfall.cloud.hub.HubState;
import io.footfall.cloud.hub.MethodReply;
import io.footfall.cloud.iothub.HubIdentity;
import io.footfall.cloud.iothub.IotHubClient;
import io.footfall.cloud.telemetry.FlushResult;
import io.footfall.cloud.telemetry.MessagePacker;
import io.footfall.cloud.telemetry.TelemetryUplink;
import io.footfall.cloud.testing.Teardown;
import io.footfall.cloud.testing.Await;
import io.footfall.cloud.testing.IotHubTestServer;
import io.footfall.cloud.testing.TestCertificate;
import io.footfall.cloud.testing.WireRecords;
import io.footfall.config.SyncSettings;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;


/** The uplink against the test hub on 127.0.0.1:8883, driven by the real device SDK over MQTT/TLS. */
class TelemetryUplinkTest {
    private static final String DEVICE = "store-7-box";

    @TempDir
    Path tmp;
    private IotHubTestServer hub;
    private TestCertificate cert;
    private Outbox outbox;
    private HubSession session;
    private TelemetryUplink uplink;

    @BeforeEach
    void setUp() throws Exception {
        cert = TestCertificate.create();
        hub = new IotHubTestServer(cert, IotHubTestServer.newKey()).start();
        outbox = Outbox.open(OutboxConfig.of(tmp.resolve("data"), DEVICE));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (uplink != null) {
            uplink.stop(Duration.ZERO);
        }
        Teardown.closeAll(session, outbox, hub);
    }

    private void connect(String connectionString, Duration flushInterval) throws Exception {
        HubIdentity id = new HubIdentity.ConnectionString(connectionString);
        javax.net.ssl.SSLContext ssl = cert.clientContext();
        session = new HubSession(() -> IotHubClient.create(id, Optional.of(ssl)), new HubHandlers() {
            @Override
            public void desiredPatch(io.footfall.cloud.hub.DesiredPatch patch) {
            }

            @Override
            public MethodReply method(io.footfall.cloud.hub.MethodCall call) {
                return MethodReply.error(404, "none");
            }

            @Override
            public void stateChanged(HubState state, String reason) {
            }
        }, twin -> {
        });
        session.start();
        SyncSettings.IotHub s = SyncSettings.IotHub.defaults().withFlushInterval(flushInterval);
        uplink = new TelemetryUplink(outbox, session::connected, new MessagePacker(s, "store-7"), flushInterval,
                Clock.systemUTC());
        uplink.start();
    }

    @Test
    void deliversEveryRecordOnceInOrderPackedIntoMessagesWithPropertiesAndAcksTheTailer() throws Exception {
        Instant t0 = Instant.parse("2026-11-25T09:00:00Z");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            WireRecords.crossing(outbox, DEVICE, "entrance", i, t0.plusSeconds(i));
            expected.add(WireRecords.crossingId(DEVICE, "entrance", i));
            if (i % 10 == 0) {
                WireRecords.aggregate(outbox, DEVICE, "entrance", t0.plusSeconds(60L * (i / 10 - 1)), 10);
                expected.add(WireRecords.aggregateId(DEVICE, "entrance", t0.plusSeconds(60L * (i / 10 - 1))));
            }
        }
        outbox.flush();
        connect(hub.deviceConnectionString(DEVICE), Duration.ofHours(1));

        FlushResult r = uplink.flush(Duration.ofSeconds(30));

        assertThat(r.caughtUp()).isTrue();
        assertThat(r.records()).isEqualTo(33);
        List<IotHubTestServer.Received> got = hub.received();
        assertThat(got).hasSize(r.messages());
        assertThat(got.size()).as("several records per message").isLessThan(12);
        List<String> ids = new ArrayList<>();
        for (IotHubTestServer.Received m : got) {
            assertThat(m.deviceId()).isEqualTo(DEVICE);
            assertThat(m.properties()).containsEntry("$.ct", "application/json").containsEntry("$.ce", "utf-8")
                    .containsEntry("schema", "1").containsEntry("camera", "entrance").containsEntry("store", "store-7")
                    .containsKey("$.ctime");
            JsonNode body = m.json();
            assertThat(body.isArray()).isTrue();
            assertThat(m.properties().get("records")).isEqualTo(Integer.toString(body.size()));
            assertThat(m.body().length).isLessThanOrEqualTo(4096);
            String kind = m.properties().get("kind");
            body.forEach(n -> {
                ids.add(n.get("id").asText());
                assertThat(n.get("type").asText()).isEqualTo(kind);
            });
            if (body.size() == 1) {
                assertThat(m.messageId()).isEqualTo(body.get(0).get("id").asText());
            } else {
                assertThat(m.messageId()).startsWith("batch-");
            }
        }
        assertThat(ids).containsExactlyElementsOf(expected);
        assertThat(outbox.cursors()).containsEntry(TelemetryUplink.TAILER, outbox.durableSequence());
        assertThat(hub.rejectedConnects()).isEmpty();
    }

    @Test
    void hubStoppedForPartOfTheRunAndRestarted_everyRecordArrivesInOrderNoneLost() throws Exception {
        connect(hub.deviceConnectionString(DEVICE), Duration.ofMillis(200));
        Instant t0 = Instant.parse("2026-11-25T09:00:00Z");
        List<String> expected = new ArrayList<>();
        int n = 0;
        for (int phase = 0; phase < 3; phase++) {
            if (phase == 1) {
                hub.stop();
            }
            if (phase == 2) {
                hub.start();
            }
            for (int i = 0; i < 40; i++) {
                n++;
                WireRecords.crossing(outbox, DEVICE, "entrance", n, t0.plusMillis(n * 100L));
                outbox.flush();
                expected.add(WireRecords.crossingId(DEVICE, "entrance", n));
                Thread.sleep(25);
            }
        }
        Await.until(Duration.ofSeconds(60), "the uplink to catch up", () -> uplink.stats().lag() == 0);

        List<String> ids = new ArrayList<>();
        hub.received().forEach(m -> m.json().forEach(x -> ids.add(x.get("id").asText())));
        // At-least-once: a message in flight when the hub went away may come twice, under its same id; otherwise
        // each record once, in order.
        List<String> firstSeen = ids.stream().distinct().toList();
        assertThat(firstSeen).containsExactlyElementsOf(expected);
        List<String> messageIds = hub.received().stream().map(IotHubTestServer.Received::messageId).toList();
        assertThat(ids.size() - firstSeen.size()).as("duplicates").isLessThanOrEqualTo(
                (int) (messageIds.size() - messageIds.stream().distinct().count()) * 40);
        assertThat(hub.connects().size()).as("reconnected after the outage").isGreaterThanOrEqualTo(2);
    }
}
