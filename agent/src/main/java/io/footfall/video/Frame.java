package io.footfall.video;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One decoded picture: packed 8-bit BGR, rows {@code stride} bytes apart, top row first.
 *
 * <p>The pixel buffer belongs to the source that produced it and is only valid until that source
 * decodes its next frame; a stage that keeps a frame longer calls {@link #copy()}. The buffer is
 * direct so native runtimes (OpenVINO, FFmpeg) can read it without another copy.
 *
 * @param index      0-based decode index within the source
 * @param ptsMillis  presentation time from the start of the source, milliseconds
 * @param width      pixels per row
 * @param height     rows
 * @param stride     bytes from one row to the next (at least {@code width * 3})
 * @param bgr        the pixels, position 0 at the first byte of the top row
 */
public record Frame(long index, long ptsMillis, int width, int height, int stride, ByteBuffer bgr) {

    public Frame {
        Objects.requireNonNull(bgr, "bgr");
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("frame size must be positive, got " + width + "x" + height);
        }
        if (stride < width * 3) {
            throw new IllegalArgumentException("stride " + stride + " is shorter than a BGR row of " + width + " pixels");
        }
        if (bgr.capacity() < (long) stride * (height - 1) + width * 3L) {
            throw new IllegalArgumentException("buffer of " + bgr.capacity() + " bytes is too small for "
                    + width + "x" + height + " BGR at stride " + stride);
        }
    }

    /** Whether rows follow each other with no padding, as most runtimes want their input. */
    public boolean isPacked() {
        return stride == width * 3;
    }

    /** A deep copy with packed rows in a new direct buffer, safe to keep after the source moves on. */
    public Frame copy() {
        return copyInto(ByteBuffer.allocateDirect(width * 3 * height));
    }

    /**
     * This frame's pixels copied, tightly packed, into {@code out} (at least {@code width * 3 * height} bytes, reused
     * by the caller), as a frame over it.
     */
    public Frame copyInto(ByteBuffer out) {
        int row = width * 3;
        if (out.capacity() < row * height) {
            throw new IllegalArgumentException("buffer of " + out.capacity() + " bytes for a " + width + "x" + height + " frame");
        }
        out.clear();
        ByteBuffer in = bgr.duplicate();
        for (int y = 0; y < height; y++) {
            in.limit(y * stride + row).position(y * stride);
            out.put(in);
        }
        out.flip();
        return new Frame(index, ptsMillis, width, height, row, out);
    }
}
