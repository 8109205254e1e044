package io.footfall.pipeline;

import io.footfall.count.CountEvent;
import io.footfall.detect.StageTimes;

import java.util.List;
import java.util.Map;

/**
 * What one processed frame did, for a {@link PipelineObserver}. Immutable.
 *
 * @param frameIndex    the source's frame number
 * @param detector      time spent in the detector for this frame, by stage
 * @param activeTracks  confirmed tracks after this frame
 * @param zoneOccupancy people in each zone after this frame, by zone name
 * @param events        what the analytics emitted at this frame (crossings, zone entries and exits, aggregates)
 * @param steps         time spent in the stages after detection
 */
public record FrameStats(String cameraId, long frameIndex, StageTimes detector, int activeTracks,
                         Map<String, Integer> zoneOccupancy, List<CountEvent> events, StepTimes steps) {

    public FrameStats(String cameraId, long frameIndex, StageTimes detector, int activeTracks,
                      Map<String, Integer> zoneOccupancy, List<CountEvent> events) {
        this(cameraId, frameIndex, detector, activeTracks, zoneOccupancy, events, StepTimes.ZERO);
    }

    public FrameStats {
        java.util.Objects.requireNonNull(steps, "steps");
        zoneOccupancy = Map.copyOf(zoneOccupancy);
        events = List.copyOf(events);
    }

    /** The detector's whole time for this frame: preprocessing, inference and decoding. */
    public double detectorSeconds() {
        return (detector.preprocessNanos() + detector.inferNanos() + detector.decodeNanos()) / 1e9;
    }
}
