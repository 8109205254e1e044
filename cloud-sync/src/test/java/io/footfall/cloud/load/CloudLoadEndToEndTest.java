package io.footfall.cloud.load;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.core.util.BinaryData;
import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.cli.FootfallCommand;
import io.footfall.cloud.SyncEnvironment;
import io.footfall.cloud.cli.CloudCommand;
import io.footfall.cloud.cosmos.ContainerLayout;
import io.footfall.cloud.cosmos.CosmosCounts;
import io.footfall.cloud.cosmos.CosmosSettings;
import io.footfall.cloud.testing.AzuriteTestServer;
import io.footfall.cloud.testing.CosmosTestServer;
import io.footfall.json.Json;
import io.footfall.schema.WireCodec;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end on real servers on 127.0.0.1: the count files of a real run on the one-by-one clip (see
 * {@code src/test/resources/count-files/README.md}) in Azurite, {@code footfall cloud load} into the Cosmos DB server,
 * and the footfall report from the edge outbox and from Cosmos DB.
 */
class CloudLoadEndToEndTest {
    static final String STORE = "store-042";
    static final String PARTITION = "store-042-2026-11-25";
    static final Path FIXTURE = Path.of("src/test/resources/count-files/one-by-one");
    /** People the run counted coming in through the door in hour 09 (see the fixture's README). */
    static final int EXPECTED_IN = 5;

    @TempDir
    static Path dir;
    static CosmosTestServer cosmos;
    static AzuriteTestServer azurite;
    static Map<String, String> env;
    static List<Path> blobs;
    static int fixtureRecords;

