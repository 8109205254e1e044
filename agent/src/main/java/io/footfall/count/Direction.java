package io.footfall.count;

/** Which way a line was crossed; {@code IN} is towards the side the line's normal points to. */
public enum Direction {
    IN,
    OUT;

    public Direction opposite() {
        return this == IN ? OUT : IN;
    }
}
