package io.footfall.count;

import io.footfall.geometry.Point;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.footfall.BadInputException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountConfigTest {

    @Test
    void parsesRelativeLinesAndZones() {
        assertThat(CountLine.parse("door", "0.8,0,0.8,1")).isEqualTo(new CountLine("door", new Point(0.8, 0), new Point(0.8, 1)));
        assertThat(Zone.parse("shelf", "0,0, 1,0, 1,1").polygon()).hasSize(3);
    }

    @Test
    void rejectsBadGeometryWithAClearMessage() {
        assertThatThrownBy(() -> CountLine.parse("door", "0.8,0,1.2,1"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("0..1");
        assertThatThrownBy(() -> CountLine.parse("door", "0.8,0,0.8"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("pairs");
        assertThatThrownBy(() -> CountLine.parse("door", "0.5,0.5,0.5,0.5"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("different");
        assertThatThrownBy(() -> CountLine.parse("front door", "0,0,1,1"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("front door");
        assertThatThrownBy(() -> Zone.parse("shelf", "0,0,1,1,0.5,0.5"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("area");
        assertThatThrownBy(() -> CountLine.parse("door", "0.5,0.5,0.5,0.505"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("at least 0.01 of the frame apart");
        assertThat(CountLine.parse("door", "0.5,0.5,0.5,0.52").name()).isEqualTo("door");
        assertThatThrownBy(() -> Zone.parse("shelf", "0.5,0.5,0.505,0.5,0.505,0.505,0.5,0.505"))
                .isInstanceOf(BadInputException.class).hasMessageContaining("area of at least 0.0001");
        assertThatThrownBy(() -> new CameraAnalytics("dev", "cam", List.of(CountLine.parse("a", "0,0,1,1"),
                CountLine.parse("a", "0,1,1,0")), List.of(), AnalyticsConfig.defaults(), Instant.EPOCH))
                .isInstanceOf(BadInputException.class).hasMessageContaining("'a' twice");
    }

    @Test
    void validatesAnalyticsConfig() {
        AnalyticsConfig d = AnalyticsConfig.defaults();
        assertThat(d.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThatThrownBy(() -> d.withLineHysteresis(0)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("lineHysteresis");
        assertThatThrownBy(() -> d.withInterval(Duration.ofMillis(1500))).isInstanceOf(BadInputException.class)
                .hasMessageContaining("interval");
        assertThatThrownBy(() -> new AnalyticsConfig(Anchor.CENTER, 0.1, Duration.ofSeconds(3), 3,
                Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(BadInputException.class).hasMessageContaining("closeDelay");
        assertThat(d.withCancelWindow(Duration.ofSeconds(9)).closeDelay()).isEqualTo(Duration.ofSeconds(9));
    }

    @Test
    void dwellPercentilesAreNearestRank() {
        assertThat(DwellStats.of(List.of())).isEqualTo(DwellStats.NONE);
        assertThat(DwellStats.of(List.of(4000L))).isEqualTo(new DwellStats(1, 4000, 4000, 4000));
        assertThat(DwellStats.of(List.of(4L, 1L, 3L, 2L))).isEqualTo(new DwellStats(4, 3, 2, 4));
    }

    @Test
    void anchorsPickThePointOfTheBox() {
        io.footfall.geometry.Box box = new io.footfall.geometry.Box(10, 20, 40, 100);
        assertThat(Anchor.BOTTOM_CENTER.of(box)).isEqualTo(new Point(30, 120));
        assertThat(Anchor.CENTER.of(box)).isEqualTo(new Point(30, 70));
        assertThat(Anchor.TOP_CENTER.of(box)).isEqualTo(new Point(30, 20));
    }
}
