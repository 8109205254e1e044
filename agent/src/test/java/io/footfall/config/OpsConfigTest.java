package io.footfall.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code ops:} section: defaults left to the agent, values bound and written back, bad values named. */
class OpsConfigTest {

    @TempDir
    Path tmp;

    private FootfallConfig load(String yaml) throws Exception {
        Path p = tmp.resolve("c.yaml");
        Files.writeString(p, yaml);
        return ConfigLoader.load(p);
    }

    @Test
    void leftOutTheAgentChoosesAndWhatIsSaidIsBoundAndWrittenBack() throws Exception {
        FootfallConfig none = load("cameras: [{id: a, source: x.mp4}]\n");
        assertThat(none.ops()).isEqualTo(OpsSettings.defaults());
        assertThat(ConfigLoader.parse(ConfigWriter.toTree(none), "round trip")).isEqualTo(none);
        assertThat(ConfigWriter.toTree(none).path("ops").has("enabled")).as("the agent's choice stays unsaid").isFalse();

        FootfallConfig set = load("ops: {enabled: true, port: 9700, bind: 0.0.0.0, healthDownAfterSeconds: 30}\n"
                + "cameras: [{id: a, source: x.mp4}]\n");
        assertThat(set.ops()).isEqualTo(new OpsSettings(Optional.of(true), 9700, Optional.of("0.0.0.0"), Duration.ofSeconds(30)));
        assertThat(ConfigLoader.parse(ConfigWriter.toTree(set), "round trip")).isEqualTo(set);
        ConfigSchema.validate(ConfigWriter.toTree(set), "written");

        assertThat(load("ops: {enabled: false}\ncameras: [{id: a, source: x.mp4}]\n").ops().on(true)).isFalse();
        assertThat(load("ops: {bind: '::1'}\ncameras: [{id: a, source: x.mp4}]\n").ops().bind()).hasValue("::1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "port too high       | ops: {port: 70000}                  | ops.port: expected a number at most 65535, found 70000",
            "port negative       | ops: {port: -1}                     | ops.port: expected a number at least 0, found -1",
            "port not a number   | ops: {port: nine}                   | ops.port: expected a whole number",
            "enabled not boolean | ops: {enabled: sometimes}           | ops.enabled: expected true or false",
            "host name as bind   | ops: {bind: localhost}              | ops.bind: expected an IP address such as 127.0.0.1",
            "down after zero     | ops: {healthDownAfterSeconds: 0}    | ops.healthDownAfterSeconds: expected a number at least 1",
            "unknown key         | ops: {path: /metrics}               | ops.path: is not a known setting",
    })
    void badValuesNameTheField(String what, String ops, String message) throws Exception {
        assertThatThrownBy(() -> load(ops + "\ncameras: [{id: a, source: x.mp4}]\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining(message);
    }
}
