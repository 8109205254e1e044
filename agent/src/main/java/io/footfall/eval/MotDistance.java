package io.footfall.eval;

import io.footfall.geometry.Box;
import java.util.List;
import java.util.function.Function;

/**
 * The distance py-motmetrics matches with: {@code 1 - IoU}, and NaN ("may not pair") when it is
 * above 0.5, i.e. when IoU < 0.5 ({@code motmetrics.distances.iou_matrix(max_iou=0.5)}). The
 * arithmetic follows {@code boxiou} step by step so that borderline pairs fall on the same side.
 */
final class MotDistance {

    /** Largest distance that may still pair: IoU 0.5. */
    static final double MAX = 0.5;

    private MotDistance() {
    }

    static double of(Box a, Box b) {
        double aMaxX = a.x() + a.w();
        double aMaxY = a.y() + a.h();
        double bMaxX = b.x() + b.w();
        double bMaxY = b.y() + b.h();
        double iw = Math.max(Math.min(aMaxX, bMaxX) - Math.max(a.x(), b.x()), 0);
        double ih = Math.max(Math.min(aMaxY, bMaxY) - Math.max(a.y(), b.y()), 0);
        double inter = iw * ih;
        double aVol = Math.max(aMaxX - a.x(), 0) * Math.max(aMaxY - a.y(), 0);
        double bVol = Math.max(bMaxX - b.x(), 0) * Math.max(bMaxY - b.y(), 0);
        double iou = inter == 0 ? 0 : inter / (aVol + bVol - inter);
        double d = 1 - iou;
        return d > MAX ? Double.NaN : d;
    }

    /** {@code d[i][j]} between ground-truth box i and hypothesis box j. */
    static <G, H> double[][] matrix(List<G> gt, Function<G, Box> gtBox, List<H> hyp, Function<H, Box> hypBox) {
        double[][] d = new double[gt.size()][hyp.size()];
        for (int i = 0; i < d.length; i++) {
            Box g = gtBox.apply(gt.get(i));
            for (int j = 0; j < hyp.size(); j++) {
                d[i][j] = of(g, hypBox.apply(hyp.get(j)));
            }
        }
        return d;
    }
}
