package io.footfall.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Annotated boxes of one video, grouped by frame, with the sequence description when the format
 * has one. At most one box per object per frame.
 *
 * <p>Immutable and thread-safe.
 */
public final class GroundTruth {

    private final List<GtBox> boxes;
    private final NavigableMap<Long, List<GtBox>> byFrame;
    private final SequenceInfo info;

    private GroundTruth(List<GtBox> boxes, SequenceInfo info) {
        List<GtBox> sorted = new ArrayList<>(boxes);
        // Stable sort: within a frame, boxes keep their file order (motmetrics keeps it too).
        sorted.sort(Comparator.comparingLong(GtBox::frame));
        NavigableMap<Long, List<GtBox>> frames = new TreeMap<>();
        Set<List<Long>> seen = new HashSet<>();
        for (GtBox b : sorted) {
            if (!seen.add(List.of(b.frame(), b.objectId()))) {
                throw new IllegalArgumentException(
                        "object " + b.objectId() + " appears twice in frame " + b.frame());
            }
            frames.computeIfAbsent(b.frame(), f -> new ArrayList<>()).add(b);
        }
        frames.replaceAll((f, list) -> List.copyOf(list));
        this.boxes = List.copyOf(sorted);
        this.byFrame = Collections.unmodifiableNavigableMap(frames);
        this.info = info;
    }

    /** Ground truth from boxes in any order; throws if an object appears twice in one frame. */
    public static GroundTruth of(Collection<GtBox> boxes) {
        return new GroundTruth(List.copyOf(boxes), null);
    }

    /** As {@link #of(Collection)}, with the sequence description. */
    public static GroundTruth of(Collection<GtBox> boxes, SequenceInfo info) {
        return new GroundTruth(List.copyOf(boxes), info);
    }

    /** All boxes, by frame, file order within a frame. */
    public List<GtBox> boxes() {
        return boxes;
    }

    /** Boxes of one frame; empty when the frame has none. */
    public List<GtBox> inFrame(long frame) {
        return byFrame.getOrDefault(frame, List.of());
    }

    /** Boxes by frame, ascending; frames without boxes are absent. */
    public NavigableMap<Long, List<GtBox>> byFrame() {
        return byFrame;
    }

    /** Distinct object ids, ascending. */
    public SortedSet<Long> objectIds() {
        SortedSet<Long> ids = new TreeSet<>();
        boxes.forEach(b -> ids.add(b.objectId()));
        return Collections.unmodifiableSortedSet(ids);
    }

    public int size() {
        return boxes.size();
    }

    /** The sequence description ({@code seqinfo.ini}), when one was read. */
    public Optional<SequenceInfo> info() {
        return Optional.ofNullable(info);
    }

    /** This ground truth without the boxes at or after {@code frameCount} (annotations past the video's end). */
    public GroundTruth clipped(long frameCount) {
        if (byFrame.isEmpty() || byFrame.lastKey() < frameCount) {
            return this;
        }
        return new GroundTruth(boxes.stream().filter(b -> b.frame() < frameCount).toList(), info);
    }
}
