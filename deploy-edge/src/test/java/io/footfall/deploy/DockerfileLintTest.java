package io.footfall.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy-edge/Dockerfile passes hadolint with deploy-edge/.hadolint.yaml (every rule, threshold style,
 * required OCI labels), plus what hadolint cannot know about this module.
 */
class DockerfileLintTest {
    private final Path dockerfile = Project.deployEdge().resolve("Dockerfile");
    private final Path config = Project.deployEdge().resolve(".hadolint.yaml");

    @Test
    void dockerfilePassesHadolint() throws Exception {
        Result r = hadolint(dockerfile.toString(), null);
        assertThat(r.output).as("hadolint findings").isEmpty();
        assertThat(r.exitCode).isZero();
    }

    @Test
    void theLintConfigurationCatchesWhatItShould() throws Exception {
        String bad = """
                FROM debian:12
                RUN apt-get update && apt-get install -y curl
                USER root
                """;
        Result r = hadolint("-", bad);
        assertThat(r.exitCode).isNotZero();
        assertThat(r.output).contains("DL3015", "DL3008", "DL3009", "DL3002", "DL3049");
    }

    @Test
    void moduleRulesHadolintCannotKnow() throws IOException {
        String text = Files.readString(dockerfile);
        List<String> users = all(Pattern.compile("(?m)^USER\\s+(\\S+)"), text);
        assertThat(users).as("a USER instruction").isNotEmpty();
        String last = users.get(users.size() - 1);
        assertThat(last).as("the last USER is a numeric non-root uid:gid, so the host folder can be chowned to it")
                .matches("[1-9]\\d*:[1-9]\\d*");
        List<String> froms = all(Pattern.compile("(?m)^FROM\\s+(\\S+)"), text);
        assertThat(froms.get(froms.size() - 1)).as("the runtime base is the BASE build argument").isEqualTo("${BASE}");
        assertThat(text).contains("ARG BASE=", "VOLUME [\"/var/lib/footfall\"]", "HEALTHCHECK ", "EXPOSE 9600");
        assertThat(text).containsPattern("(?m)^ARG APP_MODULE=\\S+");

        String pinned = all(Pattern.compile("(?m)^openvino==(\\S+)"),
                Files.readString(Project.root().resolve("scripts/requirements-runtime.txt"))).get(0);
        assertThat(all(Pattern.compile("(?m)^ARG OPENVINO_WHEEL=openvino-([^-]+)-"), text))
                .as("the image's OpenVINO wheel is the version the launcher pins").containsExactly(pinned);
        assertThat(text).containsPattern("(?m)^ARG OPENVINO_WHEEL_SHA256=[0-9a-f]{64}$");

        List<String> ignored = Files.readAllLines(Project.deployEdge().resolve("Dockerfile.dockerignore"));
        assertThat(ignored).contains("**/target", ".git", ".footfall", "footfall-data");
    }

    private record Result(int exitCode, String output) {
    }

    private Result hadolint(String file, String stdin) throws Exception {
        Path exe = Project.root().resolve(".footfall/tools/bin/hadolint");
        if (!Files.isExecutable(exe)) {
            exe = Project.onPath("hadolint");
        }
        Project.require(exe != null, "hadolint is not installed (run scripts/install-container-tools.sh)");
        Process p = new ProcessBuilder(exe.toString(), "--no-color", "--config", config.toString(), file)
                .redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
