package io.footfall.annotate;

import io.footfall.config.PrivacyPolicy;
import io.footfall.geometry.Box;
import io.footfall.testing.FrameMetrics;
import io.footfall.testing.SharedData;
import io.footfall.testing.TestFrames;
import io.footfall.video.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.ByteBuffer;
import java.util.List;

import static io.footfall.testing.FrameMetrics.channel;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymiser and annotator together, before any encoding, on decoded frames of the one-by-one clip with
 * the boxes the default detector finds there: heads lose their detail, every other pixel and all the
 * overlay's text are exactly as with privacy off, and off with nothing to draw leaves the frame as decoded.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymisedAnnotationOnRealFramesTest {

    /** Frames with one person each, and the box person-detection-retail-0013 finds there (rounded). */
    private static final long[] FRAMES = {150, 300, 600};
    private static final Box[] PEOPLE = {new Box(391, 16, 121, 394), new Box(392, 1, 146, 375), new Box(417, 0, 145, 397)};

    private List<Frame> frames;

    @BeforeAll
    void decode() throws Exception {
        frames = TestFrames.at(SharedData.require(SharedData.ONE_BY_ONE), FRAMES);
    }

    private static Overlay overlay(Frame f, Box person) {
        return new Overlay(List.of(new Overlay.TrackBox(person, 7)),
                List.of(new Overlay.LineMark(0.8 * f.width(), 0, 0.8 * f.width(), f.height(), "door in 3 out 0")),
                List.of(), "room-cam  frame " + f.index() + "  people 1");
    }

    private static Frame annotated(PrivacyPolicy policy, Frame f, Box person, Overlay overlay) {
        try (FrameAnnotator a = new FrameAnnotator(policy)) {
            return a.annotate(f, List.of(person), overlay).copy();
        }
    }

    private static Frame flat(Frame like, int level) {
        ByteBuffer px = ByteBuffer.allocateDirect(like.width() * like.height() * 3);
        while (px.hasRemaining()) {
            px.put((byte) level);
        }
        return new Frame(like.index(), like.ptsMillis(), like.width(), like.height(), like.width() * 3, px.flip());
    }

    private static boolean sameColour(Frame a, Frame b, int x, int y) {
        return channel(a, x, y, 0) == channel(b, x, y, 0) && channel(a, x, y, 1) == channel(b, x, y, 1)
                && channel(a, x, y, 2) == channel(b, x, y, 2);
    }

    @Test
    void headsLoseTheirDetailWhileEveryOtherPixelAndTheOverlayTextStayAsWithPrivacyOff() {
        PrivacyPolicy heads = PrivacyPolicy.defaults();
        PrivacyPolicy off = heads.withMode(PrivacyPolicy.Mode.OFF);
        for (int i = 0; i < FRAMES.length; i++) {
            Frame f = frames.get(i);
            Box p = PEOPLE[i];
            Overlay o = overlay(f, p);
            ByteBuffer before = f.copy().bgr();
            Frame plain = annotated(off, f, p, o);
            Frame hidden = annotated(heads, f, p, o);
            assertThat(f.copy().bgr()).as("the decoded frame itself is never changed").isEqualTo(before);

            // The head: from below the box's top edge and label to 20 % of its height, away from its side lines.
            int x0 = (int) (p.x() + 0.15 * p.w());
            int x1 = (int) (p.right() - 0.15 * p.w());
            int y0 = (int) p.y() + 20;
            int y1 = (int) (p.y() + 0.2 * p.h());
            PixelRegion region = new Anonymizer(heads).regionsFor(List.of(p), f.width(), f.height()).get(0);
            FrameMetrics.Pixels inCells = FrameMetrics.insideGridCells(region.block());
            double bound = FrameMetrics.meanAbsLaplacian(plain, x0, y0, x1, y1, inCells);
            double after = FrameMetrics.meanAbsLaplacian(hidden, x0, y0, x1, y1, inCells);
            assertThat(bound).as("detail of the head in frame %d without privacy", f.index()).isGreaterThan(3);
            assertThat(after).as("detail of the head in frame %d, pixelated (bound from privacy off: %.2f)", f.index(), bound)
                    .isLessThan(1e-9);
            assertThat(FrameMetrics.meanAbsLaplacian(hidden, x0, y0, x1, y1)).as("mean detail, block edges included")
                    .isLessThan(FrameMetrics.meanAbsLaplacian(plain, x0, y0, x1, y1));
            assertThat(FrameMetrics.differingPixels(plain, hidden, (x, y) -> !region.contains(x, y)))
                    .as("pixels outside the head region of frame %d", f.index()).isZero();
            assertThat(FrameMetrics.differingPixels(plain, hidden, region::contains)).as("pixels inside it")
                    .isGreaterThan(region.width() * region.height() / 2L);

            // The overlay's opaque pixels (text, its shadow, the box's lines), found as those drawn the same on black and
            // on white, are the same on the pixelated head as without privacy: ids stay readable.
            Frame onBlack = annotated(off, flat(f, 0), p, o);
            Frame onWhite = annotated(off, flat(f, 255), p, o);
            long opaque = 0;
            for (int y = region.top(); y < region.bottom(); y++) {
                for (int x = region.left(); x < region.right(); x++) {
                    if (sameColour(onBlack, onWhite, x, y)) {
                        opaque++;
                        assertThat(sameColour(hidden, onBlack, x, y)).as("overlay pixel %d,%d of frame %d", x, y, f.index()).isTrue();
                    }
                }
            }
            assertThat(opaque).as("opaque overlay pixels (track label, box) over the head region, frame %d", f.index())
                    .isGreaterThan(100);
        }
    }

    @Test
    void peopleModeHidesTheWholeBody() {
        Frame f = frames.get(1);
        Box p = PEOPLE[1];
        Overlay none = new Overlay(List.of(), List.of(), List.of(), "");
        Frame plain = annotated(PrivacyPolicy.defaults().withMode(PrivacyPolicy.Mode.OFF), f, p, none);
        Frame hidden = annotated(PrivacyPolicy.defaults().withMode(PrivacyPolicy.Mode.PEOPLE), f, p, none);

        // The legs, far below the head.
        int x0 = (int) (p.x() + 0.2 * p.w());
        int x1 = (int) (p.right() - 0.2 * p.w());
        int y0 = (int) (p.y() + 0.6 * p.h());
        int y1 = (int) (p.y() + 0.9 * p.h());
        PrivacyPolicy people = PrivacyPolicy.defaults().withMode(PrivacyPolicy.Mode.PEOPLE);
        FrameMetrics.Pixels inCells = FrameMetrics.insideGridCells(new Anonymizer(people).regionsFor(List.of(p), f.width(), f.height())
                .get(0).block());
        assertThat(FrameMetrics.meanAbsLaplacian(plain, x0, y0, x1, y1, inCells)).isGreaterThan(3);
        assertThat(FrameMetrics.meanAbsLaplacian(hidden, x0, y0, x1, y1, inCells)).isLessThan(1e-9);
    }

    @Test
    void offWithNothingToDrawLeavesTheFrameAsDecoded() {
        Frame f = frames.get(2);
        Frame out = annotated(PrivacyPolicy.defaults().withMode(PrivacyPolicy.Mode.OFF), f, PEOPLE[2],
                new Overlay(List.of(), List.of(), List.of(), ""));
        assertThat(out.bgr()).isEqualTo(f.copy().bgr());
    }
}
