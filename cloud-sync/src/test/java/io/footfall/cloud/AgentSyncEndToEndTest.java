package io.footfall.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import io.footfall.agent.Agent;
import io.footfall.agent.AgentOptions;
import io.footfall.cli.FootfallCommand;
import io.footfall.cloud.cli.CloudCommand;
import io.footfall.cloud.cosmos.ContainerLayout;
import io.footfall.cloud.cosmos.CosmosCounts;
import io.footfall.cloud.cosmos.CosmosIds;
import io.footfall.cloud.cosmos.CosmosSettings;
import io.footfall.cloud.load.CountBlobs;
import io.footfall.cloud.testing.Teardown;
import io.footfall.cloud.testing.Await;
import io.footfall.cloud.testing.AzuriteServer;
import io.footfall.cloud.testing.CosmosTestServer;
import io.footfall.cloud.testing.IotHubTestServer;
import io.footfall.cloud.testing.LogCapture;
import io.footfall.cloud.testing.TestCertificate;
import io.footfall.cloud.testing.TestServers;
import io.footfall.config.ConfigLoader;
import io.footfall.config.FootfallConfig;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import io.footfall.store.OutboxRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real agent ({@link Agent}: decoding, detection, tracking, counting, outbox) on the one-by-one clip, with cloud
 * sync found on the class path and configured only through the environment, against the test hub and Azurite.
 */
class AgentSyncEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The module run's store: its own, so the other test's records (store-42) are not in its load and reports. */
    private static final String STORE = "store-7";
    private static final Set<String> SENT = Set.of("crossing", "crossing-cancelled", "zone-enter", "zone-exit", "aggregate");

    @TempDir
    static Path tmp;
    private static TestCertificate cert;
    private static IotHubTestServer hub;
    private static AzuriteServer azurite;
    private static CosmosTestServer cosmos;
    private static String hubKey;

    @BeforeAll
    static void servers() throws Exception {
        cert = TestCertificate.create();
        hubKey = IotHubTestServer.newKey();
        hub = new IotHubTestServer(cert, hubKey).start();
        azurite = new AzuriteServer(tmp.resolve("azurite")).start();
        cosmos = CosmosTestServer.start(Files.createDirectories(tmp.resolve("cosmos")));
    }

    @AfterAll
    static void stopServers() throws Exception {
        Teardown.closeAll(hub, azurite, cosmos);
    }

    private static FootfallConfig config(String device, String line) throws IOException {
        return ConfigLoader.parse(configTree(device, "store-42", line), "test");
    }

    private static JsonNode configTree(String device, String store, String line) throws IOException {
        Path clip = TestServers.sharedFile("videos/one-by-one-person-detection.mp4");
        return JSON.readTree("""
                {"device": "%s", "storeId": "%s",
                 "clips": {"mode": "continuous", "preSeconds": 3, "postSeconds": 3},
                 "sync": {"iothub": {"flushIntervalSeconds": 0.2}, "blob": {"hourCloseDelaySeconds": 600, "bandwidthKbps": 0}},
                 "cameras": [{"id": "room", "source": "%s", "start": "2026-11-25T09:00:30Z",
                   "lines": [{"name": "door", "points": %s}],
                   "zones": [{"name": "room", "polygon": [[0, 0], [1, 0], [1, 1], [0, 1]]}]}]}"""
                .formatted(device, store, clip.toString().replace("\\", "\\\\"), line));
    }

    private static Map<String, String> env(String device) throws Exception {
        return Map.of(
                SyncEnvironment.IOTHUB_CONNECTION_STRING, hub.deviceConnectionString(device),
                SyncEnvironment.IOTHUB_CA_FILE, cert.writePem(tmp.resolve("hub-ca.pem")).toString(),
                SyncEnvironment.BLOB_CONNECTION_STRING, azurite.connectionString());
    }

    private static List<JsonNode> delivered(String device) {
        List<JsonNode> out = new ArrayList<>();
        hub.received().stream().filter(m -> m.deviceId().equals(device)).forEach(m -> m.json().forEach(out::add));
        return out;
    }

    /**
     * The whole chain: {@code footfall run} in its own process, as the IoT Edge module, then {@code footfall cloud
     * load} of the count files it left in Blob into Cosmos DB, twice, and {@code footfall report} from the edge's
     * outbox and {@code footfall cloud report} from Cosmos DB printing the same hour.
     *
     * <p>The module: the SDK's {@code createFromEnvironment} reads
     * edgeHub's variables ({@code EdgeHubConnectionString}, {@code EdgeModuleCACertificateFile}); telemetry goes to
     * the {@code counts} and {@code events} outputs.
     */
    @Test
    void footfallRunAsAModuleOnTheOneByOneClip_everyRecordOnceInOrderSixInCountFilesClipsInBlobCosmosAndReportsAgree()
            throws Exception {
        String device = "edge-box";
        String module = "footfall";
        Path data = tmp.resolve("data-" + device);
        Path config = tmp.resolve("edge.json");
        Files.writeString(config, JSON.writeValueAsString(configTree(device, STORE, "[[0.8, 0], [0.8, 1]]")));
        Path out = tmp.resolve("edge-run.log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dfootfall.root=" + TestServers.root(),
                "io.footfall.cli.FootfallCommand", "run", "--config", config.toString(), "--data-dir", data.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("EdgeHubConnectionString", hub.moduleConnectionString(device, module));
        pb.environment().put("EdgeModuleCACertificateFile", cert.writePem(tmp.resolve("edge-ca.pem")).toString());
        pb.environment().put(SyncEnvironment.BLOB_CONNECTION_STRING, azurite.connectionString());
        Process p = pb.start();
        try {
            assertThat(p.waitFor(15, java.util.concurrent.TimeUnit.MINUTES)).as("footfall run ended").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String logs = Files.readString(out);
        assertThat(p.exitValue()).as(logs).isZero();

        List<OutboxRecord> records;
        try (Outbox outbox = Outbox.open(OutboxConfig.readOnly(data))) {
            records = outbox.read(1, Long.MAX_VALUE, 100_000);
            assertThat(outbox.cursors()).as("every destination acknowledged everything")
                    .allSatisfy((name, acked) -> assertThat(acked).as(name).isEqualTo(outbox.durableSequence()));
        }
        List<OutboxRecord> sent = records.stream().filter(r -> SENT.contains(r.kind())).toList();
        List<IotHubTestServer.Received> messages = hub.received().stream().filter(m -> m.deviceId().equals(device))
                .toList();
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.moduleId()).isEqualTo(module);
            assertThat(m.output()).hasValue(m.properties().get("kind").equals("aggregate") ? "counts" : "events");
            assertThat(m.properties()).containsEntry("store", STORE).containsEntry("camera", "room")
                    .containsEntry("$.ct", "application/json").containsEntry("$.ce", "utf-8");
        });
        List<JsonNode> got = delivered(device);
        assertThat(got.stream().map(n -> n.get("id").asText()).toList()).as("every record once, in order")
                .containsExactlyElementsOf(sent.stream().map(OutboxRecord::id).toList());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(got.get(i)).isEqualTo(JSON.readTree(sent.get(i).payload()));
        }
        List<JsonNode> crossings = got.stream().filter(n -> n.get("type").asText().equals("crossing")).toList();
        // Six people cross; the default model counts five of them on some CPUs (see agent's SharedData.ONE_BY_ONE_*).
        assertThat(crossings).hasSizeBetween(5, 6).allSatisfy(c -> assertThat(c.get("direction").asText()).isEqualTo("in"));
        assertThat(got.stream().filter(n -> n.get("type").asText().equals("aggregate"))
                .mapToInt(a -> a.get("lines").get(0).get("in").asInt()).sum()).isEqualTo(crossings.size());

        // Count files: the hour's lines are the outbox payloads of the camera's events and aggregates.
        BlobContainerClient counts = container("counts");
        List<String> lines = new ArrayList<>();
        for (BlobItem b : counts.listBlobs()) {
            if (b.getName().startsWith(STORE + "/" + device + "/")) {
                assertThat(b.getName()).matches(STORE + "/edge-box/2026/11/25/09/room(\\.part\\d+)?\\.jsonl");
                lines.addAll(List.of(counts.getBlobClient(b.getName()).downloadContent().toString().split("\n")));
            }
        }
        assertThat(lines.stream().map(AgentSyncEndToEndTest::readId).sorted().toList())
                .isEqualTo(sent.stream().map(OutboxRecord::id).sorted().toList());

        // Clips: each finished clip committed, byte-identical, with its record id.
        List<OutboxRecord> clipRecords = records.stream().filter(r -> r.kind().equals("clip")).toList();
        assertThat(clipRecords).isNotEmpty();
        BlobContainerClient clips = container("clips");
        Map<String, String> blobByRecord = new HashMap<>();
        for (BlobItem b : clips.listBlobs()) {
            if (b.getName().startsWith(STORE + "/" + device + "/room/2026/11/25/")) {
                blobByRecord.put(clips.getBlobClient(b.getName()).getProperties().getMetadata().get("recordid"), b.getName());
            }
        }
        for (OutboxRecord r : clipRecords) {
            Path file = Path.of(JSON.readTree(r.payload()).get("file").asText());
            assertThat(blobByRecord).containsKey(r.id());
            byte[] blob = clips.getBlobClient(blobByRecord.get(r.id())).downloadContent().toBytes();
            assertThat(sha(blob)).isEqualTo(sha(Files.readAllBytes(file)));
        }

        assertNoSecret(device + "/" + module, data, logs);

        loadIntoCosmosAndReportFromBothSides(data, sent, crossings.size());
    }

    /** {@code cloud load} twice (no duplicate), documents = the run's records with their ids as is, same reports. */
    private static void loadIntoCosmosAndReportFromBothSides(Path data, List<OutboxRecord> sent, int in) throws Exception {
        Map<String, String> env = Map.of(CosmosSettings.KEY_ENV, CosmosTestServer.KEY,
                CountBlobs.CONNECTION_STRING_ENV, azurite.connectionString());
        String[] target = {"--cosmos-endpoint", cosmos.endpoint(), "--no-endpoint-discovery", "--container", "e2e"};
        Cli init = Cli.cloud(env, concat(new String[]{"init"}, target));
        assertThat(init.code()).as(init.err()).isZero();
        Path checkpoint = tmp.resolve("load.checkpoint.jsonl");
        for (int round = 1; round <= 2; round++) {
            Cli load = Cli.cloud(env, concat(new String[]{"load"}, target, new String[]{"--store", STORE,
                    "--checkpoint", checkpoint.toString()}));
            assertThat(load.code()).as(load.err()).isZero();
            if (round == 2) {
                Files.delete(checkpoint); // the third load writes everything again: upserts, still no duplicate
                assertThat(Cli.cloud(env, concat(new String[]{"load"}, target, new String[]{"--store", STORE,
                        "--checkpoint", checkpoint.toString()})).code()).isZero();
            }
            List<JsonNode> docs;
            CosmosSettings settings = new CosmosSettings(URI.create(cosmos.endpoint()), Optional.of(CosmosTestServer.KEY),
                    new ContainerLayout("footfall", "e2e", Optional.empty()), false);
            try (CosmosCounts counts = CosmosCounts.connect(settings)) {
                docs = counts.partition(STORE + "-2026-11-25");
            }
            assertThat(docs.stream().map(d -> d.get("id").asText()).sorted().toList()).as("round " + round)
                    .isEqualTo(sent.stream().map(OutboxRecord::id).sorted().toList());
            assertThat(docs).allSatisfy(d -> {
                // Cosmos-safe at the edge: the document id is the record id as is, as Data Factory's copy writes it.
                assertThat(d.get("id").asText()).isEqualTo(d.get("recordId").asText())
                        .isEqualTo(CosmosIds.encode(d.get("recordId").asText())).doesNotContain("/");
            });
        }

        Path charts = tmp.resolve("charts");
        Cli fromCosmos = Cli.cloud(env, concat(new String[]{"report"}, target, new String[]{"--store", STORE,
                "--from", "2026-11-25", "--out", charts.resolve("cloud").toString()}));
        assertThat(fromCosmos.code()).as(fromCosmos.err()).isZero();
        Cli fromEdge = Cli.footfall("report", "--data-dir", data.toString(), "--store", STORE,
                "--out", charts.resolve("edge").toString());
        assertThat(fromEdge.code()).as(fromEdge.err()).isZero();
        String hour = String.format("%-10s %02d:00  %-20s %6d %6d", "2026-11-25", 9, "room", in, 0);
        String store = String.format("%-10s %02d:00  %-20s %6d %6d", "2026-11-25", 9, "(store)", in, 0);
        assertThat(fromEdge.out()).contains(hour).contains(store);
        assertThat(fromCosmos.out()).contains(hour).contains(store);
        assertThat(withoutHeading(fromCosmos.out())).isEqualTo(withoutHeading(fromEdge.out()));
        for (String side : List.of("cloud", "edge")) {
            assertThat(ImageIO.read(charts.resolve(side).resolve("footfall-2026-11-25.png").toFile())).as(side).isNotNull();
        }
    }

    private record Cli(int code, String out, String err) {
        static Cli cloud(Map<String, String> env, String... args) {
            return run(new CommandLine(new CloudCommand(env)), args);
        }

        static Cli footfall(String... args) {
            return run(FootfallCommand.newCommandLine(), args);
        }

        private static Cli run(CommandLine cl, String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            return new Cli(cl.execute(args), out.toString(), err.toString());
        }
    }

    private static String withoutHeading(String report) {
        return report.substring(report.indexOf('\n') + 1);
    }

    private static String[] concat(String[]... parts) {
        return Stream.of(parts).flatMap(Stream::of).toArray(String[]::new);
    }

    @Test
    void desiredPatchMovesTheLineLiveAndAMalformedPatchIsRejectedWhileCountingGoesOn() throws Exception {
        String device = "e2e-twin";
        Path data = tmp.resolve("data-" + device);
        String logs;
        long moved;
        long bad;
        try (LogCapture log = new LogCapture()) {
            try (Agent agent = Agent.start(config(device, "[[0.8, 0], [0.8, 1]]"),
                    AgentOptions.builder(data).env(env(device)).build())) {
                Await.until(Duration.ofSeconds(600), "the first crossing delivered",
                        () -> delivered(device).stream().anyMatch(n -> n.get("type").asText().equals("crossing")));
                // The same line walked the other way round: the next people crossing it are counted "out".
                moved = hub.patchDesired(device, (ObjectNode) JSON.readTree("""
                        {"cameras": [{"id": "room", "source": "%s", "start": "2026-11-25T09:00:30Z",
                          "lines": [{"name": "door", "points": [[0.8, 1], [0.8, 0]]}],
                          "zones": [{"name": "room", "polygon": [[0, 0], [1, 0], [1, 1], [0, 1]]}]}]}"""
                        .formatted(TestServers.sharedFile("videos/one-by-one-person-detection.mp4"))));
                Await.until(Duration.ofSeconds(30), "the move acknowledged",
                        () -> hub.reported(device).path("cameras").path("av").asLong() == moved);
                bad = hub.patchDesired(device, (ObjectNode) JSON.readTree("{\"tracker\": {\"minHits\": -3}}"));
                Await.until(Duration.ofSeconds(30), "the bad patch acknowledged",
                        () -> hub.reported(device).path("tracker").path("av").asLong() == bad);
                // The methods on the real agent, while it counts.
                IotHubTestServer.MethodResult status = hub.invoke("getStatus", null, Duration.ofSeconds(30));
                assertThat(status.status()).isEqualTo(200);
                assertThat(status.payload().path("cameras").path("room").path("state").asText()).isEqualTo("running");
                IotHubTestServer.MethodResult snapshot = hub.invoke("snapshot", "{}", Duration.ofSeconds(60));
                assertThat(snapshot.status()).isEqualTo(200);
                String blob = snapshot.payload().path("blobs").get(0).asText();
                assertThat(blob).startsWith("snapshots/store-42/e2e-twin/room/2026/11/25/").endsWith(".jpg");
                byte[] jpeg = container("snapshots").getBlobClient(blob.substring("snapshots/".length()))
                        .downloadContent().toBytes();
                assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
                assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
                assertThat(hub.invoke("flush", "{\"timeoutSeconds\": 30}", Duration.ofSeconds(60)).status())
                        .isEqualTo(200);
                agent.awaitCameras();
            }
            logs = log.text();
        }
        assertThat(hub.reported(device).path("cameras").path("ac").asInt()).isEqualTo(200);
        JsonNode rejected = hub.reported(device).path("tracker");
        assertThat(rejected.path("ac").asInt()).isEqualTo(400);
        assertThat(rejected.path("ad").asText()).contains("tracker.minHits");

        List<JsonNode> crossings = delivered(device).stream().filter(n -> n.get("type").asText().equals("crossing"))
                .toList();
        List<String> directions = crossings.stream().map(c -> c.get("direction").asText()).toList();
        assertThat(directions).as("in before the patch, out after it").startsWith("in").contains("out");
        assertThat(directions.indexOf("out")).isGreaterThan(directions.lastIndexOf("in"));
        assertThat(crossings).as("counting went on after the rejected patch").hasSizeGreaterThanOrEqualTo(5);
        assertNoSecret(device, data, logs);
    }

    private static String readId(String line) {
        try {
            return JSON.readTree(line).get("id").asText();
        } catch (IOException e) {
            throw new AssertionError("count file line is not JSON: " + line, e);
        }
    }

    private static BlobContainerClient container(String name) {
        return new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
                .getBlobContainerClient(name);
    }

    /** The hub's key and the storage key: nowhere in the data folder, the logs, the telemetry or the twin. */
    private static void assertNoSecret(String identity, Path data, String logs) throws IOException {
        for (String secret : List.of(hubKey, azurite.key())) {
            assertThat(logs).doesNotContain(secret);
            byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
            try (Stream<Path> files = Files.walk(data)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(indexOf(Files.readAllBytes(f), needle)).as("secret in " + f).isEqualTo(-1);
                }
            }
            hub.received().forEach(m -> assertThat(new String(m.body(), StandardCharsets.UTF_8) + m.properties())
                    .doesNotContain(secret));
            assertThat(hub.reported(identity).toString()).doesNotContain(secret);
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] sha(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }
}
