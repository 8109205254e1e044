package io.footfall.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.footfall.BadInputException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TrackerConfigTest {

    @Test
    void defaultsAreByteTracks() {
        TrackerConfig c = TrackerConfig.defaults();
        assertThat(c.trackThresh()).isEqualTo(0.5f);
        assertThat(c.lowThresh()).isEqualTo(0.1f);
        assertThat(c.newTrackThresh()).isEqualTo(0.6f);
        assertThat(c.matchThresh()).isEqualTo(0.8f);
        assertThat(c.lostTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.minHits()).isEqualTo(2);
    }

    @Test
    void rejectsInconsistentValuesWithAClearMessage() {
        assertThatThrownBy(() -> new TrackerConfig(0.5f, 0.6f, 0.6f, 0.8f, Duration.ofSeconds(1), 2, Duration.ZERO))
                .isInstanceOf(BadInputException.class).hasMessageContaining("lowThresh=0.6");
        assertThatThrownBy(() -> new TrackerConfig(0.5f, 0.1f, 0.4f, 0.8f, Duration.ofSeconds(1), 2, Duration.ZERO))
                .isInstanceOf(BadInputException.class).hasMessageContaining("newTrackThresh");
        assertThatThrownBy(() -> TrackerConfig.defaults().withLostTimeout(Duration.ZERO))
                .isInstanceOf(BadInputException.class).hasMessageContaining("lostTimeout");
        assertThatThrownBy(() -> TrackerConfig.defaults().withMinHits(0))
                .isInstanceOf(BadInputException.class).hasMessageContaining("minHits");
    }
}
