package io.footfall.video;

/**
 * What is known about a source once it is open.
 *
 * @param name        what the user named (path, URL or device), credentials removed
 * @param width       frame width in pixels
 * @param height      frame height in pixels
 * @param fps         nominal frame rate, 0 when unknown
 * @param frameCount  frames in a file, -1 for live or unknown
 * @param live        whether the source is a camera stream (reconnects, no end)
 */
public record SourceInfo(String name, int width, int height, double fps, long frameCount, boolean live) {
}
