package io.footfall.geometry;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class LinearAssignmentTest {

    @Test
    void picksTheCheaperPairingNotTheGreedyOne() {
        // Greedy would take (0,0)=1 first and then be forced into (1,1)=10: total 11. Optimal is 2+3=5.
        double[][] cost = {{1, 2}, {3, 10}};
        var r = LinearAssignment.solve(cost, 100);
        assertThat(r.matches()).containsExactly(new LinearAssignment.Match(0, 1), new LinearAssignment.Match(1, 0));
    }

    @Test
    void pairsAboveTheLimitStayUnmatched() {
        double[][] cost = {{0.9, 0.95}, {0.2, 0.99}};
        var r = LinearAssignment.solve(cost, 0.8);
        assertThat(r.matches()).containsExactly(new LinearAssignment.Match(1, 0));
        assertThat(r.unmatchedRows()).containsExactly(0);
        assertThat(r.unmatchedCols()).containsExactly(1);
    }

    @Test
    void emptyAndRectangularInputs() {
        var none = LinearAssignment.solve(new double[0][], 3, 1);
        assertThat(none.matches()).isEmpty();
        assertThat(none.unmatchedCols()).containsExactly(0, 1, 2);
        var r = LinearAssignment.solve(new double[][]{{0.5, 0.1, 0.7}}, 1);
        assertThat(r.matches()).containsExactly(new LinearAssignment.Match(0, 1));
        assertThat(r.unmatchedCols()).containsExactly(0, 2);
    }

    @Test
    void matchesBruteForceOnRandomMatrices() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rnd.nextInt(5);
            int m = 1 + rnd.nextInt(5);
            double limit = 0.3 + rnd.nextDouble() * 0.7;
            double[][] c = new double[n][m];
            for (double[] row : c) {
                for (int j = 0; j < m; j++) {
                    row[j] = rnd.nextDouble();
                }
            }
            var r = LinearAssignment.solve(c, limit);
            double got = objective(c, r, limit);
            assertThat(got).isCloseTo(bruteForce(c, 0, new boolean[m], limit), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /** Each unmatched row and column costs limit/2, as in the solver's extension. */
    private static double objective(double[][] c, LinearAssignment.Result r, double limit) {
        double s = 0;
        for (var mt : r.matches()) {
            s += c[mt.row()][mt.col()];
        }
        return s + (r.unmatchedRows().length + r.unmatchedCols().length) * limit / 2;
    }

    private static double bruteForce(double[][] c, int row, boolean[] used, double limit) {
        if (row == c.length) {
            int free = 0;
            for (boolean u : used) {
                free += u ? 0 : 1;
            }
            return free * limit / 2;
        }
        double best = limit / 2 + bruteForce(c, row + 1, used, limit);
        for (int j = 0; j < used.length; j++) {
            if (!used[j] && c[row][j] <= limit) {
                used[j] = true;
                best = Math.min(best, c[row][j] + bruteForce(c, row + 1, used, limit));
                used[j] = false;
            }
        }
        return best;
    }
}
