package io.footfall.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.cli.FootfallCommand;
import io.footfall.config.ConfigLoader;
import io.footfall.config.ConfigWriter;
import io.footfall.config.FootfallConfig;
import io.footfall.video.SourceSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code footfall edge manifest} on a four-camera store, and the rules its output must keep. */
class ManifestGeneratorTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** Four cameras: two USB (one spelled as a device path), an RTSP camera with credentials, a file. */
    private Path fourCameraStore() throws Exception {
        Path f = tmp.resolve("store-042.yaml");
        Files.writeString(f, """
                device: store-042
                detector: {model: person-detection-retail-0013, threads: 2}
                counting: {intervalSeconds: 300}
                store: {quotaMb: 4096, maxAgeDays: 14}
                cameras:
                  - id: entrance
                    source: usb:0
                    lines: [{name: door, points: [[0.8, 0], [0.8, 1]]}]
                  - id: back-door
                    source: /dev/video2
                    lines: [{name: door, points: [[0.1, 0], [0.1, 1]]}]
                  - id: aisle-3
                    source: rtsp://viewer:s3cret@10.0.0.13/stream1
                    zones: [{name: shelf, polygon: [[0.1, 0.1], [0.4, 0.1], [0.4, 0.5], [0.1, 0.5]]}]
                  - id: till
                    source: /media/till.mp4
                    start: 2026-11-25T09:00:00Z
                    lines: [{name: queue, points: [[0, 0.5], [1, 0.5]]}]
                    zones: [{name: queue, polygon: [[0, 0], [1, 0], [1, 1], [0, 1]]}]
                """);
        return f;
    }

    @Test
    void fourCameraStoreManifestPassesTheCheckAndItsDesiredPropertiesAreTheStoresConfig() throws Exception {
        Path store = fourCameraStore();
        ManifestGenerator.Manifest m = ManifestGenerator.fromFile(store, "myregistry.azurecr.io/footfall:1.0");

        FootfallConfig fromTwin = ManifestCheck.check(m.json());
        FootfallConfig fromFile = ConfigLoader.load(store);
        assertThat(ConfigWriter.toTree(fromTwin)).as("the twin's desired properties read as the same configuration")
                .isEqualTo(ConfigWriter.toTree(fromFile));
        assertThat(fromTwin.cameras()).hasSize(4);

        JsonNode module = m.json().at("/modulesContent/$edgeAgent/properties.desired/modules/footfall");
        assertThat(module.at("/settings/image").asText()).isEqualTo("myregistry.azurecr.io/footfall:1.0");
        JsonNode options = JSON.readTree(module.at("/settings/createOptions").asText());
        assertThat(options.at("/HostConfig/Devices").findValuesAsText("PathOnHost"))
                .as("only the USB cameras' devices").containsExactly("/dev/video0", "/dev/video2");
        assertThat(m.json().at("/modulesContent/$edgeHub/properties.desired/storeAndForwardConfiguration/timeToLiveSecs").asLong())
                .isEqualTo(14L * 86_400);
        assertThat(m.secrets()).isEqualTo(Map.of("aisle-3-userinfo", "viewer:s3cret"));
        assertThat(m.json().toString()).doesNotContain("s3cret");
        assertThat(m.json().at("/modulesContent/footfall/properties.desired/cameras/2/source").asText())
                .isEqualTo("rtsp://${secret:aisle-3-userinfo}@10.0.0.13/stream1");
    }

    @Test
    void cliKeepsCameraCredentialsOutOfTheManifestAndWritesThemWhereTheDeviceReadsThem() throws Exception {
        Path out = tmp.resolve("manifest.json");
        Path secrets = tmp.resolve("secrets");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldErr = System.err;
        int refused;
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            refused = FootfallCommand.execute("edge", "manifest", "--config", fourCameraStore().toString(), "--out",
                    out.toString());
            code = FootfallCommand.execute("edge", "manifest", "--config", fourCameraStore().toString(), "--out",
                    out.toString(), "--secrets-out", secrets.toString());
        } finally {
            System.setErr(oldErr);
        }
        assertThat(refused).as("credentials and nowhere to put them").isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("aisle-3-userinfo", "--secrets-out").doesNotContain("s3cret");
        assertThat(code).isZero();
        String text = Files.readString(out);
        assertThat(text).doesNotContain("s3cret");
        JsonNode m = JSON.readTree(text);
        FootfallConfig fromTwin = ManifestCheck.check(m);
        assertThat(m.at("/modulesContent/$edgeAgent/properties.desired/modules/footfall/settings/image").asText())
                .isEqualTo(ManifestGenerator.IMAGE_PLACEHOLDER);
        Path secret = secrets.resolve("aisle-3-userinfo");
        assertThat(Files.readString(secret)).isEqualTo("viewer:s3cret\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        // On the device, the agent puts the credential back where the placeholder stands.
        String source = fromTwin.camera("aisle-3").orElseThrow().source();
        assertThat(SourceSecrets.from(Map.of(SourceSecrets.ENV, secrets.toString())).resolve("aisle-3", source))
                .isEqualTo("rtsp://viewer:s3cret@10.0.0.13/stream1");
    }

    @Test
    void theImageIsAReferenceEdgeAgentCanPullOrAVariableToSubstitute() throws Exception {
        JsonNode config = JSON.readTree("{\"device\": \"s1\", \"cameras\": [{\"id\": \"c1\", \"source\": \"usb:0\"}]}");
        for (String ok : List.of("myregistry.azurecr.io/footfall:1.0", "localhost:5000/footfall", "footfall:1",
                "acme/footfall-edge_2@sha256:" + "ab".repeat(32), ManifestGenerator.IMAGE_PLACEHOLDER)) {
            assertThat(ManifestGenerator.generate(config, "t", ok).json()).as(ok).isNotNull();
        }
        for (String bad : List.of("UPPER/Case:1", "reg.io/footfall:", "reg.io/footfall@sha256:zz", "-rm",
                "reg.io/foot$(id)", "foo\",\"x\":\"y", "")) {
            assertThatThrownBy(() -> ManifestGenerator.generate(config, "t", bad)).as(bad)
                    .isInstanceOf(io.footfall.BadInputException.class).hasMessageContaining("--image must be");
        }
    }

    @Test
    void aMissingSecretIsAClearErrorNamingTheCameraAndTheFileNeverAValue() {
        SourceSecrets none = SourceSecrets.from(Map.of(SourceSecrets.ENV, tmp.resolve("empty").toString()));
        assertThatThrownBy(() -> none.resolve("door", "rtsp://${secret:door-userinfo}@cam/s"))
                .isInstanceOf(io.footfall.BadInputException.class)
                .hasMessageContaining("camera door").hasMessageContaining(tmp.resolve("empty/door-userinfo").toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void badConfigIsOneClearErrorAndNoFile() throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "device: s\ncameras:\n  - id: a\n    source: usb:0\n    lines: [{name: d, points: [[2, 0], [0.8, 1]]}]\n");
        Path out = tmp.resolve("m.json");
        int code = FootfallCommand.execute("edge", "manifest", "--config", bad.toString(), "--out", out.toString());
        assertThat(code).isEqualTo(2);
        assertThat(out).doesNotExist();
        assertThat(FootfallCommand.execute("edge", "manifest", "--config", tmp.resolve("missing.yaml").toString())).isEqualTo(2);
    }

    @Test
    void aConfigTooLargeForTheTwinIsBadInputNotAnInternalError() throws Exception {
        StringBuilder yaml = new StringBuilder("device: big\ncameras:\n");
        for (int c = 0; c < 64; c++) {
            yaml.append("  - id: camera-").append(c).append("\n    source: usb:").append(c).append("\n    lines:\n");
            for (int l = 0; l < 32; l++) {
                yaml.append("      - {name: line-").append(l).append(", points: [[0.").append(l % 9 + 1).append(", 0], [0.")
                        .append(l % 9 + 1).append(", 1]]}\n");
            }
        }
        Path big = Files.writeString(tmp.resolve("big.yaml"), yaml);
        PrintStream oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = FootfallCommand.execute("edge", "manifest", "--config", big.toString());
        } finally {
            System.setErr(oldErr);
        }
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("internal error")
                .contains("desired properties (" + big + ") is ").contains("a twin's desired properties hold at most 32768");
    }

    @Test
    void createOptionsAreChunkedOnlyWhenLongerThanOneField() {
        assertThat(CreateOptions.chunk("{}")).containsOnlyKeys("createOptions");
        String exactly = "{\"a\":\"" + "x".repeat(CreateOptions.CHUNK - 8) + "\"}";
        assertThat(exactly).hasSize(CreateOptions.CHUNK);
        assertThat(CreateOptions.chunk(exactly)).containsOnlyKeys("createOptions");

        String longer = "{\"a\":\"" + "x".repeat(1200) + "\"}";
        Map<String, String> chunks = CreateOptions.chunk(longer);
        assertThat(chunks).containsOnlyKeys("createOptions", "createOptions01", "createOptions02");
        assertThat(chunks.values()).allSatisfy(c -> assertThat(c.length()).isLessThanOrEqualTo(CreateOptions.CHUNK));
        assertThat(String.join("", chunks.values())).isEqualTo(longer);

        ObjectNode settings = JSON.createObjectNode();
        chunks.forEach(settings::put);
        assertThat(ManifestCheck.createOptions(settings, "s").path("a").asText()).hasSize(1200);
        settings.remove("createOptions01");
        assertThatThrownBy(() -> ManifestCheck.createOptions(settings, "s")).hasMessageContaining("missing createOptions01");
        ObjectNode split = JSON.createObjectNode().put("createOptions", "{\"a\":").put("createOptions01", "1}");
        assertThatThrownBy(() -> ManifestCheck.createOptions(split, "s")).hasMessageContaining("fits in one field");
    }

    @Test
    void manyUsbCamerasMakeChunkedCreateOptionsThatTheCheckReassembles() throws Exception {
        StringBuilder yaml = new StringBuilder("device: big\ncameras:\n");
        for (int i = 0; i < 12; i++) {
            yaml.append("  - {id: cam").append(i).append(", source: 'usb:").append(i)
                    .append("', lines: [{name: door, points: [[0.5, 0], [0.5, 1]]}]}\n");
        }
        Path f = tmp.resolve("big.yaml");
        Files.writeString(f, yaml.toString());
        JsonNode m = ManifestGenerator.fromFile(f, "footfall:1").json();
        JsonNode settings = m.at("/modulesContent/$edgeAgent/properties.desired/modules/footfall/settings");
        assertThat(settings.has("createOptions01")).isTrue();
        ManifestCheck.check(m);
        assertThat(ManifestCheck.createOptions(settings, "s").at("/HostConfig/Devices")).hasSize(12);
    }

    @Test
    void twinLimitsRejectKeysAndDepthTheHubRefuses() {
        ObjectNode dotted = JSON.createObjectNode();
        dotted.putObject("a").put("b.c", 1);
        assertThatThrownBy(() -> TwinLimits.check(dotted, "d")).hasMessageContaining("a.b.c").hasMessageContaining("'.'");
        ObjectNode deep = JSON.createObjectNode();
        ObjectNode n = deep;
        for (int i = 0; i < 11; i++) {
            n = n.putObject("k" + i);
        }
        assertThatThrownBy(() -> TwinLimits.check(deep, "d")).hasMessageContaining("deeper than 10");
        ObjectNode big = JSON.createObjectNode().put("x", "y".repeat(TwinLimits.MAX_BYTES));
        assertThatThrownBy(() -> TwinLimits.check(big, "d")).hasMessageContaining("at most " + TwinLimits.MAX_BYTES);
    }

    @Test
    void everyKindOfSecretInASourceBecomesAPlaceholderNotOnlyAUserAndPassword() throws Exception {
        Path f = tmp.resolve("secrets.yaml");
        Files.writeString(f, """
                device: box1
                cameras:
                  - {id: cam1, source: "rtsp://user:pw1@10.0.0.1/s"}
                  - {id: cam2, source: "https://acct.blob.core.windows.net/c/v.mp4?sv=2020-10-02&sig=c2VjcmV0c2ln"}
                  - {id: cam3, source: "rtsp://10.0.0.3/stream1"}
                """);
        ManifestGenerator.Manifest m = ManifestGenerator.fromFile(f, "footfall:1");
        assertThat(m.secrets()).isEqualTo(Map.of("cam1-userinfo", "user:pw1", "cam2-sig", "c2VjcmV0c2ln"));
        assertThat(m.json().toString()).doesNotContain("pw1").doesNotContain("c2VjcmV0c2ln");
        JsonNode cams = m.json().at("/modulesContent/footfall/properties.desired/cameras");
        assertThat(cams.get(1).path("source").asText())
                .isEqualTo("https://acct.blob.core.windows.net/c/v.mp4?sv=2020-10-02&sig=${secret:cam2-sig}");
        assertThat(cams.get(2).path("source").asText()).isEqualTo("rtsp://10.0.0.3/stream1");
    }
}
