package io.footfall.track;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.footfall.geometry.Box;
import org.junit.jupiter.api.Test;

class KalmanFilterTest {

    @Test
    void initiateCentresOnTheBoxWithZeroVelocity() {
        KalmanState s = KalmanFilter.initiate(new Box(10, 20, 50, 100));
        assertThat(s.mean()).containsExactly(35, 70, 0.5, 100, 0, 0, 0, 0);
        assertThat(KalmanFilter.box(s)).isEqualTo(new Box(10, 20, 50, 100));
    }

    @Test
    void learnsAConstantVelocity() {
        KalmanState s = KalmanFilter.initiate(new Box(0, 0, 40, 120));
        for (int i = 1; i <= 30; i++) {
            s = KalmanFilter.update(KalmanFilter.predict(s, false), new Box(5.0 * i, 2.0 * i, 40, 120));
        }
        KalmanState next = KalmanFilter.predict(s, false);
        assertThat(next.mean(4)).isCloseTo(5, within(0.1));
        assertThat(next.mean(5)).isCloseTo(2, within(0.1));
        assertThat(KalmanFilter.box(next).x()).isCloseTo(155, within(0.5));
        assertThat(KalmanFilter.box(next).y()).isCloseTo(62, within(0.5));
    }

    @Test
    void isPureAndSymmetric() {
        KalmanState s = KalmanFilter.initiate(new Box(0, 0, 40, 120));
        KalmanState before = new KalmanState(s.mean(), s.covariance());
        KalmanState p = KalmanFilter.predict(s, false);
        KalmanState u = KalmanFilter.update(p, new Box(3, 1, 40, 118));
        assertThat(s).isEqualTo(before);
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) {
                assertThat(u.covariance(i, j)).isCloseTo(u.covariance(j, i), within(1e-9));
            }
        }
        assertThat(u.covariance(0, 0)).as("a measurement shrinks uncertainty").isLessThan(p.covariance(0, 0));
    }

    @Test
    void freezingHeightStopsTheBoxFromShrinking() {
        KalmanState s = KalmanFilter.initiate(new Box(0, 0, 40, 120));
        for (int i = 1; i <= 10; i++) {
            s = KalmanFilter.update(KalmanFilter.predict(s, false), new Box(0, 0, 40, 120 - 2 * i));
        }
        assertThat(KalmanFilter.predict(s, true).mean(3)).isCloseTo(s.mean(3), within(1e-9));
        assertThat(KalmanFilter.predict(s, false).mean(3)).isLessThan(s.mean(3) - 1);
    }
}
