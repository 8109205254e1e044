package io.footfall.count;

/**
 * Running totals of one line since the start, for the live overlay. Provisional: includes crossings still
 * inside their cancel window, which a u-turn may yet withdraw. Immutable; thread-safe.
 */
public record LineTally(int in, int out) {
}
