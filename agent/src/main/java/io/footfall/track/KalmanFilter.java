package io.footfall.track;

import io.footfall.geometry.Box;

/**
 * Constant-velocity Kalman filter over {@code (cx, cy, a, h)}, as in ByteTrack's {@code kalman_filter.py}:
 * one predict per processed frame, noise proportional to the box height (so it is scale-free), and
 * ByteTrack's weights (position 1/20, velocity 1/160).
 *
 * <p>Pure functions: state in, new state out. Stateless and thread-safe.
 */
public final class KalmanFilter {
    private static final int N = KalmanState.DIM;
    private static final int M = 4;
    private static final double STD_POSITION = 1.0 / 20;
    private static final double STD_VELOCITY = 1.0 / 160;

    private KalmanFilter() {
    }

    /** A new belief centred on a first measurement, with zero velocity and wide velocity uncertainty. */
    public static KalmanState initiate(Box box) {
        double[] z = measurement(box);
        double h = z[3];
        double[] mean = new double[N];
        System.arraycopy(z, 0, mean, 0, M);
        double p = 2 * STD_POSITION * h;
        double v = 10 * STD_VELOCITY * h;
        return new KalmanState(mean, diagonalSquared(p, p, 1e-2, p, v, v, 1e-5, v));
    }

    /**
     * One step ahead: {@code x' = F x}, {@code P' = F P Fᵀ + Q}.
     *
     * @param freezeHeight zero the height velocity first, as ByteTrack does for tracks not matched in the
     *                     previous frame, so a coasting box does not shrink or grow without evidence
     */
    public static KalmanState predict(KalmanState s, boolean freezeHeight) {
        double[] x = s.mean();
        if (freezeHeight) {
            x[7] = 0;
        }
        double h = x[3];
        double p = STD_POSITION * h;
        double v = STD_VELOCITY * h;
        double[] q = diagonalSquared(p, p, 1e-2, p, v, v, 1e-5, v);
        double[] f = transition();
        double[] mean = multiply(f, N, N, x, 1);
        double[] cov = multiply(multiply(f, N, N, s.covariance(), N), N, N, transpose(f, N, N), N);
        add(cov, q);
        return new KalmanState(mean, cov);
    }

    /** Folds in one measured box: standard Kalman update with {@code H = [I 0]}. */
    public static KalmanState update(KalmanState s, Box box) {
        double[] z = measurement(box);
        double[] x = s.mean();
        double[] cov = s.covariance();
        double h = x[3];
        double p = STD_POSITION * h;
        // S = H P Hᵀ + R (top-left 4×4 of P plus measurement noise)
        double[] innovationCov = new double[M * M];
        double[] r = diagonalSquared(p, p, 1e-1, p);
        for (int i = 0; i < M; i++) {
            for (int j = 0; j < M; j++) {
                innovationCov[i * M + j] = cov[i * N + j] + r[i * M + j];
            }
        }
        // K = P Hᵀ S⁻¹; solve S Kᵀ = (P Hᵀ)ᵀ = H P, the first four rows of P (P symmetric)
        double[] hp = new double[M * N];
        System.arraycopy(cov, 0, hp, 0, M * N);
        double[] gainT = Cholesky.solve(innovationCov, M, hp, N);
        double[] gain = transpose(gainT, M, N);
        double[] innovation = new double[M];
        for (int i = 0; i < M; i++) {
            innovation[i] = z[i] - x[i];
        }
        double[] mean = multiply(gain, N, M, innovation, 1);
        add(mean, x);
        // P' = P - K S Kᵀ
        double[] ksk = multiply(multiply(gain, N, M, innovationCov, M), N, M, gainT, N);
        for (int i = 0; i < N * N; i++) {
            cov[i] -= ksk[i];
        }
        return new KalmanState(mean, cov);
    }

    /** The box of the mean. */
    public static Box box(KalmanState s) {
        double h = s.mean(3);
        double w = s.mean(2) * h;
        return new Box(s.mean(0) - w / 2, s.mean(1) - h / 2, w, h);
    }

    static double[] measurement(Box b) {
        return new double[] {b.centerX(), b.centerY(), b.w() / b.h(), b.h()};
    }

    private static double[] transition() {
        double[] f = new double[N * N];
        for (int i = 0; i < N; i++) {
            f[i * N + i] = 1;
        }
        for (int i = 0; i < M; i++) {
            f[i * N + M + i] = 1;
        }
        return f;
    }

    private static double[] diagonalSquared(double... std) {
        int n = std.length;
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = std[i] * std[i];
        }
        return d;
    }

    private static double[] multiply(double[] a, int rows, int inner, double[] b, int cols) {
        double[] c = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < inner; k++) {
                double aik = a[i * inner + k];
                if (aik != 0) {
                    for (int j = 0; j < cols; j++) {
                        c[i * cols + j] += aik * b[k * cols + j];
                    }
                }
            }
        }
        return c;
    }

    private static double[] transpose(double[] a, int rows, int cols) {
        double[] t = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = a[i * cols + j];
            }
        }
        return t;
    }

    private static void add(double[] into, double[] b) {
        for (int i = 0; i < into.length; i++) {
            into[i] += b[i];
        }
    }

    /** Solves {@code A X = B} for a small symmetric positive-definite {@code A}. */
    private static final class Cholesky {
        static double[] solve(double[] a, int n, double[] b, int cols) {
            double[] l = new double[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double sum = a[i * n + j];
                    for (int k = 0; k < j; k++) {
                        sum -= l[i * n + k] * l[j * n + k];
                    }
                    if (i == j) {
                        if (sum <= 0) {
                            throw new IllegalStateException("Kalman innovation covariance is not positive definite");
                        }
                        l[i * n + i] = Math.sqrt(sum);
                    } else {
                        l[i * n + j] = sum / l[j * n + j];
                    }
                }
            }
            double[] x = b.clone();
            for (int c = 0; c < cols; c++) {
                for (int i = 0; i < n; i++) { // forward: L y = b
                    double sum = x[i * cols + c];
                    for (int k = 0; k < i; k++) {
                        sum -= l[i * n + k] * x[k * cols + c];
                    }
                    x[i * cols + c] = sum / l[i * n + i];
                }
                for (int i = n - 1; i >= 0; i--) { // backward: Lᵀ x = y
                    double sum = x[i * cols + c];
                    for (int k = i + 1; k < n; k++) {
                        sum -= l[k * n + i] * x[k * cols + c];
                    }
                    x[i * cols + c] = sum / l[i * n + i];
                }
            }
            return x;
        }
    }
}
