package io.footfall.config;

import io.footfall.BadInputException;

import io.footfall.count.Anchor;
import io.footfall.detect.BackendKind;
import io.footfall.track.AppearanceConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path tmp;

    private static final String STORE_YAML = """
            device: store-042
            detector: {model: yolox-nano, backend: onnxruntime, threads: 1, minScore: 0.05}
            tracker: {lostTimeoutSeconds: 2.5, minHits: 3}
            counting: {anchor: center, lineHysteresis: 0.15, cancelWindowSeconds: 3, intervalSeconds: 900}
            clips: {mode: events, preSeconds: 2, postSeconds: 4}
            cameras:
              - id: entrance
                source: rtsp://cam-1/stream
                lines:
                  - name: door
                    points: [[0.8, 0], [0.8, 1]]
                zones:
                  - name: till
                    polygon: [[0.1, 0.1], [0.4, 0.1], [0.4, 0.5]]
              - id: aisle-3
                source: /videos/aisle.mp4
                start: 2026-11-25T09:00:00Z
            """;

    private Path write(String name, String text) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsEverySectionOfAYamlFile() throws Exception {
        FootfallConfig c = ConfigLoader.load(write("store.yaml", STORE_YAML));
        assertThat(c.deviceId()).isEqualTo("store-042");
        assertThat(c.detector().backend()).isEqualTo(BackendKind.ONNXRUNTIME);
        assertThat(c.detector().minScore()).contains(0.05f);
        assertThat(c.tracker().lostTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(c.tracker().minHits()).isEqualTo(3);
        assertThat(c.tracker().trackThresh()).isEqualTo(0.5f);
        assertThat(c.analytics().anchor()).isEqualTo(Anchor.CENTER);
        assertThat(c.analytics().interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(c.analytics().closeDelay()).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
        assertThat(c.clips().mode()).isEqualTo(ClipPolicy.Mode.EVENTS);
        assertThat(c.cameras()).hasSize(2);
        assertThat(c.cameras().get(0).lines().get(0).b().y()).isEqualTo(1.0);
        assertThat(c.cameras().get(0).zones().get(0).polygon()).hasSize(3);
        assertThat(c.cameras().get(1).start()).contains(Instant.parse("2026-11-25T09:00:00Z"));
    }

    @Test
    void trackerAppearanceIsOnWhenPresentOffWhenDisabledAndItsRulesAreNamed() throws Exception {
        FootfallConfig on = ConfigLoader.load(write("on.yaml", """
                tracker: {appearance: {recoverWithinSeconds: 8}}
                cameras:
                  - {id: a, source: x}
                  - {id: b, source: y, tracker: {appearance: {enabled: false}}}
                """));
        AppearanceConfig a = on.tracker().appearance();
        assertThat(a.model()).hasValue(AppearanceConfig.DEFAULT_MODEL);
        assertThat(a.recoverWithin()).isEqualTo(Duration.ofSeconds(8));
        assertThat(a.matchDistance()).isEqualTo(AppearanceConfig.DEFAULT_MATCH_DISTANCE);
        assertThat(on.trackerFor(on.cameras().get(1)).appearance().enabled()).as("camera b turned it off").isFalse();
        assertThat(ConfigLoader.parse(ConfigWriter.toTree(on), "round trip")).isEqualTo(on);
        assertThat(ConfigLoader.load(write("off.yaml", "{cameras: [{id: a, source: x}]}")).tracker().appearance().enabled())
                .isFalse();

        assertThatThrownBy(() -> ConfigLoader.load(write("loose.yaml",
                "{tracker: {appearance: {matchDistance: 0.2, recoverDistance: 0.3}}, cameras: [{id: a, source: x}]}")))
                .hasMessageContaining("tracker.appearance.recoverDistance").hasMessageContaining("matchDistance=0.2");
        assertThatThrownBy(() -> ConfigLoader.load(write("model.yaml",
                "{tracker: {appearance: {model: yolox-nano}}, cameras: [{id: a, source: x}]}")))
                .hasMessageContaining("tracker.appearance.model");
    }

    @Test
    void writtenConfigReadsBackTheSame() throws Exception {
        FootfallConfig c = ConfigLoader.load(write("store.yaml", STORE_YAML));
        FootfallConfig again = ConfigLoader.parse(ConfigWriter.toTree(c), "round trip");
        assertThat(again).isEqualTo(c);
    }

    @Test
    void jsonWithDefaults() throws Exception {
        FootfallConfig c = ConfigLoader.load(write("c.json", "{\"cameras\": [{\"id\": \"c1\", \"source\": \"x.mp4\"}]}"));
        assertThat(c.deviceId()).isEqualTo("local");
        assertThat(c.detector().model()).isEqualTo("person-detection-retail-0013");
        assertThat(c.analytics().interval()).isEqualTo(Duration.ofSeconds(60));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown key            | {cameras: [{id: a, source: x}], colour: red}                                   | config field colour: is not a known setting",
            "nested unknown key     | {cameras: [{id: a, source: x, lines: [{name: d, points: [[0,0],[1,1]], width: 3}]}]} | cameras[0].lines[0].width: is not a known setting",
            "point out of range     | {cameras: [{id: a, source: x, lines: [{name: d, points: [[0,0],[1.5,1]]}]}]}  | cameras[0].lines[0].points[1][0]: expected a number at most 1, found 1.5",
            "one point line         | {cameras: [{id: a, source: x, lines: [{name: d, points: [[0,0]]}]}]}          | cameras[0].lines[0].points",
            "zone of two points     | {cameras: [{id: a, source: x, zones: [{name: z, polygon: [[0,0],[1,1]]}]}]}   | cameras[0].zones[0].polygon: expected at least 3",
            "threshold out of range | {tracker: {trackThresh: 2}, cameras: [{id: a, source: x}]}                     | tracker.trackThresh: expected a number at most 1, found 2",
            "analysis rate not positive | {cameras: [{id: a, source: x, detector: {analysisFps: 0}}]}           | cameras[0].detector.analysisFps: expected a number at least 0.1, found 0",
            "frames in flight too many | {detector: {inFlight: 9}, cameras: [{id: a, source: x}]}                | detector.inFlight: expected a number at most 8, found 9",
            "wrong type             | {counting: {intervalSeconds: soon}, cameras: [{id: a, source: x}]}            | counting.intervalSeconds: expected one of [1, 2, 3",
            "interval not tiling the hour | {counting: {intervalSeconds: 7}, cameras: [{id: a, source: x}]}      | counting.intervalSeconds: expected one of [1, 2, 3, 4, 5, 6, 8,",
            "interval of 5 hours    | {counting: {intervalSeconds: 18000}, cameras: [{id: a, source: x}]}           | counting.intervalSeconds: expected one of [1, 2, 3",
            "bad backend            | {detector: {backend: cuda}, cameras: [{id: a, source: x}]}                    | detector.backend: expected one of",
            "bad clip mode          | {clips: {mode: sometimes}, cameras: [{id: a, source: x}]}                     | clips.mode: expected one of",
            "no cameras             | {device: d}                                                                      | config field cameras: is missing; it is required",
            "camera without source  | {cameras: [{id: a}]}                                                             | cameras[0].source: is missing; it is required",
            "duplicate camera       | {cameras: [{id: a, source: x}, {id: a, source: y}]}                             | cameras[1].id: camera id 'a' is used twice",
            "bad start              | {cameras: [{id: a, source: x, start: yesterday}]}                               | cameras[0].start: expected an ISO-8601 instant",
            "bad camera id          | {cameras: [{id: 'a b', source: x}]}                                             | cameras[0].id: expected a name",
            "bow-tie zone           | {cameras: [{id: a, source: x, zones: [{name: z, polygon: [[0,0],[1,1],[1,0],[0,1]]}]}]} | cameras[0].zones[0]",
            "unopened protocol      | {cameras: [{id: a, source: 'ftp://u:SECRETPW@h/s'}]}                           | cameras[0].source: source ftp://***@h/s uses a protocol Footfall does not open (expected rtsp",
    })
    void badConfigNamesTheFileTheFieldAndTheExpectedForm(String what, String yaml, String message) throws Exception {
        Path f = write("bad.yaml", yaml);
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(f + ": config field ").hasMessageContaining(message).hasMessageNotContaining("SECRETPW");
    }

    @Test
    void aDirectoryIsNotAConfigFile() {
        assertThatThrownBy(() -> ConfigLoader.load(tmp)).isInstanceOf(io.footfall.BadInputException.class)
                .hasMessage("config file " + tmp + " is a directory (expected a YAML or JSON file)");
    }

    @Test
    void malformedYamlNamesTheFileAndLine() throws Exception {
        Path f = write("broken.yaml", "cameras:\n  - id: a\n    source: [unclosed\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("broken.yaml").hasMessageContaining("not valid YAML");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> ConfigLoader.load(tmp.resolve("none.yaml"))).hasMessageContaining("none.yaml does not exist");
    }

    @Test
    void minScoreAboveLowThreshIsRejectedWithTheFixNotSilentlyLowered() throws Exception {
        Path f = write("starved.yaml", "{detector: {minScore: 0.4}, tracker: {lowThresh: 0.1}, cameras: [{id: a, source: x, lines: [{name: d, points: [[0.5, 0], [0.5, 1]]}]}]}");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("detector.minScore").hasMessageContaining("tracker.lowThresh").hasMessageContaining("leave it out");
    }

    @Test
    void anUnsetMinScoreFollowsTheTrackersLowThresholdPerCamera() throws Exception {
        FootfallConfig c = ConfigLoader.load(write("ok.yaml", """
                tracker: {lowThresh: 0.2}
                cameras:
                  - {id: a, source: x}
                  - {id: b, source: y, tracker: {lowThresh: 0.05}, detector: {minScore: 0.03}}
                """));
        assertThat(c.detectorFor(c.cameras().get(0)).minScore()).contains(0.2f);
        assertThat(c.detectorFor(c.cameras().get(1)).minScore()).contains(0.03f);
        assertThat(c.trackerFor(c.cameras().get(1)).lowThresh()).isEqualTo(0.05f);
        assertThat(c.trackerFor(c.cameras().get(1)).trackThresh()).as("other keys come from the global section")
                .isEqualTo(c.tracker().trackThresh());
    }

    @Test
    void perCameraOverridesRoundTripAndMergeOverTheGlobalSection() throws Exception {
        FootfallConfig c = ConfigLoader.load(write("o.yaml", """
                counting: {intervalSeconds: 300, zoneMinFrames: 5}
                clips: {mode: events}
                cameras:
                  - {id: a, source: x, counting: {intervalSeconds: 60}, clips: {mode: off}}
                  - {id: b, source: y}
                """));
        assertThat(c.analyticsFor(c.cameras().get(0)).interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.analyticsFor(c.cameras().get(0)).zoneMinFrames()).isEqualTo(5);
        assertThat(c.clipsFor(c.cameras().get(0)).mode()).as("unquoted YAML off").isEqualTo(ClipPolicy.Mode.OFF);
        assertThat(c.analyticsFor(c.cameras().get(1)).interval()).isEqualTo(Duration.ofSeconds(300));
        assertThat(ConfigLoader.parse(ConfigWriter.toTree(c), "round trip")).isEqualTo(c);
    }

    @Test
    void duplicateKeysAreErrorsNotLastOneWins() throws Exception {
        Path f = write("dup.yaml", "device: a\ndevice: b\ncameras: [{id: a, source: x}]\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(ConfigException.class).hasMessageContaining("device");
        Path j = write("dup.json", "{\"cameras\": [{\"id\": \"a\", \"source\": \"x\", \"id\": \"b\"}]}");
        assertThatThrownBy(() -> ConfigLoader.load(j)).isInstanceOf(ConfigException.class).hasMessageContaining("id");
    }

    @Test
    void selfIntersectingZoneIsRejected() throws Exception {
        Path f = write("bow.yaml", "{cameras: [{id: a, source: x, zones: [{name: bow, polygon: [[0,0],[1,1],[1,0],[0,0.5]]}]}]}");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(BadInputException.class).hasMessageContaining("self-intersecting");
    }

    @Test
    void theSchemaIsTheOneShapeEveryConfigurationPasses() throws Exception {
        FootfallConfig c = ConfigLoader.load(write("store.yaml", STORE_YAML));
        // What the agent writes (run.json, the outbox's config history, reported properties) validates too.
        ConfigSchema.validate(ConfigWriter.toTree(c), "written");
        assertThat(ConfigSchema.document().path("$schema").asText()).contains("2020-12");
    }

    @Test
    void aHugeOrDeeplyNestedFileIsRefusedAtOnceWithItsName() throws Exception {
        Path huge = tmp.resolve("huge.yaml");
        Files.writeString(huge, "device: x\n#" + "x".repeat(3_000_000) + "\n");
        assertThatThrownBy(() -> ConfigLoader.load(huge)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("huge.yaml is 3000012 bytes").hasMessageContaining("at most 1048576");

        Path deep = tmp.resolve("deep.json");
        Files.writeString(deep, "{\"device\": " + "[".repeat(1001) + "]".repeat(1001) + "}");
        assertThatThrownBy(() -> ConfigLoader.load(deep)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("deep.json is not valid JSON").hasMessageContaining("nesting depth");
    }

    @Test
    void aYamlAliasIsRefusedPlainlyWithItsLine() throws Exception {
        Path f = tmp.resolve("alias.yaml");
        Files.writeString(f, """
                device: box1
                cameras:
                  - id: a
                    source: /media/a.mp4
                    lines: [{name: door, points: &p [[0.8, 0], [0.8, 1]]}]
                  - id: b
                    source: /media/b.mp4
                    lines: [{name: door, points: *p}]
                """);
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("uses a YAML alias (*p) at line 8").hasMessageContaining("not supported");
    }
}
