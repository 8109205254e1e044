package io.footfall.annotate;

import io.footfall.testing.SharedData;
import io.footfall.video.Frame;
import io.footfall.video.FrameSource;
import io.footfall.video.Sources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Clips written from real frames, read back: every frame there, in its colours, for even and odd frame sizes. */
class ClipWriterTest {
    private static final int FRAMES = 40;

    @TempDir
    Path tmp;

    /** The first frames of vtest.avi, cut to {@code width x height} (packed copies). */
    private static List<Frame> frames(int width, int height) throws Exception {
        List<Frame> out = new ArrayList<>();
        try (FrameSource s = Sources.open(SharedData.require(SharedData.VTEST).toString())) {
            Frame f;
            while (out.size() < FRAMES && (f = s.next()) != null) {
                ByteBuffer b = ByteBuffer.allocateDirect(width * height * 3);
                for (int y = 0; y < height; y++) {
                    for (int x = 0; x < width * 3; x++) {
                        b.put(y * width * 3 + x, f.bgr().get(y * f.stride() + x));
                    }
                }
                out.add(new Frame(f.index(), f.ptsMillis(), width, height, width * 3, b));
            }
        }
        return out;
    }

    /**
     * Peak signal-to-noise ratio over the three channels, and the mean error of each channel (B, G, R), leaving out
     * {@code margin} pixels at the right and bottom edges (where a scaled-up picture differs most).
     */
    private static double[] compare(Frame a, Frame b, int margin) {
        double sq = 0;
        double[] bias = new double[3];
        int n = (a.width() - margin) * (a.height() - margin);
        for (int y = 0; y < a.height() - margin; y++) {
            for (int x = 0; x < a.width() - margin; x++) {
                for (int c = 0; c < 3; c++) {
                    int d = (b.bgr().get(y * b.stride() + x * 3 + c) & 0xFF) - (a.bgr().get(y * a.stride() + x * 3 + c) & 0xFF);
                    sq += d * d;
                    bias[c] += d;
                }
            }
        }
        double psnr = 10 * Math.log10(255.0 * 255.0 / (sq / (3.0 * n)));
        return new double[] {psnr, bias[0] / n, bias[1] / n, bias[2] / n};
    }

    private void roundTrip(int width, int height) throws Exception {
        List<Frame> in = frames(width, height);
        Path clip = tmp.resolve(width + "x" + height + ".mp4");
        try (ClipWriter w = new ClipWriter(clip, width, height, 10, in.get(0).ptsMillis())) {
            in.forEach(w::write);
            assertThat(w.frames()).isEqualTo(FRAMES);
        }
        int read = 0;
        try (FrameSource s = Sources.open(clip.toString())) {
            Frame f;
            while ((f = s.next()) != null) {
                // H.264 at 4:2:0 holds even sizes only: an odd frame is scaled up by one pixel on the way in.
                int w = width + width % 2;
                int h = height + height % 2;
                assertThat(f.width()).isEqualTo(w);
                assertThat(f.height()).isEqualTo(h);
                double[] m = compare(in.get(read), f, w == width ? 0 : 2);
                assertThat(m[0]).as("PSNR of frame %d at %dx%d", read, width, height).isGreaterThan(w == width ? 30 : 24);
                for (int c = 0; c < 3; c++) {
                    // A swapped chroma plane or a full/limited range mix-up shifts a channel by far more than this.
                    assertThat(Math.abs(m[1 + c])).as("mean error of channel %d, frame %d", c, read).isLessThan(3);
                }
                read++;
            }
        }
        assertThat(read).isEqualTo(FRAMES);
    }

    @Test
    void evenSizedFramesComeBackWithTheirColours() throws Exception {
        roundTrip(768, 576);
    }

    @Test
    void oddSizedFramesComeBackWithTheirColours() throws Exception {
        roundTrip(767, 575);
    }
}
