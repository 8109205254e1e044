package io.footfall.detect;

import io.footfall.geometry.Box;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Non-maximum suppression. Stateless. */
public final class Nms {

    /** A box before suppression. */
    public record Candidate(Box box, float score, int classIndex) {
    }

    private Nms() {
    }

    /**
     * Keeps, within each class, the highest-scoring boxes that overlap no kept box of the same class
     * by more than {@code iouThreshold}. Result ordered by descending score; ties keep input order.
     */
    public static List<Candidate> classAware(List<Candidate> candidates, float iouThreshold) {
        List<Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble((Candidate c) -> c.score()).reversed());
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : sorted) {
            boolean suppressed = false;
            for (Candidate k : kept) {
                if (k.classIndex() == c.classIndex() && k.box().iou(c.box()) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(c);
            }
        }
        return kept;
    }
}
