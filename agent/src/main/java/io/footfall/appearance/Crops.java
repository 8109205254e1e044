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

    Crops(int width, int height) {
        this.width = width;
        this.height = height;
        this.out = ByteBuffer.allocateDirect(width * height * 3);
        this.row = new byte[width * 3];
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
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, y0 + (y + 0.5) * sy - 0.5);
            int ya = Math.min(maxY, (int) fy);
            int yb = Math.min(maxY, ya + 1);
            double wy = fy - ya;
            for (int x = 0; x < width; x++) {
                double fx = Math.max(0, x0 + (x + 0.5) * sx - 0.5);
                int xa = Math.min(maxX, (int) fx);
                int xb = Math.min(maxX, xa + 1);
                double wx = fx - xa;
                for (int c = 0; c < 3; c++) {
                    double top = (in.get(ya * stride + xa * 3 + c) & 0xFF) * (1 - wx) + (in.get(ya * stride + xb * 3 + c) & 0xFF) * wx;
                    double bottom = (in.get(yb * stride + xa * 3 + c) & 0xFF) * (1 - wx) + (in.get(yb * stride + xb * 3 + c) & 0xFF) * wx;
                    row[x * 3 + c] = (byte) Math.round(top * (1 - wy) + bottom * wy);
                }
            }
            out.put(y * width * 3, row);
        }
        return new Frame(frame.index(), frame.ptsMillis(), width, height, width * 3, out);
    }
}
