package io.footfall.annotate;

import io.footfall.config.PrivacyPolicy;
import io.footfall.geometry.Box;
import io.footfall.geometry.Point;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;

/**
 * Makes people unrecognisable in a BGR picture, in place, by {@link PrivacyPolicy}: each person's head (or
 * whole box) and each fixed mask is replaced by blocks of its mean colour. Pixelation rather than blur
 * because it is irreversible (a block's mean keeps nothing of the detail inside it, while a blur can be
 * partly deconvolved) and cheap (two passes over the region). Blocks are sized from the person's box, so a
 * person near the camera is hidden as well as one far away; a fixed kernel would leave big faces
 * recognisable. Not thread-safe (keeps the masks rasterised for the last frame size).
 */
public final class Anonymizer {
    /** Added around each region, as a share of the box's width: boxes are tight and hair sticks out. */
    static final double MARGIN = 0.1;
    /** Smallest block, and the step block sizes are rounded to so a box's jitter does not change them. */
    static final int BLOCK_STEP = 4;

    private final PrivacyPolicy policy;
    private List<MaskArea> masks = List.of();
    private int maskWidth = -1;
    private int maskHeight = -1;
    private byte[] stripe = new byte[0];

    /** A mask rasterised for one frame size: its grid-aligned bounds and which pixels inside them it covers. */
    private record MaskArea(PixelRegion bounds, byte[] inside) {
    }

    public Anonymizer(PrivacyPolicy policy) {
        this.policy = policy;
    }

    public PrivacyPolicy policy() {
        return policy;
    }

    /** Whether this anonymiser never changes a frame (mode off and no masks). */
    public boolean isNoOp() {
        return policy.mode() == PrivacyPolicy.Mode.OFF && policy.masks().isEmpty();
    }

    /**
     * Pixelates every person region and every mask of a {@code width × height} BGR picture in place.
     *
     * @param people every box that may hold a person in this frame, in source pixels
     */
    public void apply(ByteBuffer bgr, int width, int height, int stride, List<Box> people) {
        for (MaskArea m : masksFor(width, height)) {
            pixelate(bgr, stride, m.bounds(), m.inside());
        }
        for (PixelRegion r : regionsFor(people, width, height)) {
            pixelate(bgr, stride, r, null);
        }
    }

