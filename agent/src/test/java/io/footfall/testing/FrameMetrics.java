package io.footfall.testing;

import io.footfall.video.Frame;

/** Pixel measures for tests on pictures: detail (Laplacian energy) and differences between two frames. */
public final class FrameMetrics {
    private FrameMetrics() {
    }

    /** A pixel test: whether (x, y) is to be measured. */
    @FunctionalInterface
    public interface Pixels {
        boolean test(int x, int y);
    }

    /**
     * Mean absolute 4-neighbour Laplacian of the grey level over {@code [x0, x1) × [y0, y1)} (clipped to
     * the frame's inner pixels): high where there is fine detail (a face, hair), near 0 on flat areas.
     */
    public static double meanAbsLaplacian(Frame f, int x0, int y0, int x1, int y1) {
        return meanAbsLaplacian(f, x0, y0, x1, y1, (x, y) -> true);
    }

    /** The same over the pixels chosen among those. */
    public static double meanAbsLaplacian(Frame f, int x0, int y0, int x1, int y1, Pixels where) {
        int l = Math.max(1, x0);
        int t = Math.max(1, y0);
        int r = Math.min(f.width() - 1, x1);
        int b = Math.min(f.height() - 1, y1);
        double sum = 0;
        long n = 0;
        for (int y = t; y < b; y++) {
            for (int x = l; x < r; x++) {
                if (where.test(x, y)) {
                    sum += Math.abs(4 * grey(f, x, y) - grey(f, x - 1, y) - grey(f, x + 1, y) - grey(f, x, y - 1) - grey(f, x, y + 1));
                    n++;
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no pixels chosen in " + x0 + "," + y0 + " to " + x1 + "," + y1);
        }
        return sum / n;
    }

    /**
     * Pixels whose 4 neighbours all lie in the same cell of a square grid anchored at the origin, for each of
     * the cell sizes given: the Laplacian there measures detail left inside pixelation blocks, not the steps
     * where two blocks meet (which carry nothing of what was pixelated).
     */
    public static Pixels insideGridCells(int... cells) {
        return (x, y) -> {
            for (int c : cells) {
                int mx = Math.floorMod(x, c);
                int my = Math.floorMod(y, c);
                if (mx == 0 || mx == c - 1 || my == 0 || my == c - 1) {
                    return false;
                }
            }
            return true;
        };
    }

    /** Mean absolute difference per channel between two frames of one size, over the pixels chosen. */
    public static double meanAbsDiff(Frame a, Frame b, Pixels where) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                if (where.test(x, y)) {
                    for (int c = 0; c < 3; c++) {
                        sum += Math.abs(channel(a, x, y, c) - channel(b, x, y, c));
                    }
                    n += 3;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** Number of the chosen pixels whose bytes differ between two frames of one size. */
    public static long differingPixels(Frame a, Frame b, Pixels where) {
        long n = 0;
        for (int y = 0; y < a.height(); y++) {
            for (int x = 0; x < a.width(); x++) {
                if (where.test(x, y) && (channel(a, x, y, 0) != channel(b, x, y, 0) || channel(a, x, y, 1) != channel(b, x, y, 1)
                        || channel(a, x, y, 2) != channel(b, x, y, 2))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Channel c (0 blue, 1 green, 2 red) of pixel (x, y), 0..255. */
    public static int channel(Frame f, int x, int y, int c) {
        return f.bgr().get(y * f.stride() + x * 3 + c) & 0xFF;
    }

    public static double grey(Frame f, int x, int y) {
        return 0.114 * channel(f, x, y, 0) + 0.587 * channel(f, x, y, 1) + 0.299 * channel(f, x, y, 2);
    }
}
