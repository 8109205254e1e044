package io.footfall.appearance;

import io.footfall.geometry.Box;
import io.footfall.video.Frame;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CropsTest {

    /** Bilinear sampling written the plain way, pixel by pixel from the frame: what the crop must equal exactly. */
    private static byte[] reference(Frame frame, Box box, int width, int height) {
        double x0 = Math.max(0, Math.min(frame.width() - 1, box.x()));
        double y0 = Math.max(0, Math.min(frame.height() - 1, box.y()));
        double x1 = Math.max(x0 + 1, Math.min(frame.width(), box.x() + box.w()));
        double y1 = Math.max(y0 + 1, Math.min(frame.height(), box.y() + box.h()));
        byte[] out = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            double fy = Math.max(0, y0 + (y + 0.5) * (y1 - y0) / height - 0.5);
            int ya = Math.min(frame.height() - 1, (int) fy);
            int yb = Math.min(frame.height() - 1, ya + 1);
            for (int x = 0; x < width; x++) {
                double fx = Math.max(0, x0 + (x + 0.5) * (x1 - x0) / width - 0.5);
                int xa = Math.min(frame.width() - 1, (int) fx);
                int xb = Math.min(frame.width() - 1, xa + 1);
                for (int c = 0; c < 3; c++) {
                    double tl = at(frame, xa, ya, c);
                    double tr = at(frame, xb, ya, c);
                    double bl = at(frame, xa, yb, c);
                    double br = at(frame, xb, yb, c);
                    double t = tl * (1 - (fx - xa)) + tr * (fx - xa);
                    double b = bl * (1 - (fx - xa)) + br * (fx - xa);
                    out[(y * width + x) * 3 + c] = (byte) Math.round(t * (1 - (fy - ya)) + b * (fy - ya));
                }
            }
        }
        return out;
    }

    private static int at(Frame f, int x, int y, int c) {
        return f.bgr().get(y * f.stride() + x * 3 + c) & 0xFF;
    }

    @Test
    void cropsEqualPlainBilinearSamplingForBoxesInsideAtTheEdgesAndBeyondTheFrame() {
        int w = 97;
        int h = 61;
        int stride = w * 3 + 5; // padded rows, as some decoders give
        ByteBuffer bgr = ByteBuffer.allocateDirect(stride * h);
        Random r = new Random(7);
        for (int i = 0; i < bgr.capacity(); i++) {
            bgr.put(i, (byte) r.nextInt(256));
        }
        Frame frame = new Frame(3, 120, w, h, stride, bgr);
        Crops crops = new Crops(16, 32);
        for (Box box : List.of(new Box(10.3, 5.7, 20, 40), new Box(-8, -4, 30, 25), new Box(80, 50, 40, 30),
                new Box(50, 20, 0.4, 0.6), new Box(0, 0, w, h), new Box(200, 200, 10, 10), new Box(40.5, 10.25, 3, 50))) {
            Frame cut = crops.cut(frame, box);
            byte[] got = new byte[16 * 32 * 3];
            cut.bgr().get(0, got);
            assertThat(got).as("crop of %s", box).isEqualTo(reference(frame, box, 16, 32));
            assertThat(cut.index()).isEqualTo(3);
            assertThat(cut.width()).isEqualTo(16);
            assertThat(cut.height()).isEqualTo(32);
        }
    }
}
