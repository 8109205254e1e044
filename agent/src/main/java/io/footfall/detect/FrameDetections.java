package io.footfall.detect;

import java.util.List;

/** What the detector found in one frame: the record handed from the detector to the tracker. */
public record FrameDetections(long frame, long ptsMillis, int width, int height, List<Detection> detections) {
    public FrameDetections {
        detections = List.copyOf(detections);
    }
}
