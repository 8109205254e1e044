package io.footfall.pipeline;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalysisRateTest {

    /** Timestamps of {@code n} frames at {@code fps}, rounded to milliseconds as decoders give them. */
    private static List<Long> frames(double fps, int n) {
        List<Long> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            pts.add(Math.round(i * 1000 / fps));
        }
        return pts;
    }

    private static List<Long> kept(AnalysisRate rate, List<Long> pts) {
        return pts.stream().filter(rate::due).toList();
    }

    @Test
    void tenOfTwentyFiveFramesASecondKeepsTenEverySecond() {
        List<Long> kept = kept(new AnalysisRate(10), frames(25, 250));
        assertThat(kept).hasSize(100);
        assertThat(kept).startsWith(0L, 120L, 200L, 320L, 400L);
    }

    @Test
    void thirtyFramesASecondWithRoundedTimestampsKeepsEveryOtherAtFifteen() {
        List<Long> pts = frames(30, 300);
        List<Long> kept = kept(new AnalysisRate(15), pts);
        assertThat(kept).hasSize(150);
        for (int i = 0; i < kept.size(); i++) {
            assertThat(kept.get(i)).isEqualTo(pts.get(2 * i));
        }
    }

    @Test
    void aRateAboveTheCamerasKeepsEveryFrame() {
        List<Long> pts = frames(10, 50);
        assertThat(kept(new AnalysisRate(25), pts)).isEqualTo(pts);
        assertThat(kept(AnalysisRate.ALL, pts)).isEqualTo(pts);
    }

    @Test
    void afterAGapItStartsAgainFromTheNextFrame() {
        AnalysisRate rate = new AnalysisRate(5);
        assertThat(rate.due(0)).isTrue();
        assertThat(rate.due(100)).isFalse();
        assertThat(rate.due(200)).isTrue();
        assertThat(rate.due(60_000)).as("a camera back after a minute").isTrue();
        assertThat(rate.due(60_100)).isFalse();
        assertThat(rate.due(60_200)).isTrue();
    }

    @Test
    void aNegativeRateIsRefused() {
        assertThatThrownBy(() -> new AnalysisRate(-1)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new AnalysisRate(Double.NaN)).hasMessageContaining("NaN");
    }
}
