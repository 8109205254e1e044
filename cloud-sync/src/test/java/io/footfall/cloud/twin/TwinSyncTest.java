package io.footfall.cloud.twin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.cloud.hub.DesiredPatch;
import io.footfall.cloud.hub.TwinDocument;
import io.footfall.cloud.testing.RecordingHub;
import io.footfall.cloud.testing.TestAgent;
import io.footfall.config.ConfigLoader;
import io.footfall.config.FootfallConfig;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The twin as configuration against a recording hub: what a patch or a (re)connect makes the agent run, and what is
 * acknowledged. The same class runs against the MQTT test hub in {@code TwinAndMethodsTest}.
 */
class TwinSyncTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "rtsp://admin:hunter2@10.0.0.5/stream1";

    @TempDir
    Path tmp;
    private Outbox outbox;
    private TestAgent agent;
    private final RecordingHub hub = new RecordingHub();
    private TwinSync twin;
    private final List<FootfallConfig> applied = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        outbox = Outbox.open(OutboxConfig.of(tmp, "box-1"));
        FootfallConfig file = ConfigLoader.parse(JSON.readTree("""
                {"device": "box-1", "counting": {"intervalSeconds": 60},
                 "cameras": [{"id": "entrance", "source": "%s",
                  "lines": [{"name": "door", "points": [[0.8, 0], [0.8, 1]]}]}]}""".formatted(SOURCE)), "test");
        agent = new TestAgent(file, outbox, tmp, Map.of());
        twin = new TwinSync(agent, () -> Optional.of(hub), JSON::createObjectNode, applied::add);
    }

    @AfterEach
    void tearDown() {
        twin.close();
        outbox.close();
    }

    private static ObjectNode json(String s) throws Exception {
        return (ObjectNode) JSON.readTree(s);
    }

    @Test
    void aPatchWithoutCamerasKeepsEveryCamerasPasswordAndNoAcknowledgementRepeatsIt() throws Exception {
        twin.patch(new DesiredPatch(2, json("{\"counting\": {\"intervalSeconds\": 300}}")));
        awaitReports(1);
        assertThat(agent.current().analytics().interval()).isEqualTo(Duration.ofSeconds(300));
        assertThat(agent.current().cameras().get(0).source()).as("the camera keeps its credentials").isEqualTo(SOURCE);

        twin.patch(new DesiredPatch(3, json("""
                {"cameras": [{"id": "entrance", "source": "rtsp://admin:n3wPass@10.0.0.5/stream1",
                  "lines": [{"name": "door", "points": [[0.5, 0], [0.5, 1]]}]}]}""")));
        awaitReports(2);
        assertThat(agent.current().cameras().get(0).source()).isEqualTo("rtsp://admin:n3wPass@10.0.0.5/stream1");
        JsonNode ack = hub.reports.get(1).path("cameras");
        assertThat(ack.path("ac").asInt()).isEqualTo(200);
        assertThat(ack.path("value").get(0).path("source").asText()).isEqualTo("rtsp://***@10.0.0.5/stream1");
        assertThat(hub.reports.toString()).doesNotContain("hunter2").doesNotContain("n3wPass");
    }

    @Test
    void everyConnectAppliesTheWholeDesiredDocumentEvenWhenItWasAcknowledgedBefore() throws Exception {
        // A restart: the agent runs its file again (60 s), while the twin says 900 s was applied at version 7.
        ObjectNode reported = json("{\"counting\": {\"value\": {\"intervalSeconds\": 900}, \"ac\": 200, \"av\": 7}}");
        twin.opened(new TwinDocument(json("{\"counting\": {\"intervalSeconds\": 900}}"), 7, reported));
        awaitReports(1);
        assertThat(agent.current().analytics().interval()).isEqualTo(Duration.ofSeconds(900));
        assertThat(hub.reports).as("only the status: the acknowledgement stands").hasSize(1);
        assertThat(hub.reports.get(0).has("status")).isTrue();
    }

    @Test
    void aKeyRemovedFromDesiredWhileOfflineGoesBackToTheFilesValue() throws Exception {
        twin.opened(new TwinDocument(json("{\"counting\": {\"intervalSeconds\": 900}}"), 4, json("{}")));
        awaitReports(2);
        assertThat(agent.current().analytics().interval()).isEqualTo(Duration.ofSeconds(900));

        // Reconnect: the operator removed 'counting' and moved the line meanwhile.
        twin.opened(new TwinDocument(json("""
                {"cameras": [{"id": "entrance", "source": "%s",
                  "lines": [{"name": "door", "points": [[0.3, 0], [0.3, 1]]}]}]}""".formatted(SOURCE)), 9, json("{}")));
        awaitReports(4);
        assertThat(agent.current().analytics().interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(agent.current().cameras().get(0).lines().get(0).a().x()).isEqualTo(0.3);
    }

    @Test
    void aFailureThatIsNotTheDocumentsFaultIsAcknowledgedAs500AndTheConfigurationStays() throws Exception {
        FootfallConfig before = agent.current();
        agent.failNextApply(new IllegalStateException("outbox write failed: No space left on device"));
        twin.patch(new DesiredPatch(5, json("{\"counting\": {\"intervalSeconds\": 300}}")));
        awaitReports(1);
        JsonNode ack = hub.reports.get(0).path("counting");
        assertThat(ack.path("ac").asInt()).isEqualTo(500);
        assertThat(ack.path("av").asLong()).isEqualTo(5);
        assertThat(ack.path("ad").asText()).contains("No space left on device");
        assertThat(agent.current()).isEqualTo(before);
    }

    /** Waits until the twin has reported {@code n} patches, then a moment more for a wrongly extra one to show. */
    private void awaitReports(int n) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (hub.reports.size() < n && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        Thread.sleep(100);
        assertThat(hub.reports).as("reported patches").hasSizeGreaterThanOrEqualTo(n);
    }
}
