package io.footfall.eval;

/**
 * What a MOTChallenge {@code seqinfo.ini} says about a sequence.
 *
 * Immutable.
 *
 * @param name   sequence name
 * @param fps    frames per second
 * @param width  image width, pixels
 * @param height image height, pixels
 * @param length number of frames
 */
public record SequenceInfo(String name, double fps, int width, int height, long length) {
}