    @BeforeAll
    static void start() throws Exception {
        cosmos = CosmosTestServer.start(dir);
        azurite = AzuriteTestServer.start(dir);
        env = Map.of(CosmosSettings.KEY_ENV, CosmosTestServer.KEY,
                CountBlobs.CONNECTION_STRING_ENV, azurite.connectionString());
        BlobContainerClient counts = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .buildClient().createBlobContainerIfNotExists(CountBlobs.DEFAULT_CONTAINER);
        try (Stream<Path> files = Files.walk(FIXTURE)) {
            blobs = files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".jsonl")).sorted().toList();
        }
        for (Path f : blobs) {
            String name = FIXTURE.relativize(f).toString().replace('\\', '/');
            counts.getBlobClient(name).upload(BinaryData.fromFile(f), true);
            for (String line : Files.readAllLines(f)) {
                if (!line.isBlank()) { // written by the wire codec, as the edge's count-file writer does
                    assertThat(WireCodec.line(WireCodec.decode(line))).isEqualTo(line);
                    fixtureRecords++;
                }
            }
        }
        counts.getBlobClient("README.txt").upload(BinaryData.fromString("not a count file"), true);
        assertThat(blobs).hasSize(2);
    }

    @AfterAll
    static void stop() {
        if (azurite != null) {
            azurite.close();
        }
        if (cosmos != null) {
            cosmos.close();
        }
    }

    record Run(int code, String out, String err) {
    }

    static Run cloud(String... args) {
        return cloud(env, args);
    }

    static Run cloud(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new CloudCommand(env));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    static String[] cosmosArgs(String command, String container, String... extra) {
        List<String> a = new ArrayList<>(List.of(command, "--cosmos-endpoint", cosmos.endpoint(),
                "--no-endpoint-discovery", "--container", container));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    static Run load(String container, Path checkpoint, String... extra) {
        List<String> a = new ArrayList<>(List.of("--checkpoint", checkpoint.toString()));
        a.addAll(List.of(extra));
        return cloud(cosmosArgs("load", container, a.toArray(String[]::new)));
    }

    static List<JsonNode> documents(String container) {
        CosmosSettings s = new CosmosSettings(URI.create(cosmos.endpoint()), Optional.of(CosmosTestServer.KEY),
                new ContainerLayout("footfall", container, Optional.empty()), false);
        try (CosmosCounts counts = CosmosCounts.connect(s)) {
            return counts.partition(PARTITION);
        }
    }

    static void assertExactlyTheFixture(String container) {
        List<JsonNode> docs = documents(container);
        assertThat(docs).hasSize(fixtureRecords);
        assertThat(docs.stream().map(d -> d.get("id").asText()).distinct()).hasSize(fixtureRecords);
        long crossingsIn = docs.stream().filter(d -> d.path("type").asText().equals("crossing"))
                .filter(d -> d.path("direction").asText().equals("in")).count();
        int aggregateIn = docs.stream().filter(d -> d.path("type").asText().equals("aggregate"))
                .flatMap(d -> java.util.stream.StreamSupport.stream(d.path("lines").spliterator(), false))
                .mapToInt(l -> l.path("in").asInt()).sum();
        assertThat(crossingsIn).isEqualTo(EXPECTED_IN);
        assertThat(aggregateIn).isEqualTo(EXPECTED_IN);
        assertThat(docs).allSatisfy(d -> {
            assertThat(d.path("store").asText()).isEqualTo(STORE);
            assertThat(d.path("recordId").asText()).startsWith("local/camera1/");
            assertThat(d.path("id").asText()).doesNotContain("/");
        });
    }

    @Test
    void loadPutsEveryRecordInCosmosOnceAndASecondLoadAddsNothing() throws Exception {
        assertThat(cloud(cosmosArgs("init", "twice")).code()).isZero();
        Path checkpoint = dir.resolve("twice.checkpoint.jsonl");
        Run first = load("twice", checkpoint);
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("loaded 2 blobs (" + fixtureRecords + " documents upserted); 0 already loaded; "
                + "1 not count files");
        assertExactlyTheFixture("twice");

        Run second = load("twice", checkpoint);
        assertThat(second.out()).contains("loaded 0 blobs (0 documents upserted); 2 already loaded");
        assertExactlyTheFixture("twice");

        // Without the checkpoint everything is written again: upserts by id, still no duplicate.
        Files.delete(checkpoint);
        Run third = load("twice", checkpoint);
        assertThat(third.out()).contains("loaded 2 blobs (" + fixtureRecords + " documents upserted)");
        assertExactlyTheFixture("twice");
    }

    @Test
    void anInterruptedLoadResumesAndEndsWithTheSameDocuments() throws Exception {
        assertThat(cloud(cosmosArgs("init", "resume")).code()).isZero();
        Path checkpoint = dir.resolve("resume.checkpoint.jsonl");
        Run part = load("resume", checkpoint, "--max-blobs", "1");
        assertThat(part.code()).as(part.err()).isZero();
        assertThat(part.out()).contains("loaded 1 blobs").contains("stopped at --max-blobs");
        int firstBlob = (int) Files.readAllLines(blobs.get(0)).stream().filter(l -> !l.isBlank()).count();
        assertThat(documents("resume")).hasSize(firstBlob);

        // A crash while the checkpoint line was written: the torn line is ignored, that blob loads again.
        String line = Files.readString(checkpoint);
        Files.writeString(checkpoint, line.substring(0, line.length() / 2), StandardCharsets.UTF_8);
        Run rest = load("resume", checkpoint);
        assertThat(rest.code()).as(rest.err()).isZero();
        assertThat(rest.out()).contains("loaded 2 blobs");
        assertExactlyTheFixture("resume");
        assertThat(load("resume", checkpoint).out()).contains("loaded 0 blobs").contains("2 already loaded");
    }

    @Test
    void aBrokenCountFileIsNamedAndWhatWasLoadedStays() throws Exception {
        BlobContainerClient bad = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
                .buildClient().createBlobContainerIfNotExists("bad-counts");
        bad.getBlobClient("store-042/local/2026/11/25/09/camera1.jsonl").upload(BinaryData.fromFile(blobs.get(0)), true);
        bad.getBlobClient("store-042/local/2026/11/25/10/camera1.jsonl")
                .upload(BinaryData.fromString("{\"schema\":1,\"id\":\"x\",\"type\":\"crossing\",\"at\":\"2026-11-25T10:00:00Z\"}\n"
                        + "{\"schema\":1,\"oops\":true}\n"), true);
        assertThat(cloud(cosmosArgs("init", "bad")).code()).isZero();
        Path checkpoint = dir.resolve("bad.checkpoint.jsonl");
        Run run = load("bad", checkpoint, "--blob-container", "bad-counts");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).startsWith("cloud load: blob bad-counts/store-042/local/2026/11/25/10/camera1.jsonl "
                + "line 2: expected one Footfall wire record").doesNotContain("\n");
        assertThat(documents("bad")).hasSize((int) Files.readAllLines(blobs.get(0)).stream().filter(l -> !l.isBlank()).count());
        assertThat(Files.readAllLines(checkpoint)).hasSize(1);
    }

    /** The same credentials as the agent's uploads: a container SAS with read and list rights is enough to load. */
    @Test
    void aContainerSasUrlLoadsLikeTheConnectionStringAndIsNeverPrinted() {
        assertThat(cloud(cosmosArgs("init", "sas")).code()).isZero();
        String sas = new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient()
                .getBlobContainerClient(CountBlobs.DEFAULT_CONTAINER)
                .generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
                        new BlobContainerSasPermission().setReadPermission(true).setListPermission(true)));
        String signature = sas.replaceFirst(".*sig=([^&]+).*", "$1");
        Map<String, String> sasOnly = Map.of(CosmosSettings.KEY_ENV, CosmosTestServer.KEY, SyncEnvironment.BLOB_SAS_URL,
                azurite.blobEndpoint() + "/" + CountBlobs.DEFAULT_CONTAINER + "?" + sas);
        Run run = cloud(sasOnly, cosmosArgs("load", "sas", "--checkpoint", dir.resolve("sas.checkpoint.jsonl").toString(),
                "--verbose"));
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("loaded 2 blobs");
        assertExactlyTheFixture("sas");
        assertThat(run.out() + run.err()).doesNotContain(signature);

        Run badSas = cloud(Map.of(CosmosSettings.KEY_ENV, CosmosTestServer.KEY, SyncEnvironment.BLOB_SAS_URL,
                "ht tp://no host?sv=2020-08-04&sig=" + signature), cosmosArgs("load", "sas"));
        assertThat(badSas.code()).isEqualTo(2);
        assertThat(badSas.err()).contains("FOOTFALL_BLOB_SAS_URL: expected https://ACCOUNT.blob.core.windows.net")
                .doesNotContain(signature);
    }

    @Test
    void aMissingContainerOrEndpointIsAClearError() {
        Run run = load("never-initialised", dir.resolve("x.jsonl"));
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("does not exist: run 'footfall cloud init' first");
        Run noEndpoint = cloud("load");
        assertThat(noEndpoint.code()).isEqualTo(2);
        assertThat(noEndpoint.err()).contains("expected --cosmos-endpoint or FOOTFALL_COSMOS_ENDPOINT");
        assertThat(noEndpoint.err() + run.err()).doesNotContain(CosmosTestServer.KEY).doesNotContain("AccountKey=");
    }

    @Test
    void theReportPrintsTheSameFootfallFromTheEdgeOutboxAndFromCosmos() throws Exception {
        assertThat(cloud(cosmosArgs("init", "report")).code()).isZero();
        assertThat(load("report", dir.resolve("report.checkpoint.jsonl")).code()).isZero();
        Path charts = Path.of("target/report-charts");
        Run fromCosmos = cloud(cosmosArgs("report", "report", "--store", STORE, "--from", "2026-11-25",
                "--out", charts.resolve("cloud").toString()));
        assertThat(fromCosmos.code()).as(fromCosmos.err()).isZero();

        Path dataDir = edgeOutbox();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine footfall = FootfallCommand.newCommandLine();
        footfall.setOut(new PrintWriter(out, true));
        footfall.setErr(new PrintWriter(err, true));
        int code = footfall.execute("report", "--data-dir", dataDir.toString(), "--store", STORE,
                "--out", charts.resolve("edge").toString());
        assertThat(code).as(err.toString()).isZero();
        String edge = out.toString();

        String hourRow = String.format("%-10s %02d:00  %-20s %6d %6d", "2026-11-25", 9, "camera1", EXPECTED_IN, 0);
        String storeRow = String.format("%-10s %02d:00  %-20s %6d %6d", "2026-11-25", 9, "(store)", EXPECTED_IN, 0);
        assertThat(edge).contains(hourRow).contains(storeRow);
        assertThat(fromCosmos.out()).contains(hourRow).contains(storeRow);
        assertThat(body(fromCosmos.out())).isEqualTo(body(edge));
        for (String side : List.of("cloud", "edge")) {
            for (String chart : List.of("footfall-2026-11-25.png", "occupancy-2026-11-25.png", "dwell.png")) {
                BufferedImage img = ImageIO.read(charts.resolve(side).resolve(chart).toFile());
                assertThat(img).as(side + "/" + chart).isNotNull();
                assertThat(img.getWidth()).isEqualTo(1000);
            }
            assertThat(Files.readAllLines(charts.resolve(side).resolve("footfall-hourly.csv")))
                    .contains("2026-11-25,9,+00:00,camera1," + EXPECTED_IN + ",0,139,0.039");
        }
    }

    /** The report without its heading line (which names where it was read). */
    static String body(String report) {
        return report.substring(report.indexOf('\n') + 1);
    }

    /** An edge data folder whose outbox holds the fixture's records, appended the way the agent's outbox sink does. */
    static Path edgeOutbox() throws Exception {
        Path dataDir = dir.resolve("edge");
        var mapper = Json.mapper();
        try (Outbox outbox = Outbox.open(OutboxConfig.of(dataDir, "local"))) {
            for (Path f : blobs) {
                for (String line : Files.readAllLines(f)) {
                    if (line.isBlank()) {
                        continue;
                    }
                    JsonNode r = mapper.readTree(line);
                    long at = Instant.parse(r.path("at").asText()).toEpochMilli();
                    outbox.append(r.path("type").asText(), r.path("id").asText(), at, line.getBytes(StandardCharsets.UTF_8));
                }
            }
            outbox.flush();
        }
        return dataDir;
    }
}
