package io.footfall.appearance;

import io.footfall.geometry.Box;
import io.footfall.video.Frame;

import java.nio.ByteBuffer;

/**
 * Cuts a person box out of a frame and scales it to a model's input size (bilinear), into a reused buffer. Done in
 * Java so the model is compiled for one input size only, whatever the box sizes. Not thread-safe.
 */
final class Crops {
    private final int width;
    private final int height;
    private final ByteBuffer out;
    private final byte[] row;
    private final int[] colA;
    private final int[] colB;
    private final double[] colW;
    private byte[] top = new byte[0];
    private byte[] bottom = new byte[0];

    Crops(int width, int height) {
        this.width = width;
        this.height = height;
        this.out = ByteBuffer.allocateDirect(width * height * 3);
        this.row = new byte[width * 3];
        this.colA = new int[width];
        this.colB = new int[width];
        this.colW = new double[width];
    }

    /** The box (clipped to the frame) scaled to {@code width x height}; valid until the next call. */
    Frame cut(Frame frame, Box box) {
        double x0 = Math.max(0, Math.min(frame.width() - 1, box.x()));
        double y0 = Math.max(0, Math.min(frame.height() - 1, box.y()));
        double x1 = Math.max(x0 + 1, Math.min(frame.width(), box.x() + box.w()));
        double y1 = Math.max(y0 + 1, Math.min(frame.height(), box.y() + box.h()));
        double sx = (x1 - x0) / width;
        double sy = (y1 - y0) / height;
        ByteBuffer in = frame.bgr();
        int stride = frame.stride();
        int maxX = frame.width() - 1;
        int maxY = frame.height() - 1;
        // Every output row samples the same columns: work them out once, and copy the two source rows a row needs
        // in bulk rather than reading the frame a byte at a time.
        for (int x = 0; x < width; x++) {
            double fx = Math.max(0, x0 + (x + 0.5) * sx - 0.5);
            int xa = Math.min(maxX, (int) fx);
            colA[x] = xa;
            colB[x] = Math.min(maxX, xa + 1);
            colW[x] = fx - xa;
        }
        int first = colA[0];
        int span = (colB[width - 1] - first + 1) * 3;
        if (top.length < span) {
            top = new byte[span];
            bottom = new byte[span];
        }
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, y0 + (y + 0.5) * sy - 0.5);
            int ya = Math.min(maxY, (int) fy);
            int yb = Math.min(maxY, ya + 1);
            double wy = fy - ya;
            in.get(ya * stride + first * 3, top, 0, span);
            in.get(yb * stride + first * 3, bottom, 0, span);
            for (int x = 0; x < width; x++) {
                int a = (colA[x] - first) * 3;
                int b = (colB[x] - first) * 3;
                double wx = colW[x];
                for (int c = 0; c < 3; c++) {
                    double t = (top[a + c] & 0xFF) * (1 - wx) + (top[b + c] & 0xFF) * wx;
                    double u = (bottom[a + c] & 0xFF) * (1 - wx) + (bottom[b + c] & 0xFF) * wx;
                    row[x * 3 + c] = (byte) Math.round(t * (1 - wy) + u * wy);
                }
            }
            out.put(y * width * 3, row);
        }
        return new Frame(frame.index(), frame.ptsMillis(), width, height, width * 3, out);
    }
}
