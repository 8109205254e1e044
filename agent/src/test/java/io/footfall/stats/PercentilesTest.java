package io.footfall.stats;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PercentilesTest {

    @Test
    void nearestRankPicksARealValueWithoutInterpolating() {
        Percentiles p = Percentiles.of(new long[] {40, 10, 30, 20});
        assertThat(p.at(0.5)).as("ceil(0.5·4) = 2nd").isEqualTo(20);
        assertThat(p.at(0.9)).as("ceil(0.9·4) = 4th").isEqualTo(40);
        assertThat(p.at(0.25)).isEqualTo(10);
        assertThat(p.at(0.26)).isEqualTo(20);
        assertThat(p.at(1)).isEqualTo(40);
        assertThat(p.at(0)).as("0 is the smallest, not an index of -1").isEqualTo(10);
    }

    @Test
    void tenValues() {
        Percentiles p = Percentiles.of(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L));
        assertThat(p.at(0.5)).isEqualTo(5);
        assertThat(p.at(0.9)).isEqualTo(9);
        assertThat(p.at(0.95)).isEqualTo(10);
        assertThat(p.mean()).isEqualTo(5.5);
        assertThat(p.count()).isEqualTo(10);
    }

    @Test
    void oneValueIsEveryPercentile() {
        Percentiles p = Percentiles.of(new long[] {7});
        assertThat(p.at(0.01)).isEqualTo(7);
        assertThat(p.at(0.99)).isEqualTo(7);
        assertThat(p.mean()).isEqualTo(7);
    }

    @Test
    void theInputIsNotSorted() {
        long[] values = {3, 1, 2};
        Percentiles.of(values);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void anEmptySampleHasAMeanOfZeroAndNoPercentiles() {
        Percentiles p = Percentiles.of(new long[0]);
        assertThat(p.isEmpty()).isTrue();
        assertThat(p.mean()).isZero();
        assertThatThrownBy(() -> p.at(0.5)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aPercentileOutsideZeroToOneIsRefused() {
        Percentiles p = Percentiles.of(new long[] {1});
        assertThatThrownBy(() -> p.at(90)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.at(-0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
