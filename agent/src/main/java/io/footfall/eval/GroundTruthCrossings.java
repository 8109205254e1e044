package io.footfall.eval;

import io.footfall.schema.TrackBox;
import io.footfall.config.CameraConfig;
import io.footfall.count.AnalyticsConfig;
import io.footfall.count.CameraAnalytics;
import io.footfall.count.CountEvent;
import io.footfall.count.CountLine;
import io.footfall.count.Direction;
import io.footfall.count.LineCrossing;
import io.footfall.track.TrackId;
import io.footfall.track.TrackState;
import io.footfall.track.TrackedFrame;
import io.footfall.track.TrackedObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The line crossings that annotated (or any other identity-labelled) boxes make under a camera's
 * counting rules: the boxes are replayed as tracker output through the very {@link CameraAnalytics}
 * a run uses, so ground truth and run are counted by the same hysteresis, cancel window and anchor.
 *
 * <p>Replay rules: each frame's boxes become {@link TrackState#CONFIRMED} objects whose {@link TrackId}
 * is the box's id; an id is reported {@code ended} in the frame after its last box (a gap in the middle
 * of an id's boxes is like a tracker coasting); frame {@code n} is at {@code ptsMillis = n·1000/fps}.
 *
 * <p>Stateless and thread-safe.
 */
public final class GroundTruthCrossings {

    private static final String DEVICE = "eval";

    private GroundTruthCrossings() {
    }

    /**
     * Crossings of each of the camera's lines, in configuration order, by the ground-truth objects.
     *
     * @param video the video the boxes annotate: frame size, fps and length (boxes from later frames are left out)
     * @throws IllegalArgumentException when the video's fps or size is not positive
     */
    public static List<LineCount> count(GroundTruth gt, CameraConfig camera, AnalyticsConfig rules, SequenceInfo video) {
        return ofTracks(gt.boxes().stream().map(b -> new TrackBox(b.frame(), b.objectId(), b.box())).toList(),
                camera, rules, video);
    }

    /** As {@link #count}, for tracker output (e.g. another tracker's result file) instead of ground truth. */
    public static List<LineCount> ofTracks(List<TrackBox> boxes, CameraConfig camera, AnalyticsConfig rules,
                                           SequenceInfo video) {
        if (!(video.fps() > 0) || video.width() <= 0 || video.height() <= 0) {
            throw new IllegalArgumentException("replaying tracks needs a positive fps and frame size, got "
                    + video.fps() + " fps, " + video.width() + "x" + video.height());
        }
        long frames = video.length();
        Map<Long, List<TrackBox>> byFrame = new TreeMap<>();
        Map<Long, Long> lastFrame = new HashMap<>();
        for (TrackBox b : boxes) {
            if (b.frame() < frames) {
                byFrame.computeIfAbsent(b.frame(), f -> new ArrayList<>()).add(b);
                lastFrame.merge(b.trackId(), b.frame(), Math::max);
            }
        }
        Map<Long, List<TrackId>> endedAt = new HashMap<>();
        lastFrame.forEach((id, last) -> endedAt.computeIfAbsent(last + 1, f -> new ArrayList<>()).add(new TrackId(id)));

        Map<String, int[]> counts = new LinkedHashMap<>();
        camera.lines().forEach(l -> counts.put(l.name(), new int[2]));
        CameraAnalytics analytics = new CameraAnalytics(DEVICE, camera.id(), camera.lines(), camera.zones(), rules,
                Instant.EPOCH);
        for (long f = 0; f < frames; f++) {
            List<TrackedObject> objects = byFrame.getOrDefault(f, List.of()).stream()
                    .sorted(Comparator.comparingLong(TrackBox::trackId))
                    .map(b -> new TrackedObject(new TrackId(b.trackId()), b.box(), 1f, TrackState.CONFIRMED))
                    .toList();
            List<TrackId> ended = endedAt.getOrDefault(f, List.of()).stream().sorted().toList();
            tally(analytics.accept(new TrackedFrame(f, pts(f, video.fps()), video.width(), video.height(), objects, ended)),
                    counts);
        }
        tally(analytics.finish(pts(Math.max(frames - 1, 0), video.fps())), counts);

        List<LineCount> out = new ArrayList<>();
        for (CountLine l : camera.lines()) {
            int[] c = counts.get(l.name());
            out.add(new LineCount(l.name(), c[0], c[1]));
        }
        return out;
    }

    private static long pts(long frame, double fps) {
        return Math.round(frame * 1000.0 / fps);
    }

    private static void tally(List<CountEvent> events, Map<String, int[]> counts) {
        for (CountEvent e : events) {
            if (e instanceof LineCrossing c) {
                counts.get(c.line())[c.direction() == Direction.IN ? 0 : 1]++;
            }
        }
    }
}
