package io.footfall.detect;

import io.footfall.video.Frame;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answers each frame with detections recorded earlier for the same frame index (a {@code footfall detect} output), so a
 * run can be counted again with other lines, zones or tracker settings without the model, and gives the same detections
 * on any CPU: inference results differ slightly between CPU families, a recording does not.
 */
public final class ReplayDetector implements Detector {
    private final String recording;
    private final Map<Long, List<Detection>> byFrame;
    private final long frames;
    private final float minScore;

    /**
     * @param recording what was replayed, for logs and errors (the file)
     * @param byFrame   each recorded frame's detections, by 0-based decode index
     * @param minScore  detections scoring below this are dropped, as a detector at this threshold would have
     */
    public ReplayDetector(String recording, Map<Long, List<Detection>> byFrame, float minScore) {
        this.recording = Objects.requireNonNull(recording, "recording");
        this.byFrame = Map.copyOf(byFrame);
        this.frames = byFrame.keySet().stream().mapToLong(Long::longValue).max().orElse(-1) + 1;
        this.minScore = minScore;
    }

    @Override
    public FrameDetections detect(Frame frame) {
        List<Detection> recorded = byFrame.get(frame.index());
        if (recorded == null) {
            throw new DetectionException(recording + " has no detections for frame " + frame.index() + " (it holds frames 0.."
                    + (frames - 1) + "); it was recorded from another source, or cut short");
        }
        List<Detection> kept = recorded.stream().filter(d -> d.score() >= minScore).toList();
        return new FrameDetections(frame.index(), frame.ptsMillis(), frame.width(), frame.height(), kept);
    }

    @Override
    public StageTimes lastTimes() {
        return StageTimes.ZERO;
    }

    @Override
    public String describe() {
        return "replay of " + recording + (minScore > 0 ? " at minScore " + minScore : "");
    }

    @Override
    public void close() {
    }
}
