package io.footfall.geometry;

/** A point: relative {@code 0..1} in configuration, pixels (x right, y down) inside the counters. Immutable; thread-safe. */
public record Point(double x, double y) {

    public Point scaled(int width, int height) {
        return new Point(x * width, y * height);
    }

    public boolean isRelative() {
        return x >= 0 && x <= 1 && y >= 0 && y <= 1;
    }
}
