package io.footfall.video;

/**
 * What is known about a source once it is open.
 *
 * @param name            what the user named (path, URL or device), credentials removed ({@link Redaction#source})
 * @param width           frame width in pixels
 * @param height          frame height in pixels
 * @param fps             nominal frame rate, 0 when unknown
 * @param frameCount      frames in a file, -1 for live or unknown; an estimate from the duration unless
 *                        {@code frameCountStated}
 * @param live            whether the source is a camera stream (reconnects, no end)
 * @param frameCountStated whether the container states {@code frameCount} itself (an mp4 or avi index, an image
 *                        folder), so decoding fewer frames means the file is cut short or damaged
 */
public record SourceInfo(String name, int width, int height, double fps, long frameCount, boolean live,
                         boolean frameCountStated) {

    /** A source whose frame count, if any, is an estimate. */
    public SourceInfo(String name, int width, int height, double fps, long frameCount, boolean live) {
        this(name, width, height, fps, frameCount, live, false);
    }

    /**
     * Whether a file that gave {@code decoded} frames before it ended stopped short of the frame count its
     * container states (a truncated or damaged file). Estimated counts (a GIF's, from its duration) prove
     * nothing and never count as an early end.
     */
    public boolean endedEarly(long decoded) {
        return !live && frameCountStated && frameCount > 0 && decoded < frameCount;
    }
}
