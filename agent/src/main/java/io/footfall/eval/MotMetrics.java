package io.footfall.eval;

import java.util.Locale;

/**
 * Tracking scores of one sequence, defined as py-motmetrics 1.4.0 defines them (IoU matching,
 * a pair needs IoU >= 0.5). Ratios are NaN where their denominator is 0 (e.g. precision with no
 * hypotheses), as in motmetrics. Immutable.
 *
 * @param mota             1 - (misses + idSwitches + falsePositives) / gtCount
 * @param motp             mean distance {@code 1 - IoU} over matched pairs (motmetrics' convention:
 *                         lower is better, 0 = perfect overlap)
 * @param idf1             2 IDTP / (gtCount + predictions)
 * @param idp              IDTP / (IDTP + IDFP)
 * @param idr              IDTP / (IDTP + IDFN)
 * @param idSwitches       pairs whose object was last paired with another hypothesis
 * @param falsePositives   hypothesis boxes paired with no object
 * @param misses           object boxes paired with no hypothesis (false negatives)
 * @param gtCount          ground-truth boxes
 * @param matches          pairs that are not switches (motmetrics' {@code num_matches})
 * @param precision        (matches + idSwitches) / predictions
 * @param recall           (matches + idSwitches) / gtCount
 * @param predictions      hypothesis boxes
 * @param idTruePositives  IDTP, boxes paired under the global one-to-one id pairing
 * @param idFalsePositives IDFP
 * @param idFalseNegatives IDFN
 */
public record MotMetrics(double mota, double motp, double idf1, double idp, double idr, int idSwitches,
                         int falsePositives, int misses, int gtCount, int matches, double precision, double recall,
                         int predictions, int idTruePositives, int idFalsePositives, int idFalseNegatives) {

    /** Column names of {@link #tableRow()}, aligned with it. */
    public static String tableHeader() {
        return String.format(Locale.ROOT, "%7s %6s %6s %6s %6s %6s %6s %5s %6s %6s %6s %6s",
                "MOTA", "MOTP", "IDF1", "IDP", "IDR", "Prcn", "Rcll", "IDSW", "FP", "FN", "GT", "Match");
    }

    /**
     * One fixed-width line, MOTA to IDR, precision and recall as percentages with one decimal; a ratio that is
     * undefined (nothing to divide by, e.g. no tracks) is {@code -}, never NaN or -Infinity.
     */
    public String tableRow() {
        return String.format(Locale.ROOT, "%7s %6s %6s %6s %6s %6s %6s %5d %6d %6d %6d %6d",
                percent(mota), percent(motp), percent(idf1), percent(idp), percent(idr), percent(precision), percent(recall),
                idSwitches, falsePositives, misses, gtCount, matches);
    }

    private static String percent(double ratio) {
        return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.1f%%", 100 * ratio) : "-";
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "MOTA=%.3f MOTP=%.3f IDF1=%.3f IDP=%.3f IDR=%.3f IDSW=%d FP=%d FN=%d GT=%d matches=%d precision=%.3f recall=%.3f",
                mota, motp, idf1, idp, idr, idSwitches, falsePositives, misses, gtCount, matches, precision, recall);
    }
}
