package io.footfall.bench;

import com.fasterxml.jackson.databind.ObjectReader;
import io.footfall.count.AnalyticsConfig;
import io.footfall.count.CameraAnalytics;
import io.footfall.count.CountLine;
import io.footfall.geometry.Box;
import io.footfall.detect.Detection;
import io.footfall.detect.FrameDetections;
import io.footfall.eval.MotChallengeFormat;
import io.footfall.schema.TrackBox;
import io.footfall.schema.DetectionsLine;
import io.footfall.json.Json;
import io.footfall.track.ByteTracker;
import io.footfall.track.TrackedFrame;
import io.footfall.track.TrackedObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Footfall's tracker (default settings) on the detections {@code footfall detect} saved, so it can be
 * compared with another tracker fed the very same file ({@code scripts/eval/supervision_track.py}); also
 * times tracker + analytics per frame on those real detections.
 *
 * <p>Run: {@code java -cp agent/target/classes:agent/target/test-classes:$(cat cp.txt)
 * io.footfall.bench.TrackerReplay DETS.jsonl WIDTH HEIGHT OUT_MOT.txt [x1,y1,x2,y2]}; writes the confirmed
 * tracks as a MOTChallenge result file (score it with {@code footfall eval --tracks OUT_MOT.txt}) and prints
 * the time per frame, best of several passes after a warm-up.
 */
public final class TrackerReplay {
    private static final int PASSES = 5;
    private static final long WARM_UP_NANOS = 3_000_000_000L;

    private TrackerReplay() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: TrackerReplay DETS.jsonl WIDTH HEIGHT OUT_MOT.txt [x1,y1,x2,y2]");
            System.exit(2);
        }
        List<FrameDetections> frames = read(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        List<CountLine> lines = args.length > 4 ? List.of(CountLine.parse("line", args[4])) : List.of();

        List<TrackBox> tracks = new ArrayList<>();
        for (TrackedFrame f : pass(frames, lines)) {
            for (TrackedObject o : f.confirmed()) {
                tracks.add(new TrackBox(f.frame(), o.id().value(), o.box()));
            }
        }
        MotChallengeFormat.writeTracks(Path.of(args[3]), tracks);

        int detections = frames.stream().mapToInt(f -> f.detections().size()).sum();
        long until = System.nanoTime() + WARM_UP_NANOS;
        while (System.nanoTime() < until) {
            pass(frames, lines);
        }
        int repeats = Math.max(1, 20_000 / frames.size());
        double best = Double.MAX_VALUE;
        for (int p = 0; p < PASSES; p++) {
            long t0 = System.nanoTime();
            for (int r = 0; r < repeats; r++) {
                pass(frames, lines);
            }
            best = Math.min(best, (System.nanoTime() - t0) / 1e3 / repeats / frames.size());
        }
        System.out.printf("frames=%d detections_per_frame=%.1f tracks=%d boxes=%d micros_per_frame=%.1f (tracker+analytics, best of %d)%n",
                frames.size(), detections / (double) frames.size(), tracks.stream().mapToLong(TrackBox::trackId).distinct().count(),
                tracks.size(), best, PASSES);
    }

    private static List<TrackedFrame> pass(List<FrameDetections> frames, List<CountLine> lines) {
        ByteTracker tracker = new ByteTracker();
        CameraAnalytics analytics = new CameraAnalytics("bench", "cam", lines, List.of(), AnalyticsConfig.defaults(), Instant.EPOCH);
        List<TrackedFrame> out = new ArrayList<>(frames.size());
        for (FrameDetections d : frames) {
            TrackedFrame f = tracker.update(d);
            analytics.accept(f);
            out.add(f);
        }
        analytics.finish(frames.get(frames.size() - 1).ptsMillis());
        return out;
    }

    private static List<FrameDetections> read(Path file, int width, int height) throws IOException {
        return DetectionsLine.read(file).stream()
                .map(l -> new FrameDetections(l.frame(), l.ptsMillis(), width, height, l.toDetections())).toList();
    }
}