    /** The regions {@link #apply} pixelates for these people (masks aside); empty with mode {@code off}. */
    public List<PixelRegion> regionsFor(List<Box> people, int width, int height) {
        List<PixelRegion> out = new ArrayList<>(people.size());
        for (Box p : people) {
            PixelRegion r = regionFor(p, width, height);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private PixelRegion regionFor(Box person, int width, int height) {
        double w = person.w();
        double h = person.h();
        if (policy.mode() == PrivacyPolicy.Mode.OFF || !(w > 0 && h > 0)) {
            return null;
        }
        double margin = MARGIN * w;
        // A box cut by the frame's edge, or a seated person, is short for its width: its head is then a larger
        // share of it, so the head region is at least half the box's width tall.
        double below = policy.mode() == PrivacyPolicy.Mode.HEADS
                ? person.y() + Math.min(h, Math.max(policy.headFraction() * h, 0.5 * w))
                : person.bottom() + margin;
        return PixelRegion.covering(person.x() - margin, person.y() - margin, person.right() + margin, below,
                block(policy.strength() * w), width, height);
    }

    static int block(double size) {
        return Math.max(BLOCK_STEP, (int) Math.round(size / BLOCK_STEP) * BLOCK_STEP);
    }

    private List<MaskArea> masksFor(int width, int height) {
        if (width == maskWidth && height == maskHeight) {
            return masks;
        }
        int block = block(policy.strength() * height / 8);
        List<MaskArea> out = new ArrayList<>();
        for (PrivacyPolicy.Mask m : policy.masks()) {
            double minX = Double.MAX_VALUE;
            double minY = Double.MAX_VALUE;
            double maxX = -Double.MAX_VALUE;
            double maxY = -Double.MAX_VALUE;
            for (Point p : m.polygon()) {
                minX = Math.min(minX, p.x() * width);
                minY = Math.min(minY, p.y() * height);
                maxX = Math.max(maxX, p.x() * width);
                maxY = Math.max(maxY, p.y() * height);
            }
            PixelRegion bounds = PixelRegion.covering(minX, minY, maxX, maxY, block, width, height);
            if (bounds != null) {
                out.add(new MaskArea(bounds, rasterise(m, bounds, width, height)));
            }
        }
        masks = List.copyOf(out);
        maskWidth = width;
        maskHeight = height;
        return masks;
    }

    /** The mask's polygon filled into its bounds, with OpenCV's rasteriser (as zones are drawn). */
    private static byte[] rasterise(PrivacyPolicy.Mask m, PixelRegion bounds, int width, int height) {
        int n = m.polygon().size();
        int[] pts = new int[n * 2];
        for (int i = 0; i < n; i++) {
            pts[2 * i] = (int) Math.round(m.polygon().get(i).x() * width) - bounds.left();
            pts[2 * i + 1] = (int) Math.round(m.polygon().get(i).y() * height) - bounds.top();
        }
        byte[] inside = new byte[bounds.width() * bounds.height()];
        try (Scalar zero = Scalar.all(0);
             Mat img = new Mat(bounds.height(), bounds.width(), CV_8UC1, zero);
             Mat poly = new Mat(n, 1, CV_32SC2, new IntPointer(pts));
             MatVector polys = new MatVector(poly);
             Scalar one = Scalar.all(1)) {
            fillPoly(img, polys, one);
            img.data().capacity(inside.length).get(inside);
        }
        return inside;
    }

    /**
     * Replaces each block of {@code r} by its mean colour; with {@code inside}, only the pixels it marks.
     * Works on one row of blocks at a time in a heap copy: bulk copies beat per-byte access to direct memory.
     */
    private void pixelate(ByteBuffer bgr, int stride, PixelRegion r, byte[] inside) {
        int block = r.block();
        int rowBytes = r.width() * 3;
        if (stripe.length < rowBytes * block) {
            stripe = new byte[rowBytes * block];
        }
        byte[] s = stripe;
        for (int top = r.top(); top < r.bottom(); top += block) {
            // The grid is anchored at the frame's origin: the first row and column of blocks may be partial.
            int bottom = Math.min(r.bottom(), (top / block + 1) * block);
            int rows = bottom - top;
            for (int y = 0; y < rows; y++) {
                bgr.get((top + y) * stride + r.left() * 3, s, y * rowBytes, rowBytes);
            }
            for (int left = r.left(); left < r.right(); ) {
                int right = Math.min(r.right(), (left / block + 1) * block);
                int x0 = (left - r.left()) * 3;
                int x1 = (right - r.left()) * 3;
                long b = 0;
                long g = 0;
                long red = 0;
                for (int y = 0; y < rows; y++) {
                    for (int i = y * rowBytes + x0, end = y * rowBytes + x1; i < end; i += 3) {
                        b += s[i] & 0xFF;
                        g += s[i + 1] & 0xFF;
                        red += s[i + 2] & 0xFF;
                    }
                }
                long n = (long) rows * (right - left);
                byte mb = (byte) ((b + n / 2) / n);
                byte mg = (byte) ((g + n / 2) / n);
                byte mr = (byte) ((red + n / 2) / n);
                for (int y = 0; y < rows; y++) {
                    int maskRow = (top - r.top() + y) * r.width() - r.left();
                    for (int x = left, i = y * rowBytes + x0; x < right; x++, i += 3) {
                        if (inside == null || inside[maskRow + x] != 0) {
                            s[i] = mb;
                            s[i + 1] = mg;
                            s[i + 2] = mr;
                        }
                    }
                }
                left = right;
            }
            for (int y = 0; y < rows; y++) {
                bgr.put((top + y) * stride + r.left() * 3, s, y * rowBytes, rowBytes);
            }
        }
    }
}
