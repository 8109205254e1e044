package io.footfall.ops;

import io.footfall.BadInputException;
import io.footfall.agent.Agent;
import io.footfall.agent.AgentOptions;
import io.footfall.config.CameraConfig;
import io.footfall.config.ClipPolicy;
import io.footfall.config.FootfallConfig;
import io.footfall.config.OpsSettings;
import io.footfall.count.CountLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The endpoint as the agent starts it: a port already taken stops the start before anything is written; a camera down. */
class OpsOnAgentStartTest {

    @TempDir
    Path tmp;

    private static FootfallConfig config(String source, OpsSettings ops) {
        CameraConfig cam = new CameraConfig("cam-1", source, Optional.empty(), List.of(CountLine.parse("door", "0.5,0,0.5,1")),
                List.of());
        return FootfallConfig.builder().deviceId("store-1").clips(new ClipPolicy(ClipPolicy.Mode.OFF, Duration.ZERO, Duration.ZERO))
                .ops(ops).cameras(List.of(cam)).build();
    }

    @Test
    void aPortAlreadyTakenFailsTheStartBeforeTheDataFolderIsMade() throws Exception {
        Path source = Files.writeString(tmp.resolve("clip.mp4"), "not a video");
        Path data = tmp.resolve("data");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            FootfallConfig cfg = config(source.toString(), OpsSettings.defaults().onPort(taken.getLocalPort()));
            assertThatThrownBy(() -> Agent.start(cfg, AgentOptions.builder(data).build()))
                    .isInstanceOf(BadInputException.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use");
        }
        assertThat(data).as("nothing written").doesNotExist();
    }

    @Test
    void aCameraThatCannotBeReadMakesTheAgentUnhealthyOnceTheLimitPasses() throws Exception {
        Path source = Files.writeString(tmp.resolve("clip.mp4"), "not a video");
        FootfallConfig cfg = config(source.toString(),
                new OpsSettings(Optional.of(true), 0, Optional.empty(), Duration.ofSeconds(1)));
        HttpClient http = HttpClient.newHttpClient();
        try (Agent agent = Agent.start(cfg, AgentOptions.builder(tmp.resolve("data")).build())) {
            String health = agent.service(OpsService.class).orElseThrow().url() + "health";
            assertThat(OpsEndpointOnRealRunTest.await(() -> {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(health)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    // The state word is the runner's (failed, or offline with camera supervision): any but running is down.
                    return r.statusCode() == 503 && r.body().contains("every camera has been down") && r.body().contains("cam-1 ");
                } catch (Exception e) {
                    return false;
                }
            }, 30)).as("503 naming the failed camera").isTrue();
        }
    }
}
