package io.footfall.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.cloud.testing.Teardown;
import io.footfall.cloud.testing.Await;
import io.footfall.cloud.testing.AzuriteServer;
import io.footfall.cloud.testing.IotHubTestServer;
import io.footfall.cloud.testing.TestAgent;
import io.footfall.cloud.testing.TestCertificate;
import io.footfall.cloud.testing.WireRecords;
import io.footfall.config.ConfigLoader;
import io.footfall.config.FootfallConfig;
import io.footfall.config.SyncSettings;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device twin as configuration and the direct methods, through the real SDK against the test hub, with Blob
 * storage on Azurite for snapshots.
 */
class TwinAndMethodsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE = "box-2";

    @TempDir
    Path tmp;
    private TestCertificate cert;
    private IotHubTestServer hub;
    private AzuriteServer azurite;
    private Outbox outbox;
    private TestAgent agent;
    private CloudSync sync;

    @BeforeEach
    void setUp() throws Exception {
        cert = TestCertificate.create();
        hub = new IotHubTestServer(cert, IotHubTestServer.newKey()).start();
        azurite = new AzuriteServer(tmp.resolve("azurite")).start();
        outbox = Outbox.open(OutboxConfig.of(tmp.resolve("data"), DEVICE));
        FootfallConfig config = ConfigLoader.parse(JSON.readTree("""
                {"device": "box-2", "cameras": [{"id": "entrance", "source": "rtsp://cam/1",
                  "lines": [{"name": "door", "points": [[0.8, 0], [0.8, 1]]}]}]}"""), "test");
        agent = new TestAgent(config, outbox, tmp.resolve("data"), Map.of(
                SyncEnvironment.IOTHUB_CONNECTION_STRING, hub.deviceConnectionString(DEVICE),
                SyncEnvironment.IOTHUB_CA_FILE, cert.writePem(tmp.resolve("hub-ca.pem")).toString(),
                SyncEnvironment.BLOB_CONNECTION_STRING, azurite.connectionString()));
    }

    @AfterEach
    void tearDown() throws Exception {
        if (sync != null) {
            sync.stop(Duration.ofSeconds(2));
        }
        Teardown.closeAll(outbox, hub, azurite);
    }

    private void startSync() throws Exception {
        SyncSettings settings = new SyncSettings(SyncSettings.IotHub.defaults().withFlushInterval(Duration.ofHours(1)),
                SyncSettings.Blob.defaults());
        sync = new CloudSync(agent, SyncEnvironment.from(agent::env), settings);
        sync.start();
    }

    private JsonNode ackOf(String property) {
        return hub.reported(DEVICE).path(property);
    }

    @Test
    void desiredPatchesAreAppliedLiveAndAcknowledgedMalformedOnesRejectedWithTheReason() throws Exception {
        // Set while the device was away: applied and acknowledged on connect.
        long v0 = hub.setDesired(DEVICE, (ObjectNode) JSON.readTree("{\"counting\": {\"intervalSeconds\": 30}}"));
        startSync();
        Await.until(Duration.ofSeconds(30), "the offline desired version acknowledged",
                () -> ackOf("counting").path("av").asLong() == v0, hub::describe);
        assertThat(ackOf("counting").path("ac").asInt()).isEqualTo(200);
        assertThat(agent.current().analytics().interval()).isEqualTo(Duration.ofSeconds(30));

        long v1 = hub.patchDesired(DEVICE, (ObjectNode) JSON.readTree("""
                {"cameras": [{"id": "entrance", "source": "rtsp://cam/1",
                  "lines": [{"name": "door", "points": [[0.5, 0], [0.5, 1]]}]}]}"""));
        Await.until(Duration.ofSeconds(30), "the line move acknowledged", () -> ackOf("cameras").path("av").asLong() == v1,
                hub::describe);
        JsonNode ack = ackOf("cameras");
        assertThat(ack.path("ac").asInt()).isEqualTo(200);
        assertThat(ack.path("value").get(0).path("lines").get(0).path("points").get(0).get(0).asDouble()).isEqualTo(0.5);
        assertThat(agent.current().cameras().get(0).lines().get(0).a().x()).isEqualTo(0.5);

        FootfallConfig before = agent.current();
        long v2 = hub.patchDesired(DEVICE, (ObjectNode) JSON.readTree("{\"counting\": {\"intervalSeconds\": \"soon\"}}"));
        Await.until(Duration.ofSeconds(30), "the bad patch acknowledged", () -> ackOf("counting").path("av").asLong() == v2,
                hub::describe);
        assertThat(ackOf("counting").path("ac").asInt()).isEqualTo(400);
        assertThat(ackOf("counting").path("ad").asText()).contains("counting.intervalSeconds");
        assertThat(ackOf("counting").path("value").path("intervalSeconds").asText()).isEqualTo("soon");
        assertThat(agent.current()).as("the old configuration keeps running").isEqualTo(before);

        JsonNode status = hub.reported(DEVICE).path("status");
        assertThat(status.path("agent").path("model").asText()).isEqualTo("person-detection-retail-0013");
        assertThat(status.path("cameras").path("entrance").path("state").asText()).isEqualTo("running");
        assertThat(status.path("outbox").has("depth")).isTrue();

        // Offline again, a new desired version; on reconnect it is applied and acknowledged.
        sync.stop(Duration.ofSeconds(2));
        sync = null;
        long v3 = hub.setDesired(DEVICE, (ObjectNode) JSON.readTree("{\"counting\": {\"intervalSeconds\": 120}}"));
        startSync();
        // The broker may lose the answer to a reconnect's first twin read (its session takeover); the agent then reads
        // again on a fresh connection, as it would from a real hub that dropped one.
        Await.until(Duration.ofSeconds(60), "the version that moved while offline acknowledged",
                () -> ackOf("counting").path("av").asLong() == v3, hub::describe);
        assertThat(ackOf("counting").path("ac").asInt()).isEqualTo(200);
        assertThat(agent.current().analytics().interval()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void aTwinReadThatIsNeverAnsweredIsMadeAgainOnAFreshConnection() throws Exception {
        long v = hub.setDesired(DEVICE, (ObjectNode) JSON.readTree("{\"counting\": {\"intervalSeconds\": 45}}"));
        hub.ignoreTwinReads(1);
        startSync();
        Await.until(Duration.ofSeconds(60), "the desired version acknowledged after the unanswered read",
                () -> ackOf("counting").path("av").asLong() == v, hub::describe);
        assertThat(hub.twinReads()).isGreaterThanOrEqualTo(2);
        assertThat(hub.connects()).as("the second read came on a fresh connection").hasSizeGreaterThanOrEqualTo(2);
        assertThat(agent.current().analytics().interval()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void syncSettingsChangedThroughTheTwinTakeEffectAndIotHubCannotBeSwitchedOffFromIt() throws Exception {
        startSync();
        long off = hub.patchDesired(DEVICE, (ObjectNode) JSON.readTree("{\"sync\": {\"iothub\": {\"enabled\": false}}}"));
        Await.until(Duration.ofSeconds(60), "switching IoT Hub off refused", () -> ackOf("sync").path("av").asLong() == off,
                hub::describe);
        assertThat(ackOf("sync").path("ac").asInt()).isEqualTo(400);
        assertThat(ackOf("sync").path("ad").asText()).contains("sync.iothub.enabled");

        long v = hub.patchDesired(DEVICE, (ObjectNode) JSON.readTree("{\"sync\": {\"iothub\": {\"kinds\": [\"aggregate\"]}}}"));
        Await.until(Duration.ofSeconds(60), "the kinds acknowledged", () -> ackOf("sync").path("av").asLong() == v,
                hub::describe);
        assertThat(ackOf("sync").path("ac").asInt()).isEqualTo(200);
        Instant t0 = Instant.parse("2026-11-25T09:00:00Z");
        for (int i = 1; i <= 3; i++) {
            WireRecords.crossing(outbox, DEVICE, "entrance", i, t0.plusSeconds(i));
        }
        WireRecords.aggregate(outbox, DEVICE, "entrance", t0, 3);
        outbox.flush();
        Await.until(Duration.ofSeconds(60), "listening for methods", () -> hub.listensForMethods(DEVICE), hub::describe);
        IotHubTestServer.MethodResult flush = hub.invoke("flush", "{\"timeoutSeconds\": 20}", Duration.ofSeconds(30));
        assertThat(flush.payload().path("caughtUp").asBoolean()).isTrue();
        assertThat(hub.received()).as("only aggregates go to IoT Hub now").hasSize(1);
        assertThat(new String(hub.received().get(0).body(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"aggregate\"").doesNotContain("\"crossing\"");
    }

    @Test
    void everyDirectMethodAnswers() throws Exception {
        startSync();
        Instant t0 = Instant.parse("2026-11-25T09:00:00Z");
        for (int i = 1; i <= 5; i++) {
            WireRecords.crossing(outbox, DEVICE, "entrance", i, t0.plusSeconds(i));
        }
        outbox.flush();
        // A slow start may take the SDK more than one connect; what matters is that it listens and has reported.
        Await.until(Duration.ofSeconds(60), "listening for methods with its status reported",
                () -> hub.listensForMethods(DEVICE) && hub.reported(DEVICE).has("status"), hub::describe);
        Duration t = Duration.ofSeconds(30);

        IotHubTestServer.MethodResult status = hub.invoke("getStatus", null, t);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.payload().path("agent").path("version").asText()).isEqualTo("test");

        IotHubTestServer.MethodResult flush = hub.invoke("flush", "{\"timeoutSeconds\": 20}", t);
        assertThat(flush.status()).isEqualTo(200);
        assertThat(flush.payload().path("records").asInt()).isEqualTo(5);
        assertThat(flush.payload().path("caughtUp").asBoolean()).isTrue();
        assertThat(flush.payload().path("messageIds").get(0).asText())
                .isEqualTo(hub.received().get(0).messageId());

        IotHubTestServer.MethodResult snap = hub.invoke("snapshot", "{}", t);
        assertThat(snap.status()).isEqualTo(200);
        assertThat(snap.payload().path("blobs").get(0).asText())
                .isEqualTo("snapshots/box-2/box-2/entrance/2026/11/25/20261125T090005000Z.jpg");

        assertThat(hub.invoke("setLogLevel", "{\"logger\": \"io.footfall\", \"level\": \"DEBUG\"}", t).status())
                .isEqualTo(200);
        assertThat(agent.logLevels).containsExactly("io.footfall=DEBUG");
        IotHubTestServer.MethodResult badLevel = hub.invoke("setLogLevel", "{\"level\": \"LOUD\"}", t);
        assertThat(badLevel.status()).isEqualTo(400);
        assertThat(badLevel.payload().path("error").asText()).contains("LOUD");
        assertThat(hub.invoke("setLogLevel", "[1,2]", t).status()).isEqualTo(400);
        assertThat(hub.invoke("flush", "{\"timeoutSeconds\": \"x\"}", t).status()).isEqualTo(400);

        IotHubTestServer.MethodResult unknown = hub.invoke("reboot", "{}", t);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.payload().path("error").asText()).contains("reboot").contains("getStatus");
    }
}
