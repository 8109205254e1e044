package io.footfall.jmh;

import io.footfall.geometry.Box;

import java.util.Random;

/**
 * A seeded synthetic store scene: people walking smooth closed loops (ellipses) across a 1280x720 frame, one box
 * per person per frame, with a little per-frame jitter as a detector gives. Every loop takes exactly
 * {@link #period()} frames, so frame {@code i} can be replayed as frame {@code i % period} for ever and the
 * walk stays continuous: a benchmark can run any number of operations on a steady scene without precomputing
 * them all. Immutable once built.
 */
final class Crowd {
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;
    static final int FPS = 30;
    /** 15 s at 30 fps: loops of 600..2000 px come out at 1.5..5 px per frame, a walking pace. */
    static final int PERIOD = 450;

    private final Box[][] boxes;

    Crowd(int people, long seed) {
        Random r = new Random(seed);
        boxes = new Box[PERIOD][people];
        for (int p = 0; p < people; p++) {
            double w = 50 + r.nextDouble() * 40;
            double h = w * 2.6;
            double rx = 100 + r.nextDouble() * 250;
            double ry = 40 + r.nextDouble() * 110;
            double cx = rx + 10 + r.nextDouble() * (WIDTH - 2 * rx - w - 20);
            double cy = ry + 10 + r.nextDouble() * (HEIGHT - 2 * ry - h - 20);
            double phase = r.nextDouble() * 2 * Math.PI;
            int turn = r.nextBoolean() ? 1 : -1;
            for (int f = 0; f < PERIOD; f++) {
                double angle = phase + turn * 2 * Math.PI * f / PERIOD;
                boxes[f][p] = new Box(cx + rx * Math.cos(angle) + r.nextGaussian() * 1.5,
                        cy + ry * Math.sin(angle) + r.nextGaussian() * 1.5,
                        w + r.nextGaussian(), h + r.nextGaussian());
            }
        }
    }

    int people() {
        return boxes[0].length;
    }

    int period() {
        return PERIOD;
    }

    /** Where {@code person} is in {@code frame} (any frame number: the walk repeats every period). */
    Box box(long frame, int person) {
        return boxes[(int) (frame % PERIOD)][person];
    }

    static long ptsMillis(long frame) {
        return frame * 1000 / FPS;
    }
}
