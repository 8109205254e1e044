package io.footfall.eval;

import io.footfall.geometry.LinearAssignment;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * CLEAR-MOT event counting, frame by frame, as {@code motmetrics.MOTAccumulator.update} does it
 * with its defaults (no switch time limit):
 * <ol>
 * <li>an object still paired with the hypothesis it was last paired with keeps it when their
 *     distance is valid (a MATCH);</li>
 * <li>the remaining objects and hypotheses are paired by {@link FrameAssignment}; a pair whose
 *     object was last paired with another hypothesis is a SWITCH, otherwise a MATCH;</li>
 * <li>objects left over are misses, hypotheses left over false positives.</li>
 * </ol>
 * The last pairing of an object is remembered across frames where it is absent.
 *
 * <p>Not thread-safe: feed frames in ascending order from one thread.
 */
final class ClearMotAccumulator {

    private final Map<Long, Long> lastHypOfObject = new HashMap<>();
    private int objects;
    private int hypotheses;
    private int matches;
    private int switches;
    private int misses;
    private int falsePositives;
    private double distanceSum;

    /**
     * @param oids object ids present in the frame
     * @param hids hypothesis ids present in the frame
     * @param dist {@code dist[i][j]} between object i and hypothesis j, NaN where they may not pair
     */
    void update(long[] oids, long[] hids, double[][] dist) {
        objects += oids.length;
        hypotheses += hids.length;
        boolean[] objectPaired = new boolean[oids.length];
        boolean[] hypPaired = new boolean[hids.length];
        if (oids.length > 0 && hids.length > 0) {
            keepPreviousPairs(oids, hids, dist, objectPaired, hypPaired);
            pairTheRest(oids, hids, dist, objectPaired, hypPaired);
        }
        misses += countFalse(objectPaired);
        falsePositives += countFalse(hypPaired);
    }

    private void keepPreviousPairs(long[] oids, long[] hids, double[][] dist, boolean[] objectPaired, boolean[] hypPaired) {
        for (int i = 0; i < oids.length; i++) {
            Long previous = lastHypOfObject.get(oids[i]);
            if (previous == null) {
                continue;
            }
            int j = firstUnpaired(hids, hypPaired, previous);
            if (j >= 0 && !Double.isNaN(dist[i][j])) {
                objectPaired[i] = true;
                hypPaired[j] = true;
                matches++;
                distanceSum += dist[i][j];
            }
        }
    }

    private void pairTheRest(long[] oids, long[] hids, double[][] dist, boolean[] objectPaired, boolean[] hypPaired) {
        int[] rows = indicesOf(objectPaired);
        int[] cols = indicesOf(hypPaired);
        if (rows.length == 0 || cols.length == 0) {
            return;
        }
        double[][] sub = new double[rows.length][cols.length];
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < cols.length; c++) {
                sub[r][c] = dist[rows[r]][cols[c]];
            }
        }
        for (LinearAssignment.Match m : FrameAssignment.solve(sub)) {
            int i = rows[m.row()];
            int j = cols[m.col()];
            Long previous = lastHypOfObject.put(oids[i], hids[j]);
            if (previous != null && previous != hids[j]) {
                switches++;
            } else {
                matches++;
            }
            distanceSum += dist[i][j];
            objectPaired[i] = true;
            hypPaired[j] = true;
        }
    }

    private static int firstUnpaired(long[] hids, boolean[] hypPaired, long hid) {
        for (int j = 0; j < hids.length; j++) {
            if (!hypPaired[j] && hids[j] == hid) {
                return j;
            }
        }
        return -1;
    }

    private static int[] indicesOf(boolean[] paired) {
        return IntStream.range(0, paired.length).filter(i -> !paired[i]).toArray();
    }

    private static int countFalse(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 0 : 1;
        }
        return n;
    }

    int objects() {
        return objects;
    }

    int hypotheses() {
        return hypotheses;
    }

    /** Pairs that continued an object's previous pairing or made its first one (motmetrics' num_matches). */
    int matches() {
        return matches;
    }

    int switches() {
        return switches;
    }

    int misses() {
        return misses;
    }

    int falsePositives() {
        return falsePositives;
    }

    /** Sum of {@code 1 - IoU} over matches and switches. */
    double distanceSum() {
        return distanceSum;
    }
}
