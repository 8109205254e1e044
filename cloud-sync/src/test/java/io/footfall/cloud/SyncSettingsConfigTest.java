package io.footfall.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.config.ConfigException;
import io.footfall.config.ConfigLoader;
import io.footfall.config.ConfigWriter;
import io.footfall.config.FootfallConfig;
import io.footfall.config.SyncSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code sync:} section: defaults, strict parsing, and a round trip through the writer (what the twin reports). */
class SyncSettingsConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAMERA = "\"cameras\": [{\"id\": \"c\", \"source\": \"rtsp://x\"}]";

    private static FootfallConfig parse(String sync) throws Exception {
        return ConfigLoader.parse(JSON.readTree("{" + CAMERA + (sync.isEmpty() ? "" : ", \"sync\": " + sync) + "}"), "test");
    }

    @Test
    void defaultsWhenLeftOut() throws Exception {
        assertThat(parse("").sync()).isEqualTo(SyncSettings.defaults());
        assertThat(SyncSettings.defaults().iothub().maxMessageKb()).isEqualTo(4);
        assertThat(SyncSettings.defaults().iothub().flushInterval()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void parsedAndWrittenBackTheSame() throws Exception {
        FootfallConfig c = parse("""
                {"iothub": {"kinds": ["crossing", "aggregate"], "maxMessageKb": 16, "flushIntervalSeconds": 5,
                            "countsOutput": "c1", "eventsOutput": "e1"},
                 "blob": {"uploadClips": false, "bandwidthKbps": 100, "blockKb": 256, "clipsContainer": "my-clips",
                          "hourCloseDelaySeconds": 30}}""");
        assertThat(c.sync().iothub().kinds()).isEqualTo(Set.of("crossing", "aggregate"));
        assertThat(c.sync().iothub().maxMessageKb()).isEqualTo(16);
        assertThat(c.sync().blob().uploadClips()).isFalse();
        assertThat(c.sync().blob().clipsContainer()).isEqualTo("my-clips");
        assertThat(ConfigLoader.parse(ConfigWriter.toTree(c), "written").sync()).isEqualTo(c.sync());
    }

    @Test
    void badValuesAreOneLineErrorsNamingTheField() {
        assertThatThrownBy(() -> parse("{\"blob\": {\"countsContainer\": \"Counts_2026\"}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sync.blob.countsContainer");
        assertThatThrownBy(() -> parse("{\"iothub\": {\"kinds\": [\"crossing\", \"selfie\"]}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sync.iothub.kinds");
        assertThatThrownBy(() -> parse("{\"iothub\": {\"maxMessageKb\": 300}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sync.iothub.maxMessageKb");
        assertThatThrownBy(() -> parse("{\"iothub\": {\"connectionString\": \"HostName=...\"}}"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("sync.iothub.connectionString")
                .hasMessageContaining("not a known setting");
    }
}
