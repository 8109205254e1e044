package io.footfall.annotate;

import io.footfall.config.PrivacyPolicy;
import io.footfall.geometry.Box;
import io.footfall.video.Frame;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import java.nio.ByteBuffer;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.arrowedLine;
import static org.bytedeco.opencv.global.opencv_imgproc.fillPoly;
import static org.bytedeco.opencv.global.opencv_imgproc.line;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/**
 * Turns a frame into the picture a person may see (a clip, a snapshot): a packed copy, with every person
 * anonymised by the camera's {@link PrivacyPolicy}, then the {@link Overlay} drawn with OpenCV on top, so
 * ids, lines and counters stay readable. The source frame is never changed. Not thread-safe; reuses one
 * buffer per frame size.
 */
public final class FrameAnnotator implements AutoCloseable {

    private static final Scalar LINE_COLOUR = new Scalar(0, 255, 255, 0);
    private static final Scalar ZONE_COLOUR = new Scalar(255, 160, 0, 0);
    private static final Scalar TEXT_BG = new Scalar(0, 0, 0, 0);
    private static final Scalar WHITE = new Scalar(255, 255, 255, 0);

    private final Anonymizer anonymizer;
    private ByteBuffer buffer;
    private Mat canvas;
    private Mat scratch;

    public FrameAnnotator(PrivacyPolicy privacy) {
        this.anonymizer = new Anonymizer(privacy);
    }

    /**
     * The one way a frame is prepared for human eyes: a new frame (same index and time), valid until the
     * next call, with the people anonymised and the overlay drawn.
     *
     * @param people every box in this frame that may hold a person (detections of any score and the tracker's
     *               boxes): a person in none of them is not anonymised
     */
    public Frame annotate(Frame frame, List<Box> people, Overlay overlay) {
        ensure(frame.width(), frame.height());
        copyInto(frame);
        anonymizer.apply(buffer, frame.width(), frame.height(), frame.width() * 3, people);
        drawZones(overlay);
        for (Overlay.LineMark l : overlay.lines()) {
            Point a = pt(l.x1(), l.y1());
            Point b = pt(l.x2(), l.y2());
            line(canvas, a, b, LINE_COLOUR, 2, LINE_AA, 0);
            // The arrow points along the normal (y2-y1, -(x2-x1)): the "in" side.
            double mx = (l.x1() + l.x2()) / 2;
            double my = (l.y1() + l.y2()) / 2;
            double nx = l.y2() - l.y1();
            double ny = -(l.x2() - l.x1());
            double len = Math.max(1e-9, Math.hypot(nx, ny));
            arrowedLine(canvas, pt(mx, my), pt(mx + nx / len * 30, my + ny / len * 30), LINE_COLOUR, 2, LINE_AA, 0, 0.3);
            label(l.label(), mx + 6, my - 8);
            a.close();
            b.close();
        }
        for (Overlay.TrackBox t : overlay.tracks()) {
            Scalar c = colourOf(t.trackId());
            Point tl = pt(t.box().x(), t.box().y());
            Point br = pt(t.box().right(), t.box().bottom());
            rectangle(canvas, tl, br, c, 2, LINE_AA, 0);
            label("#" + t.trackId(), t.box().x(), Math.max(14, t.box().y() - 4));
            tl.close();
            br.close();
            c.close();
        }
        if (!overlay.header().isEmpty()) {
            label(overlay.header(), 8, frame.height() - 10);
        }
        return new Frame(frame.index(), frame.ptsMillis(), frame.width(), frame.height(), frame.width() * 3, buffer);
    }

    private void drawZones(Overlay overlay) {
        if (overlay.zones().isEmpty()) {
            return;
        }
        canvas.copyTo(scratch);
        for (Overlay.ZoneMark z : overlay.zones()) {
            int n = z.xy().length / 2;
            int[] pts = new int[n * 2];
            for (int i = 0; i < pts.length; i++) {
                pts[i] = (int) Math.round(z.xy()[i]);
            }
            try (Mat poly = new Mat(n, 1, org.bytedeco.opencv.global.opencv_core.CV_32SC2, new IntPointer(pts));
                 MatVector polys = new MatVector(poly)) {
                fillPoly(scratch, polys, ZONE_COLOUR);
            }
        }
        // Zones are translucent so the people inside stay visible.
        addWeighted(scratch, 0.25, canvas, 0.75, 0, canvas);
        for (Overlay.ZoneMark z : overlay.zones()) {
            label(z.label(), z.xy()[0] + 6, z.xy()[1] + 20);
        }
    }

    private void label(String text, double x, double y) {
        Point org = pt(x, y);
        Point shadow = pt(x + 1, y + 1);
        putText(canvas, text, shadow, FONT_HERSHEY_SIMPLEX, 0.55, TEXT_BG, 3, LINE_AA, false);
        putText(canvas, text, org, FONT_HERSHEY_SIMPLEX, 0.55, WHITE, 1, LINE_AA, false);
        org.close();
        shadow.close();
    }

    private static Scalar colourOf(long id) {
        // A fixed hue walk: neighbouring ids get clearly different colours, the same id always the same.
        double hue = (id * 0.61803398875) % 1.0;
        int sector = (int) (hue * 6);
        double f = hue * 6 - sector;
        int v = 255;
        int p = 60;
        int q = (int) (v - (v - p) * f);
        int t = (int) (p + (v - p) * f);
        int[] rgb = switch (sector) {
            case 0 -> new int[]{v, t, p};
            case 1 -> new int[]{q, v, p};
            case 2 -> new int[]{p, v, t};
            case 3 -> new int[]{p, q, v};
            case 4 -> new int[]{t, p, v};
            default -> new int[]{v, p, q};
        };
        return new Scalar(rgb[2], rgb[1], rgb[0], 0);
    }

    private static Point pt(double x, double y) {
        return new Point((int) Math.round(x), (int) Math.round(y));
    }

    private void ensure(int w, int h) {
        if (canvas != null && canvas.cols() == w && canvas.rows() == h) {
            return;
        }
        close();
        buffer = ByteBuffer.allocateDirect(w * h * 3);
        canvas = new Mat(h, w, CV_8UC3, new BytePointer(buffer));
        scratch = new Mat(h, w, CV_8UC3);
    }

    private void copyInto(Frame f) {
        ByteBuffer src = f.bgr().duplicate();
        int row = f.width() * 3;
        buffer.clear();
        for (int y = 0; y < f.height(); y++) {
            src.limit(y * f.stride() + row).position(y * f.stride());
            buffer.put(src);
        }
        buffer.clear();
    }

    @Override
    public void close() {
        if (canvas != null) {
            canvas.close();
            scratch.close();
            canvas = null;
            scratch = null;
        }
    }
}
