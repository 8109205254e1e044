package io.footfall.detect;

/** How a source frame is fitted to the model's input size. */
public enum ResizeMode {
    /** Scaled independently in x and y to fill the input (SSD-style detectors). */
    STRETCH,
    /**
     * Scaled by one factor to fit, placed at the top-left, the rest filled with the pad value
     * (YOLOX's own preprocessing).
     */
    LETTERBOX
}
