package io.footfall.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Minimum-cost assignment between rows and columns (Hungarian method with potentials, O(n³)),
 * with a cost limit: a pair costing more than the limit is never made, and its row and column stay
 * unmatched, as {@code lap.lapjv(cost, extend_cost=True, cost_limit=limit)} does in ByteTrack.
 *
 * <p>Deterministic: the same matrix always gives the same pairs. Stateless and thread-safe.
 */
public final class LinearAssignment {

    /** One matched pair, by row and column index. */
    public record Match(int row, int col) {
    }

    /** Pairs, and the rows and columns left without a partner, each in ascending order. */
    public record Result(List<Match> matches, int[] unmatchedRows, int[] unmatchedCols) {
    }

    private LinearAssignment() {
    }

    /**
     * Solves the assignment.
     *
     * @param cost  {@code cost[row][col]}; rows may be empty; every row the same length
     * @param limit pairs with a cost above this are not made
     */
    public static Result solve(double[][] cost, double limit) {
        if (cost.length == 0) {
            throw new IllegalArgumentException("a matrix with no rows has no column count: use solve(cost, cols, limit)");
        }
        return solve(cost, cost[0].length, limit);
    }

    /**
     * Solves the assignment of a {@code cost.length x cols} matrix; with no rows every column is
     * unmatched, which {@link #solve(double[][], double)} cannot know.
     */
    public static Result solve(double[][] cost, int cols, double limit) {
        int rows = cost.length;
        if (rows == 0 || cols == 0) {
            return new Result(List.of(), range(rows), range(cols));
        }
        // Square extension: row i may pair with the dummy column cols+i at limit/2, column j with
        // the dummy row rows+j at limit/2; a real pair wins only when cheaper than both dummies.
        int n = rows + cols;
        double big = limit * 2 + 1;
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double c;
                if (i < rows && j < cols) {
                    double v = cost[i][j];
                    c = (Double.isNaN(v) || v > limit) ? big : v;
                } else if (i < rows) {
                    c = (j - cols == i) ? limit / 2 : big;
                } else if (j < cols) {
                    c = (i - rows == j) ? limit / 2 : big;
                } else {
                    c = 0;
                }
                a[i][j] = c;
            }
        }
        int[] colOfRow = hungarian(a);
        List<Match> matches = new ArrayList<>();
        boolean[] rowUsed = new boolean[rows];
        boolean[] colUsed = new boolean[cols];
        for (int i = 0; i < rows; i++) {
            int j = colOfRow[i];
            if (j < cols && cost[i][j] <= limit) {
                matches.add(new Match(i, j));
                rowUsed[i] = true;
                colUsed[j] = true;
            }
        }
        return new Result(List.copyOf(matches), unused(rowUsed), unused(colUsed));
    }

    /** Square Hungarian: returns the column assigned to each row. */
    private static int[] hungarian(double[][] a) {
        int n = a.length;
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] p = new int[n + 1];
        int[] way = new int[n + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[n + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[n + 1];
            do {
                used[j0] = true;
                int i0 = p[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = a[i0 - 1][j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[p[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (p[j0] != 0);
            do {
                int j1 = way[j0];
                p[j0] = p[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] colOfRow = new int[n];
        for (int j = 1; j <= n; j++) {
            colOfRow[p[j] - 1] = j - 1;
        }
        return colOfRow;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    private static int[] unused(boolean[] used) {
        return java.util.stream.IntStream.range(0, used.length).filter(i -> !used[i]).toArray();
    }
}
