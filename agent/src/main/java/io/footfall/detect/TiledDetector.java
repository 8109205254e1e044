package io.footfall.detect;

import io.footfall.geometry.Box;
import io.footfall.video.Frame;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Detects on each tile of a {@link Tiling} (and the whole frame when asked) with one model, then merges what the
 * tiles found. Tiles are views into the frame's pixels, never copies.
 *
 * <p>Merging follows what slicing needs rather than plain NMS: the same person seen whole by two tiles gives two
 * near-equal boxes (IoU above {@link #SAME_IOU}: the lower score goes); a person cut by a tile's inner edge gives a
 * partial box lying mostly inside the whole one found by the neighbour tile or the whole frame (intersection over
 * the smaller box above {@link #CUT_IOS}: the cut box goes, or when both are cut, the two become their union). Boxes
 * not touching an inner edge are never merged by containment, so a child in front of an adult stays two people.
 *
 * <p>Not thread-safe: one caller at a time.
 */
public final class TiledDetector implements Detector {
    static final double SAME_IOU = 0.5;
    static final double CUT_IOS = 0.6;
    /** Pixels from an inner tile edge within which a box counts as cut by it. */
    private static final double EDGE = 2;

    private final ModelDetector model;
    private final Tiling tiling;
    private StageTimes last = StageTimes.ZERO;

    public TiledDetector(ModelDetector model, Tiling tiling) {
        this.model = model;
        this.tiling = tiling;
    }

    record Found(Detection detection, boolean cut) {
    }

    @Override
    public FrameDetections detect(Frame frame) {
        StageTimes sum = StageTimes.ZERO;
        List<Found> found = new ArrayList<>();
        for (Tiling.Tile t : tiling.tilesFor(frame.width(), frame.height())) {
            found.addAll(placed(model.detect(view(frame, t)), t, frame));
            sum = sum.plus(model.lastTimes());
        }
        if (tiling.wholeFrame()) {
            FrameDetections whole = model.detect(frame);
            sum = sum.plus(model.lastTimes());
            whole.detections().forEach(d -> found.add(new Found(d, false)));
        }
        long t0 = System.nanoTime();
        List<Detection> merged = merge(found);
        last = sum.withDecode(sum.decodeNanos() + System.nanoTime() - t0);
        return new FrameDetections(frame.index(), frame.ptsMillis(), frame.width(), frame.height(), merged);
    }

    /** A tile's detections in frame coordinates, each marked whether the tile's inner edge cuts it. */
    private static List<Found> placed(FrameDetections inTile, Tiling.Tile t, Frame frame) {
        List<Found> out = new ArrayList<>(inTile.detections().size());
        for (Detection d : inTile.detections()) {
            Box b = d.box();
            Box placed = new Box(b.x() + t.x(), b.y() + t.y(), b.w(), b.h());
            out.add(new Found(new Detection(placed, d.score(), d.label()), cutByInnerEdge(b, t, frame)));
        }
        return out;
    }

    /**
     * With several frames in flight allowed, a frame's tiles (and the whole frame) go through the runtime side by side,
     * as OpenVINO's streams take them, instead of one after another: two queues, one per picture size, so neither
     * recompiles between tiles and the whole frame. Each submit returns its own frame's detections.
     */
    @Override
    public DetectionQueue queue(int inFlight) {
        if (inFlight <= 1) {
            return DetectionQueue.oneAtATime(this);
        }
        DetectionQueue tiles = model.queue(tiling.columns() * tiling.rows());
        DetectionQueue whole = tiling.wholeFrame() ? model.queue(inFlight) : null;
        return new DetectionQueue.Immediate() {
            private StageTimes times = StageTimes.ZERO;

            @Override
            public List<FrameDetections> submit(Frame frame) {
                long t0 = System.nanoTime();
                List<Tiling.Tile> layout = tiling.tilesFor(frame.width(), frame.height());
                List<FrameDetections> inTiles = new ArrayList<>();
                for (Tiling.Tile t : layout) {
                    inTiles.addAll(tiles.submit(view(frame, t)));
                }
                List<FrameDetections> inWhole = whole == null ? List.of() : new ArrayList<>(whole.submit(frame));
                inTiles.addAll(tiles.drain());
                if (whole != null) {
                    inWhole.addAll(whole.drain());
                }
                long t1 = System.nanoTime();
                // Results come back in submission order: the i-th is the i-th tile's.
                List<Found> found = new ArrayList<>();
                for (int i = 0; i < layout.size(); i++) {
                    found.addAll(placed(inTiles.get(i), layout.get(i), frame));
                }
                inWhole.forEach(w -> w.detections().forEach(d -> found.add(new Found(d, false))));
                List<Detection> merged = merge(found);
                times = new StageTimes(0, t1 - t0, System.nanoTime() - t1);
                return List.of(new FrameDetections(frame.index(), frame.ptsMillis(), frame.width(), frame.height(), merged));
            }

            @Override
            public StageTimes lastTimes() {
                return times;
            }

            @Override
            public void close() {
                tiles.close();
                if (whole != null) {
                    whole.close();
                }
            }
        };
    }

    /** The tile as a frame of its own over the same pixel buffer. */
    static Frame view(Frame frame, Tiling.Tile t) {
        int offset = t.y() * frame.stride() + t.x() * 3;
        int length = (t.height() - 1) * frame.stride() + t.width() * 3;
        ByteBuffer pixels = frame.bgr().slice(offset, length);
        return new Frame(frame.index(), frame.ptsMillis(), t.width(), t.height(), frame.stride(), pixels);
    }

    /** Whether the box (tile coordinates) touches an edge of the tile that is not an edge of the frame. */
    private static boolean cutByInnerEdge(Box b, Tiling.Tile t, Frame frame) {
        return (t.x() > 0 && b.x() <= EDGE)
                || (t.y() > 0 && b.y() <= EDGE)
                || (t.right() < frame.width() && b.right() >= t.width() - EDGE)
                || (t.bottom() < frame.height() && b.bottom() >= t.height() - EDGE);
    }

    static List<Detection> merge(List<Found> found) {
        List<Found> order = new ArrayList<>(found);
        // Whole boxes first, so a cut box meets the whole one it belongs to; then by score.
        order.sort(Comparator.comparing(Found::cut).thenComparing(f -> -f.detection().score()));
        List<Found> kept = new ArrayList<>();
        for (Found f : order) {
            int into = absorbedBy(kept, f);
            if (into < 0) {
                kept.add(f);
            } else if (f.cut() && kept.get(into).cut()) {
                Found k = kept.get(into);
                Box u = union(k.detection().box(), f.detection().box());
                kept.set(into, new Found(new Detection(u, Math.max(k.detection().score(), f.detection().score()),
                        k.detection().label()), true));
            }
        }
        kept.sort(Comparator.comparing(f -> -f.detection().score()));
        return kept.stream().map(Found::detection).toList();
    }

    private static int absorbedBy(List<Found> kept, Found f) {
        Box b = f.detection().box();
        for (int i = 0; i < kept.size(); i++) {
            Found k = kept.get(i);
            Box kb = k.detection().box();
            if (kb.iou(b) > SAME_IOU) {
                return i;
            }
            if ((f.cut() || k.cut()) && intersectionOverSmaller(kb, b) > CUT_IOS) {
                return i;
            }
        }
        return -1;
    }

    static double intersectionOverSmaller(Box a, Box b) {
        double w = Math.min(a.right(), b.right()) - Math.max(a.x(), b.x());
        double h = Math.min(a.bottom(), b.bottom()) - Math.max(a.y(), b.y());
        if (w <= 0 || h <= 0) {
            return 0;
        }
        double smaller = Math.min(a.area(), b.area());
        return smaller <= 0 ? 0 : w * h / smaller;
    }

    private static Box union(Box a, Box b) {
        return Box.fromTlbr(Math.min(a.x(), b.x()), Math.min(a.y(), b.y()), Math.max(a.right(), b.right()),
                Math.max(a.bottom(), b.bottom()));
    }

    @Override
    public StageTimes lastTimes() {
        return last;
    }

    @Override
    public String describe() {
        return model.describe() + " tiles " + tiling;
    }

    @Override
    public void close() {
        model.close();
    }
}
