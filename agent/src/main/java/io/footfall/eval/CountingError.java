package io.footfall.eval;

/**
 * How far a run's crossings of one line are from the ground truth's. Immutable.
 *
 * @param line        the line's name
 * @param groundTruth crossings of the ground-truth tracks under the run's counting rules
 * @param run         crossings the run counted
 */
public record CountingError(String line, LineCount groundTruth, LineCount run) {

    /** Counted minus true IN crossings: positive means over-counted. */
    public int inError() {
        return run.in() - groundTruth.in();
    }

    /** Counted minus true OUT crossings. */
    public int outError() {
        return run.out() - groundTruth.out();
    }

    /** Counted minus true crossings either way. */
    public int countError() {
        return run.total() - groundTruth.total();
    }

    /** {@code |inError| + |outError|}: an in counted as an out costs 2, not 0. */
    public int absError() {
        return Math.abs(inError()) + Math.abs(outError());
    }
}
