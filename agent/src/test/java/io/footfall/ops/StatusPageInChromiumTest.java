package io.footfall.ops;

import io.footfall.agent.Agent;
import io.footfall.agent.AgentOptions;
import io.footfall.config.CameraConfig;
import io.footfall.config.ClipPolicy;
import io.footfall.config.FootfallConfig;
import io.footfall.config.OpsSettings;
import io.footfall.count.CountLine;
import io.footfall.count.Zone;
import io.footfall.detect.BackendKind;
import io.footfall.detect.DetectorSettings;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page as a browser shows it: headless Chromium loads it from a real agent counting the one-by-one clip,
 * runs its script (virtual time lets it refresh), and the DOM it ends with has the camera's panel, frame, SVG line and
 * zone, counts and state; its screenshot is a real picture. Skipped without /usr/bin/chromium, except under CI=true
 * (scripts/install-test-tools.sh installs it).
 */
class StatusPageInChromiumTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    Path tmp;

    @Test
    void chromiumRendersTheCameraItsLineZoneCountsAndState() throws Exception {
        SharedData.assume(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing (apt-get install -y chromium, or "
                + "scripts/install-test-tools.sh)");
        Path clip = SharedData.require(SharedData.ONE_BY_ONE);
        CameraConfig cam = new CameraConfig("room-cam", clip.toString(), Optional.empty(),
                List.of(CountLine.parse("door", "0.8,0,0.8,1")), List.of(Zone.parse("till", "0.1,0.2,0.45,0.2,0.45,0.7,0.1,0.7")));
        FootfallConfig cfg = FootfallConfig.builder().deviceId("store-1")
                .detector(DetectorSettings.defaults("person-detection-retail-0013", BackendKind.OPENVINO))
                .clips(new ClipPolicy(ClipPolicy.Mode.OFF, Duration.ZERO, Duration.ZERO))
                .ops(OpsSettings.defaults().onPort(0)).cameras(List.of(cam)).build();
        HttpClient http = HttpClient.newHttpClient();
        try (Agent agent = Agent.start(cfg, AgentOptions.builder(tmp.resolve("data")).build())) {
            String url = agent.service(OpsService.class).orElseThrow().url();
            // A frame with people in it: wait for the first crossing.
            assertThat(OpsEndpointOnRealRunTest.await(() -> {
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(url + "api/status")).build(),
                            HttpResponse.BodyHandlers.ofString()).body().matches("(?s).*\"in\":[1-9].*");
                } catch (Exception e) {
                    return false;
                }
            }, 180)).as("a crossing counted").isTrue();

            String dom = chromium(url, "--dump-dom");
            assertThat(dom).contains("<section class=\"camera\" data-camera=\"room-cam\">", "class=\"snapshot\"",
                    "<line class=\"count-line\" data-line=\"door\"", "<polygon class=\"zone\" data-zone=\"till\"",
                    "class=\"arrow\"", "data-field=\"state\">running<", "id=\"health\" class=\"health health-ok\">healthy<");
            assertThat(dom).containsPattern("<td data-field=\"in\">[1-9]\\d*</td>");
            assertThat(dom).as("the script swapped in a fresh frame").containsPattern("src=\"[^\"]*/snapshot/room-cam\\.jpg\\?t=\\d+\"");

            Path png = tmp.resolve("status.png");
            chromium(url, "--screenshot=" + png);
            assertThat(png).exists();
            assertThat(Files.size(png)).as("a real picture").isGreaterThan(20_000);
            BufferedImage img = ImageIO.read(png.toFile());
            assertThat(img.getWidth()).isEqualTo(1280);
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 4) {
                for (int x = 0; x < img.getWidth(); x += 4) {
                    colours.add(img.getRGB(x, y));
                }
            }
            assertThat(colours.size()).as("not one colour: the frame is in it").isGreaterThan(500);
            Path keep = Path.of("target", "status-page.png");
            Files.copy(png, keep, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Runs headless Chromium on the page with a fresh profile; returns its standard output (the DOM for --dump-dom). */
    private String chromium(String url, String what) throws Exception {
        Path profile = Files.createTempDirectory(tmp, "chromium-profile");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900",
                "--virtual-time-budget=5000", what, url));
        Path out = tmp.resolve("chromium.out");
        Path err = tmp.resolve("chromium.err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("chromium " + what + " did not finish in 90 s; stderr:\n" + Files.readString(err));
        }
        assertThat(p.exitValue()).as("chromium " + what + " exit; stderr:\n" + Files.readString(err)).isZero();
        return Files.readString(out);
    }
}
