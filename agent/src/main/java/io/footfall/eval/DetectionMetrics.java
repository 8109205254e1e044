package io.footfall.eval;

import java.util.Locale;

/**
 * Detector scores against ground truth, identities ignored: a detection is a true positive when
 * it is paired with a ground-truth box of its frame at IoU >= 0.5. Ratios are NaN where their
 * denominator is 0. Immutable.
 *
 * @param gtCount        ground-truth boxes
 * @param detections     detections scored
 * @param truePositives  paired detections
 * @param falsePositives detections paired with nothing
 * @param misses         ground-truth boxes paired with nothing (false negatives)
 * @param precision      truePositives / detections
 * @param recall         truePositives / gtCount
 * @param meanIou        mean IoU of the pairs
 */
public record DetectionMetrics(int gtCount, int detections, int truePositives, int falsePositives, int misses,
                               double precision, double recall, double meanIou) {

    /** F1 score, the harmonic mean of precision and recall. */
    public double f1() {
        return 2.0 * truePositives / (gtCount + detections);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "precision=%.3f recall=%.3f F1=%.3f TP=%d FP=%d FN=%d GT=%d detections=%d meanIoU=%.3f",
                precision, recall, f1(), truePositives, falsePositives, misses, gtCount, detections, meanIou);
    }
}
