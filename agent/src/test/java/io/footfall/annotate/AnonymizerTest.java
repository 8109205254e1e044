package io.footfall.annotate;

import io.footfall.config.PrivacyPolicy;
import io.footfall.geometry.Box;
import io.footfall.geometry.Point;
import io.footfall.testing.FrameMetrics;
import io.footfall.video.Frame;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;

import static io.footfall.testing.FrameMetrics.channel;
import static org.assertj.core.api.Assertions.assertThat;

/** The pixelation itself, on noise pictures where every pixel differs from its neighbours. */
class AnonymizerTest {

    private static final PrivacyPolicy HEADS = PrivacyPolicy.defaults();

    /** Random BGR noise, rows padded to {@code stride} bytes (the padding filled with 0x7F). */
    private static Frame noise(int w, int h, int stride, long seed) {
        byte[] px = new byte[stride * h];
        java.util.Arrays.fill(px, (byte) 0x7F);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) {
            for (int i = 0; i < w * 3; i++) {
                px[y * stride + i] = (byte) r.nextInt(256);
            }
        }
        ByteBuffer buf = ByteBuffer.allocateDirect(px.length);
        buf.put(px).flip();
        return new Frame(0, 0, w, h, stride, buf);
    }

    private static Frame anonymised(Anonymizer a, Frame f, List<Box> people) {
        Frame copy = new Frame(f.index(), f.ptsMillis(), f.width(), f.height(), f.stride(), cloneBuffer(f.bgr()));
        a.apply(copy.bgr(), f.width(), f.height(), f.stride(), people);
        return copy;
    }

    private static ByteBuffer cloneBuffer(ByteBuffer b) {
        ByteBuffer out = ByteBuffer.allocateDirect(b.capacity());
        out.put(b.duplicate().clear()).flip();
        return out;
    }

    @Test
    void eachGridBlockOfTheHeadBecomesItsMeanColourAndNothingElseChanges() {
        Frame f = noise(320, 240, 320 * 3 + 8, 1);
        Box person = new Box(101.3, 30.7, 60, 180);
        Anonymizer a = new Anonymizer(HEADS);
        Frame out = anonymised(a, f, List.of(person));

        List<PixelRegion> regions = a.regionsFor(List.of(person), 320, 240);
        assertThat(regions).hasSize(1);
        PixelRegion r = regions.get(0);
        // 0.2 x 60 = 12 px blocks; the grid is anchored at the frame's origin.
        assertThat(r.block()).isEqualTo(12);
        assertThat(r.left() % 12).isZero();
        assertThat(r.top() % 12).isZero();
        // Margin of 0.1 w (6 px) on the sides and above; head = max(0.3 h, 0.5 w) = 54 px below the top.
        assertThat(r.left()).isLessThanOrEqualTo((int) (101.3 - 6));
        assertThat(r.right()).isGreaterThanOrEqualTo((int) Math.ceil(161.3 + 6));
        assertThat(r.top()).isLessThanOrEqualTo((int) (30.7 - 6));
        assertThat(r.bottom()).isGreaterThanOrEqualTo((int) Math.ceil(30.7 + 54));
        assertThat(r.bottom()).isLessThan(30 + 54 + 12 + 1);

        for (int by = r.top(); by < r.bottom(); by += 12) {
            for (int bx = r.left(); bx < r.right(); bx += 12) {
                for (int c = 0; c < 3; c++) {
                    long sum = 0;
                    for (int y = by; y < by + 12; y++) {
                        for (int x = bx; x < bx + 12; x++) {
                            sum += channel(f, x, y, c);
                        }
                    }
                    int mean = (int) ((sum + 72) / 144);
                    for (int y = by; y < by + 12; y++) {
                        for (int x = bx; x < bx + 12; x++) {
                            assertThat(channel(out, x, y, c)).as("block %d,%d channel %d at %d,%d", bx, by, c, x, y).isEqualTo(mean);
                        }
                    }
                }
            }
        }
        assertThat(FrameMetrics.differingPixels(f, out, (x, y) -> !r.contains(x, y))).isZero();
        // Row padding is not picture and stays as it was.
        for (int y = 0; y < 240; y++) {
            for (int i = 320 * 3; i < 320 * 3 + 8; i++) {
                assertThat(out.bgr().get(y * out.stride() + i)).isEqualTo((byte) 0x7F);
            }
        }
        assertThat(FrameMetrics.meanAbsLaplacian(out, r.left() + 1, r.top() + 1, r.left() + 11, r.top() + 11)).isLessThan(1e-9);
    }

    @Test
    void blocksGrowWithTheBoxSoANearPersonIsHiddenAsWellAsAFarOne() {
        Anonymizer a = new Anonymizer(HEADS);
        PixelRegion far = a.regionsFor(List.of(new Box(10, 10, 30, 90)), 1920, 1080).get(0);
        PixelRegion near = a.regionsFor(List.of(new Box(500, 100, 400, 900)), 1920, 1080).get(0);
        assertThat(far.block()).isEqualTo(Anonymizer.block(6));
        assertThat(near.block()).isEqualTo(80);
        // About the same number of blocks across either head.
        assertThat(far.width() / far.block()).isBetween(5, 8);
        assertThat(near.width() / near.block()).isBetween(5, 8);
        // Tiny boxes still get blocks of at least 4 px; a jitter of a pixel or two keeps the block size.
        assertThat(Anonymizer.block(1)).isEqualTo(4);
        assertThat(Anonymizer.block(0.2 * 99)).isEqualTo(Anonymizer.block(0.2 * 101));
    }

    @Test
    void aBoxCutByTheFrameEdgeGetsAHeadRegionAtLeastHalfItsWidthTall() {
        // An upper body only (the legs out of the frame): 0.3 h would be 24 px, but the head is larger.
        Anonymizer a = new Anonymizer(HEADS);
        PixelRegion r = a.regionsFor(List.of(new Box(100, 0, 120, 80)), 640, 480).get(0);
        assertThat(r.top()).isZero();
        assertThat(r.bottom()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void peopleModeHidesTheWholeBoxAndBoxesOutsideTheFrameAreIgnored() {
        Anonymizer a = new Anonymizer(HEADS.withMode(PrivacyPolicy.Mode.PEOPLE));
        List<PixelRegion> r = a.regionsFor(List.of(new Box(50, 40, 40, 120), new Box(-500, -500, 100, 100), new Box(5, 5, 0, 10)),
                320, 240);
        assertThat(r).hasSize(1);
        assertThat(r.get(0).top()).isLessThanOrEqualTo(36);
        assertThat(r.get(0).bottom()).isGreaterThanOrEqualTo(164);
    }

    @Test
    void offChangesNothing() {
        Frame f = noise(160, 120, 160 * 3, 2);
        Anonymizer a = new Anonymizer(HEADS.withMode(PrivacyPolicy.Mode.OFF));
        assertThat(a.isNoOp()).isTrue();
        Frame out = anonymised(a, f, List.of(new Box(10, 10, 50, 100)));
        assertThat(out.bgr()).isEqualTo(f.bgr());
        assertThat(a.regionsFor(List.of(new Box(10, 10, 50, 100)), 160, 120)).isEmpty();
    }

    @Test
    void aMaskIsPixelatedInsideItsPolygonOnlyWhateverTheMode() {
        Frame f = noise(320, 240, 320 * 3, 3);
        // A triangle: left half of the frame's top, apex down.
        PrivacyPolicy.Mask till = new PrivacyPolicy.Mask("till", List.of(new Point(0.1, 0.1), new Point(0.5, 0.1), new Point(0.3, 0.6)));
        Anonymizer a = new Anonymizer(HEADS.withMode(PrivacyPolicy.Mode.OFF).withMasks(List.of(till)));
        assertThat(a.isNoOp()).isFalse();
        Frame out = anonymised(a, f, List.of());
        // Inside, well away from the edges: flat. Outside the triangle's bounding box: untouched.
        assertThat(FrameMetrics.meanAbsLaplacian(out, 89, 33, 94, 38)).isLessThan(1e-9);
        assertThat(FrameMetrics.differingPixels(f, out, (x, y) -> x < 28 || x > 164 || y < 20 || y > 148)).isZero();
        // Beside the apex, outside the polygon but inside its box: untouched as well.
        assertThat(FrameMetrics.differingPixels(f, out, (x, y) -> y > 130 && y <= 144 && (x < 80 || x > 112))).isZero();
        assertThat(FrameMetrics.differingPixels(f, out, (x, y) -> x > 60 && x < 100 && y > 30 && y < 40)).isGreaterThan(300);
        // The same mask at another size is rasterised again.
        Frame big = noise(640, 480, 640 * 3, 4);
        Frame bigOut = anonymised(a, big, List.of());
        assertThat(FrameMetrics.differingPixels(big, bigOut, (x, y) -> x > 120 && x < 200 && y > 60 && y < 80)).isGreaterThan(1000);
    }
}
