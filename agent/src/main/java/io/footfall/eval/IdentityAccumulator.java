package io.footfall.eval;

import io.footfall.geometry.LinearAssignment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Identity measures (IDF1, IDP, IDR; Ristani et al. 2016) as {@code motmetrics.metrics.id_global_assignment}
 * computes them: every object id is paired with at most one hypothesis id for the whole sequence,
 * choosing the pairing that maximises the number of frames in which paired ids are within
 * matching distance (IDTP); every other box of an object is an IDFN, of a hypothesis an IDFP.
 *
 * <p>Not thread-safe: feed frames from one thread.
 */
final class IdentityAccumulator {

    /** Identity counts of a whole sequence. */
    record Result(int truePositives, int falsePositives, int falseNegatives) {
    }

    private final Map<Long, Integer> objectFrames = new HashMap<>();
    private final Map<Long, Integer> hypFrames = new HashMap<>();
    /** Frames in which the two ids lie within matching distance, by object id then hypothesis id. */
    private final Map<Long, Map<Long, Integer>> closeFrames = new HashMap<>();

    void update(long[] oids, long[] hids, double[][] dist) {
        for (long o : oids) {
            objectFrames.merge(o, 1, Integer::sum);
        }
        for (long h : hids) {
            hypFrames.merge(h, 1, Integer::sum);
        }
        for (int i = 0; i < oids.length; i++) {
            for (int j = 0; j < hids.length; j++) {
                if (!Double.isNaN(dist[i][j])) {
                    closeFrames.computeIfAbsent(oids[i], o -> new HashMap<>()).merge(hids[j], 1, Integer::sum);
                }
            }
        }
    }

    Result result() {
        int objectBoxes = objectFrames.values().stream().mapToInt(Integer::intValue).sum();
        int hypBoxes = hypFrames.values().stream().mapToInt(Integer::intValue).sum();
        int idtp = maxPairedCloseFrames();
        return new Result(idtp, hypBoxes - idtp, objectBoxes - idtp);
    }

    /**
     * The best one-to-one pairing of ids. Only ids that are ever close to another can gain
     * anything, so the problem is solved on those alone. Pairing (o, h) gains their close-frame
     * count; with cost {@code limit - gain} and the limit as the price of leaving a row and a
     * column unpaired, the cheapest assignment is the one with the largest total gain.
     */
    private int maxPairedCloseFrames() {
        List<Long> rows = new ArrayList<>(closeFrames.keySet());
        List<Long> cols = closeFrames.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();
        if (rows.isEmpty()) {
            return 0;
        }
        Map<Long, Integer> colIndex = new HashMap<>();
        for (int c = 0; c < cols.size(); c++) {
            colIndex.put(cols.get(c), c);
        }
        int maxGain = closeFrames.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).max().orElse(0);
        double limit = maxGain + 1;
        double[][] cost = new double[rows.size()][cols.size()];
        for (int r = 0; r < rows.size(); r++) {
            Arrays.fill(cost[r], Double.NaN);
            for (Map.Entry<Long, Integer> e : closeFrames.get(rows.get(r)).entrySet()) {
                cost[r][colIndex.get(e.getKey())] = limit - e.getValue();
            }
        }
        int total = 0;
        for (LinearAssignment.Match m : LinearAssignment.solve(cost, cols.size(), limit).matches()) {
            total += closeFrames.get(rows.get(m.row())).get(cols.get(m.col()));
        }
        return total;
    }
}
