package io.footfall.track;

import java.util.Arrays;

/**
 * Gaussian belief about one box: mean {@code (cx, cy, a, h, vcx, vcy, va, vh)} where {@code a = w/h}, and its
 * 8×8 covariance, row-major. Velocities are per processed frame.
 *
 * <p>Immutable (arrays are copied in and out); thread-safe.
 */
public record KalmanState(double[] mean, double[] covariance) {
    static final int DIM = 8;

    public KalmanState {
        if (mean.length != DIM || covariance.length != DIM * DIM) {
            throw new IllegalArgumentException("KalmanState: expected 8 means and 64 covariances, got "
                    + mean.length + " and " + covariance.length);
        }
        mean = mean.clone();
        covariance = covariance.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] covariance() {
        return covariance.clone();
    }

    /** One mean component without copying. */
    public double mean(int i) {
        return mean[i];
    }

    /** One covariance entry without copying. */
    public double covariance(int row, int col) {
        return covariance[row * DIM + col];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KalmanState k && Arrays.equals(mean, k.mean) && Arrays.equals(covariance, k.covariance);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(covariance);
    }

    @Override
    public String toString() {
        return "KalmanState" + Arrays.toString(mean);
    }
}
