package io.footfall.annotate;

/**
 * A rectangle of a frame, in whole pixels ({@code left ≤ x < right}, {@code top ≤ y < bottom}), pixelated
 * with square blocks of {@code block} pixels on a grid anchored at the frame's origin, so a person who
 * stands still keeps the same blocks from frame to frame.
 */
public record PixelRegion(int left, int top, int right, int bottom, int block) {

    public PixelRegion {
        if (left < 0 || top < 0 || right <= left || bottom <= top || block < 1) {
            throw new IllegalArgumentException("empty or negative region " + left + "," + top + " to " + right + "," + bottom
                    + " block " + block);
        }
    }

    public int width() {
        return right - left;
    }

    public int height() {
        return bottom - top;
    }

    public boolean contains(int x, int y) {
        return x >= left && x < right && y >= top && y < bottom;
    }

    /**
     * The grid-aligned region covering {@code [x0, x1) × [y0, y1)} within a {@code width × height}
     * frame, or null when nothing of it is inside the frame.
     */
    static PixelRegion covering(double x0, double y0, double x1, double y1, int block, int width, int height) {
        int l = Math.max(0, Math.floorDiv((int) Math.floor(x0), block) * block);
        int t = Math.max(0, Math.floorDiv((int) Math.floor(y0), block) * block);
        int r = Math.min(width, ceilTo(x1, block));
        int b = Math.min(height, ceilTo(y1, block));
        return r > l && b > t ? new PixelRegion(l, t, r, b, block) : null;
    }

    private static int ceilTo(double v, int block) {
        return -Math.floorDiv(-(int) Math.ceil(v), block) * block;
    }
}
