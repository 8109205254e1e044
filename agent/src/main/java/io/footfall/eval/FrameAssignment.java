package io.footfall.eval;

import io.footfall.geometry.LinearAssignment;
import java.util.List;

/**
 * One frame's optimal pairing as py-motmetrics makes it ({@code lap.linear_sum_assignment} with
 * NaN pairs replaced by a prohibitive cost): first as many valid pairs as possible, then the
 * smallest total distance among those.
 */
final class FrameAssignment {

    private FrameAssignment() {
    }

    /**
     * @param dist distances, NaN where a pair may not be made; every value in [0, {@link MotDistance#MAX}]
     * @return the pairs, by row and column
     */
    static List<LinearAssignment.Match> solve(double[][] dist) {
        int rows = dist.length;
        int cols = rows == 0 ? 0 : dist[0].length;
        // Leaving a row and a column unpaired costs the limit; a pair costs at most MAX. With
        // limit > MAX * min(rows, cols), one more pair always beats any saving in distance, which
        // is what motmetrics' prohibitive NaN cost achieves.
        double limit = MotDistance.MAX * Math.min(rows, cols) + 1;
        return LinearAssignment.solve(dist, cols, limit).matches();
    }
}
