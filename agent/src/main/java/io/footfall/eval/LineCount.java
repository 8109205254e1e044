package io.footfall.eval;

/**
 * Crossings of one counting line over a whole video. Immutable.
 *
 * @param line the line's name
 * @param in   crossings in the line's IN direction
 * @param out  crossings in its OUT direction
 */
public record LineCount(String line, int in, int out) {

    /** Crossings either way. */
    public int total() {
        return in + out;
    }
}
