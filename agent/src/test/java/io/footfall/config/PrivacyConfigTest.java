package io.footfall.config;

import io.footfall.geometry.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code privacy} section, global and per camera. */
class PrivacyConfigTest {

    @TempDir
    Path tmp;

    private FootfallConfig load(String yaml) throws Exception {
        Path p = tmp.resolve("store.yaml");
        Files.writeString(p, yaml);
        return ConfigLoader.load(p);
    }

    @Test
    void headsArePixelatedWhenNothingIsSaid() throws Exception {
        FootfallConfig c = load("cameras: [{id: c1, source: x.mp4}]\n");
        assertThat(c.privacy()).isEqualTo(PrivacyPolicy.defaults());
        assertThat(c.privacy().mode()).isEqualTo(PrivacyPolicy.Mode.HEADS);
        assertThat(c.cameras().get(0).overrides().privacy()).isEmpty();
        assertThat(c.privacyFor(c.cameras().get(0))).isEqualTo(PrivacyPolicy.defaults());
    }

    @Test
    void aCameraOverridesTheGlobalPolicyFieldByFieldAndHasItsOwnMasks() throws Exception {
        FootfallConfig c = load("""
                privacy: {mode: people, strength: 0.3}
                cameras:
                  - id: entrance
                    source: a.mp4
                  - id: pharmacy
                    source: b.mp4
                    privacy:
                      headFraction: 0.4
                      masks:
                        - name: counter
                          polygon: [[0.1, 0.5], [0.6, 0.5], [0.6, 0.9], [0.1, 0.9]]
                        - polygon: [[0.7, 0.1], [0.9, 0.1], [0.8, 0.3]]
                """);
        assertThat(c.privacyFor(c.cameras().get(0))).isEqualTo(new PrivacyPolicy(PrivacyPolicy.Mode.PEOPLE, 0.3, 0.3, List.of()));
        PrivacyPolicy pharmacy = c.privacyFor(c.cameras().get(1));
        assertThat(pharmacy.mode()).isEqualTo(PrivacyPolicy.Mode.PEOPLE);
        assertThat(pharmacy.strength()).isEqualTo(0.3);
        assertThat(pharmacy.headFraction()).isEqualTo(0.4);
        assertThat(pharmacy.masks()).extracting(PrivacyPolicy.Mask::name).containsExactly("counter", "mask2");
        assertThat(pharmacy.masks().get(1).polygon()).containsExactly(new Point(0.7, 0.1), new Point(0.9, 0.1), new Point(0.8, 0.3));
        assertThat(ConfigLoader.parse(ConfigWriter.toTree(c), "round trip")).isEqualTo(c);
    }

    @Test
    void anUnquotedOffMeansOff() throws Exception {
        // YAML 1.1 reads an unquoted off as false; quoted, it is the word.
        FootfallConfig c = load("""
                privacy: {mode: off}
                cameras: [{id: c1, source: x.mp4, privacy: {mode: 'off'}}, {id: c2, source: y.mp4, privacy: {mode: false}},
                          {id: c3, source: z.mp4, privacy: {mode: heads}}]
                """);
        assertThat(c.privacy().mode()).isEqualTo(PrivacyPolicy.Mode.OFF);
        assertThat(c.cameras()).extracting(cam -> c.privacyFor(cam).mode())
                .containsExactly(PrivacyPolicy.Mode.OFF, PrivacyPolicy.Mode.OFF, PrivacyPolicy.Mode.HEADS);
        assertThat(ConfigLoader.parse(ConfigWriter.toTree(c), "round trip")).isEqualTo(c);
    }

    @Test
    void trueIsNotAModeAndTheErrorSaysWhatToWrite() {
        assertThatThrownBy(() -> load("privacy: {mode: true}\ncameras: [{id: c1, source: x.mp4}]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config field privacy.mode: expected one of").hasMessageContaining("found true");
        assertThatThrownBy(() -> load("privacy: {mode: blur}\ncameras: [{id: c1, source: x.mp4}]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config field privacy.mode: expected one of").hasMessageContaining("blur");
    }

    @Test
    void badValuesNameTheirField() {
        assertThatThrownBy(() -> load("cameras: [{id: c1, source: x.mp4, privacy: {strength: 2}}]\n"))
                .hasMessageContaining("config field cameras[0].privacy.strength: expected a number at most 1, found 2");
        assertThatThrownBy(() -> load("privacy: {headFraction: 0}\ncameras: [{id: c1, source: x.mp4}]\n"))
                .hasMessageContaining("config field privacy.headFraction: expected a number at least 0.1, found 0");
        assertThatThrownBy(() -> load("privacy: {masks: [{polygon: [[0, 0], [1, 0], [1, 1]]}]}\ncameras: [{id: c1, source: x.mp4}]\n"))
                .hasMessageContaining("config field privacy.masks: masks depend on the camera's view; put them under cameras[i].privacy.masks");
        assertThatThrownBy(() -> load("cameras: [{id: c1, source: x.mp4, privacy: {masks: [{polygon: [[0, 0], [2, 0], [1, 1]]}]}}]\n"))
                .hasMessageContaining("config field cameras[0].privacy.masks[0].polygon");
        assertThatThrownBy(() -> load("cameras: [{id: c1, source: x.mp4, privacy: {blur: 3}}]\n"))
                .hasMessageContaining("config field cameras[0].privacy.blur: is not a known setting");
    }

    @Test
    void jsonTakesFalseForOffToo() throws Exception {
        Path p = tmp.resolve("c.json");
        Files.writeString(p, "{\"privacy\": {\"mode\": false}, \"cameras\": [{\"id\": \"c1\", \"source\": \"x.mp4\"}]}");
        assertThat(ConfigLoader.load(p).privacy().mode()).isEqualTo(PrivacyPolicy.Mode.OFF);
    }
}
