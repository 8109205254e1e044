package io.footfall.track;

import io.footfall.geometry.Box;
import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import java.util.List;

/** Builders of synthetic detector output for tracker tests. */
final class Scenes {
    static final int WIDTH = 1280;
    static final int HEIGHT = 720;

    private Scenes() {
    }

    static Detection person(double x, double y, float score) {
        return new Detection(new Box(x, y, 60, 160), score, "person");
    }

    static FrameDetections frame(long index, long ptsMillis, Detection... detections) {
        return new FrameDetections(index, ptsMillis, WIDTH, HEIGHT, List.of(detections));
    }

    /** Presentation time of frame {@code index} at {@code fps}. */
    static long pts(long index, int fps) {
        return index * 1000 / fps;
    }
}
