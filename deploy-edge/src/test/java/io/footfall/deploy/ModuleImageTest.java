package io.footfall.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.store.Outbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Builds the module image from scratch with deploy-edge/build-image.sh (podman, local Debian bases, no
 * registry) and runs the counting job in a container: no network, the one-by-one clip mounted read-only,
 * a data volume owned by the image's non-root user. Six people walk in, none out; the outbox lands in the
 * volume. Without podman the test is skipped, except under CI=true, where it fails saying why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModuleImageTest {
    private static final String TAG = "localhost/footfall:image-test";
    private static final int MODULE_UID = 10001;
    /** podman schedules HEALTHCHECK with systemd timers, which these machines lack; the test runs the check itself. */
    private static final String NO_HEALTH_TIMER = "--no-healthcheck";

    private Path state;
    private Path logs;
    private Path archive;

    @BeforeAll
    void buildImage() throws Exception {
        for (String tool : List.of("podman", "mmdebstrap", "skopeo")) {
            Project.require(Project.onPath(tool) != null, tool + " is not installed, so the module image cannot be built here "
                    + "(run scripts/install-container-tools.sh as root)");
        }
        Project.requireShared("models/person-detection-retail-0013");
        logs = Project.deployEdge().resolve("target/image-test");
        Files.createDirectories(logs);
        archive = logs.resolve("footfall-image-test.oci.tar");
        state = Files.createTempDirectory("footfall-image-test");
        Run build = run(List.of(Project.deployEdge().resolve("build-image.sh").toString(), "--state", state.toString(),
                "--tag", TAG, "--archive", archive.toString()), "build", 40);
        assertThat(build.exitCode).as("build-image.sh failed; see " + build.log).isZero();
    }

    @AfterAll
    void removeState() throws Exception {
        if (state != null) {
            run(List.of(podmanLocal(), state.toString(), "--remove"), "remove", 5);
        }
    }

    @Test
    @Order(1)
    void containerCountsSixInNoneOutAsNonRootWithoutNetwork() throws Exception {
        Path clip = Project.requireShared("videos/one-by-one-person-detection.mp4");
        Path data = Files.createDirectories(logs.resolve("data"));
        try (var old = Files.list(data)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Files.setAttribute(data, "unix:uid", MODULE_UID);
        Files.setAttribute(data, "unix:gid", MODULE_UID);

        Run r = run(List.of(podmanLocal(), state.toString(), "run", "--rm", "--network", "none", NO_HEALTH_TIMER,
                "-v", clip.toRealPath() + ":/clip.mp4:ro", "-v", data + ":/var/lib/footfall", TAG,
                "run", "--source", "/clip.mp4", "--line", "0.8,0,0.8,1:door", "--clips", "off"), "run", 30);
        assertThat(r.exitCode).as("footfall run in the container failed; see " + r.log).isZero();
        String summary = r.output.lines().filter(l -> l.startsWith("run: camera ")).findFirst().orElse("no summary line");
        assertThat(summary).as("the job's summary in the container (the host gives the same counts as "
                + "agent's CountingOnRealVideoTest)").contains("1394 frames").containsPattern("line door in=[56] out=0");

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> crossings = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("events.jsonl"))) {
            JsonNode e = json.readTree(line);
            if (e.path("type").asText().equals("crossing")) {
                crossings.add(e);
            }
        }
        // Six people cross; the default model counts five of them on some CPUs (see agent's SharedData.ONE_BY_ONE_*).
        assertThat(crossings).hasSizeBetween(5, 6).allSatisfy(c -> assertThat(c.path("direction").asText()).isEqualTo("in"));
        Path outbox = data.resolve(Outbox.FILE_NAME);
        assertThat(outbox).as("the outbox lands in the data volume").isRegularFile();
        assertThat(Files.getAttribute(outbox, "unix:uid")).as("written by the image's non-root user").isEqualTo(MODULE_UID);

        Run health = run(List.of(podmanLocal(), state.toString(), "run", "--rm", "--network", "none", NO_HEALTH_TIMER,
                "-v", data + ":/var/lib/footfall", TAG, "edge", "health"), "health", 5);
        assertThat(health.exitCode).as("edge health; see " + health.log).isZero();
        assertThat(health.output).contains("health: ok data=/var/lib/footfall");
    }

    @Test
    @Order(2)
    void savedArchiveIsAnOciImageWithTheModulesSettings() throws Exception {
        Run r = run(List.of("skopeo", "inspect", "--config", "oci-archive:" + archive), "inspect", 5);
        assertThat(r.exitCode).as("skopeo inspect; see " + r.log).isZero();
        JsonNode config = new ObjectMapper().readTree(r.output).path("config");
        assertThat(config.path("User").asText()).isEqualTo(MODULE_UID + ":" + MODULE_UID);
        assertThat(config.path("Volumes").has("/var/lib/footfall")).isTrue();
        assertThat(config.path("ExposedPorts").has("9600/tcp")).isTrue();
        assertThat(config.path("Labels").path("org.opencontainers.image.version").asText()).isNotBlank();
        assertThat(config.path("Labels").path("org.opencontainers.image.licenses").asText()).isNotBlank();
        assertThat(config.path("Labels").path("org.opencontainers.image.source").asText()).isNotBlank();
        assertThat(config.path("Env").toString()).contains("FOOTFALL_DATA_DIR=/var/lib/footfall")
                .as("glibc's allocator bounded, as the launcher does (docs/benchmarks.md)")
                .contains("MALLOC_ARENA_MAX=2", "MALLOC_MMAP_THRESHOLD_=131072", "MALLOC_TRIM_THRESHOLD_=131072");
    }

    private record Run(int exitCode, String output, Path log) {
    }

    private static String podmanLocal() {
        return Project.deployEdge().resolve("podman-local.sh").toString();
    }

    /** Runs a command with its output in target/image-test/NAME.log (stdout and stderr together). */
    private Run run(List<String> command, String name, int timeoutMinutes) throws Exception {
        Path log = logs.resolve(name + ".log");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutMinutes + " min; see " + log);
        }
        System.err.printf("image-test: %s took %.0f s (log %s)%n", name, (System.nanoTime() - t0) / 1e9, log);
        return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log);
    }
}
