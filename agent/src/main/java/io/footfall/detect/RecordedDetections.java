package io.footfall.detect;

import io.footfall.video.Frame;
import io.footfall.video.FrameSource;
import io.footfall.video.SourceInfo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A detector's output over a whole file, kept in memory so the tracker and counting can be run over it again and again
 * with other settings (a threshold sweep) without running the model again.
 *
 * <p>Replaying at a score {@code s} at or above the recording's {@link #minScore()} gives what the detector would have
 * reported at {@code s}: every decoder keeps boxes by score before a greedy, score-ordered suppression, and a box's fate
 * in that suppression depends only on boxes scoring higher, which a higher threshold keeps. Immutable once recorded.
 *
 * @param source   what the source said of itself
 * @param minScore the score the detector ran at: replays may only ask for this or more
 * @param detector the detector's {@link Detector#describe()}
 * @param frames   each decoded frame's detections, in decode order
 */
public record RecordedDetections(SourceInfo source, float minScore, String detector, List<FrameDetections> frames) {

    public RecordedDetections {
        Objects.requireNonNull(source, "source");
        frames = List.copyOf(frames);
    }

    /**
     * Runs {@code detector} (set to report down to {@code minScore}) over every frame of a file source.
     *
     * @param inFlight       frames in flight through the detector at once
     * @param afterEachFrame called after each frame, for progress
     */
    public static RecordedDetections record(FrameSource source, Detector detector, int inFlight, float minScore,
                                            Runnable afterEachFrame)
            throws IOException {
        if (source.info().live()) {
            throw new IllegalArgumentException("a live source has no end to record to: " + source.info().name());
        }
        List<FrameDetections> frames = new ArrayList<>();
        try (DetectionQueue queue = detector.queue(inFlight)) {
            queue.detectAll(source, Long.MAX_VALUE, (d, times) -> {
                frames.add(d);
                afterEachFrame.run();
            });
        }
        return new RecordedDetections(source.info(), minScore, detector.describe(), frames);
    }

    /**
     * The recorded detections that score at least {@code minScore}, as a detector for the frames of {@link #replayFrames()}.
     *
     * @throws IllegalArgumentException when {@code minScore} is below the recording's: those boxes were never kept
     */
    public Detector replay(float minScore) {
        if (minScore < this.minScore) {
            throw new IllegalArgumentException("detections were recorded down to score " + this.minScore + ", cannot replay at "
                    + minScore);
        }
        return new Replay(minScore);
    }

    /**
     * The recorded frames again, same indices, times and size, but blank: the replay detector answers from memory, so
     * nothing needs pixels unless annotated video or appearance is on, which a replayed run must leave off.
     */
    public FrameSource replayFrames() {
        return new BlankFrames();
    }

    private final class Replay implements Detector {
        private final float minScore;

        Replay(float minScore) {
            this.minScore = minScore;
        }

        @Override
        public FrameDetections detect(Frame frame) {
            if (frame.index() < 0 || frame.index() >= frames.size()) {
                throw new IllegalArgumentException("frame " + frame.index() + " was not recorded (" + frames.size() + " frames)");
            }
            FrameDetections recorded = frames.get((int) frame.index());
            List<Detection> kept = recorded.detections().stream().filter(d -> d.score() >= minScore).toList();
            return new FrameDetections(recorded.frame(), recorded.ptsMillis(), recorded.width(), recorded.height(), kept);
        }

        @Override
        public StageTimes lastTimes() {
            return StageTimes.ZERO;
        }

        @Override
        public String describe() {
            return "replay of " + detector + " at minScore " + minScore;
        }

        @Override
        public void close() {
        }
    }

    private final class BlankFrames implements FrameSource {
        private final ByteBuffer blank = ByteBuffer.allocateDirect(source.width() * source.height() * 3);
        private int next;

        @Override
        public SourceInfo info() {
            return source;
        }

        @Override
        public Frame next() {
            if (next >= frames.size()) {
                return null;
            }
            FrameDetections f = frames.get(next++);
            return new Frame(f.frame(), f.ptsMillis(), source.width(), source.height(), source.width() * 3, blank.duplicate());
        }

        @Override
        public void close() {
        }
    }
}
