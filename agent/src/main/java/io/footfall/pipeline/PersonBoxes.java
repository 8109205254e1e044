package io.footfall.pipeline;

import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import io.footfall.geometry.Box;
import io.footfall.track.TrackedFrame;
import io.footfall.track.TrackedObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Every box of one frame that may hold a person, for anonymisation: all the detector's boxes (low scores
 * included, as the tracker's second pass takes them for people too) and every track's box, the coasting
 * ones included, whose prediction still covers a person the detector missed for a moment. Overlaps are
 * kept: hiding an area twice costs little, missing a face is the failure that matters.
 */
public final class PersonBoxes {
    private PersonBoxes() {
    }

    public static List<Box> of(FrameDetections detections, TrackedFrame tracked) {
        List<Box> out = new ArrayList<>(detections.detections().size() + tracked.objects().size());
        for (Detection d : detections.detections()) {
            out.add(d.box());
        }
        for (TrackedObject o : tracked.objects()) {
            out.add(o.box());
        }
        return out;
    }
}
