package io.footfall.pipeline;

import io.footfall.annotate.FrameAnnotator;
import io.footfall.annotate.Overlay;
import io.footfall.config.CameraConfig;
import io.footfall.config.ClipPolicy;
import io.footfall.config.PrivacyPolicy;
import io.footfall.count.AnalyticsConfig;
import io.footfall.count.CameraAnalytics;
import io.footfall.count.CountEvent;
import io.footfall.count.CountLine;
import io.footfall.count.LineTally;
import io.footfall.count.Zone;
import io.footfall.detect.Detector;
import io.footfall.detect.FrameDetections;
import io.footfall.track.ByteTracker;
import io.footfall.track.TrackIdSequence;
import io.footfall.track.TrackedFrame;
import io.footfall.track.TrackedObject;
import io.footfall.track.TrackerConfig;
import io.footfall.video.Frame;
import io.footfall.video.FrameSource;
import io.footfall.video.SourceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One camera's whole path: source → detector → tracker → analytics → sink, with annotated video on the
 * side. Runs on the calling thread (decoding runs on its own, see {@link FrameHandoff}).
 */
public final class CameraPipeline {
    private static final Logger log = LoggerFactory.getLogger(CameraPipeline.class);
    private static final int HANDOFF_CAPACITY = 4;

    /** What one camera's run did. */
    public record Summary(String cameraId, SourceInfo source, Instant start, long frames, long droppedFrames, Map<String, LineTally> lines,
                          long events, List<ClipRef> clips, double fps) {
    }

    private final String deviceId;
    private final CameraConfig camera;
    private final TrackerConfig trackerConfig;
    private final AnalyticsConfig analyticsConfig;
    private final ClipPolicy clips;
    private final PrivacyPolicy privacy;
    private final Path clipFolder;
    private final Optional<Path> trackLog;

    /**
     * @param privacy  how people are anonymised in every annotated frame
     * @param trackLog where to write every confirmed track box as a MOTChallenge result file, for
     *                 {@code footfall eval}; empty to skip
     */
    public CameraPipeline(String deviceId, CameraConfig camera, TrackerConfig trackerConfig, AnalyticsConfig analyticsConfig,
                          ClipPolicy clips, PrivacyPolicy privacy, Path clipFolder, Optional<Path> trackLog) {
        this.privacy = privacy;
        this.trackLog = trackLog;
        this.deviceId = deviceId;
        this.camera = camera;
        this.trackerConfig = trackerConfig;
        this.analyticsConfig = analyticsConfig;
        this.clips = clips;
        this.clipFolder = clipFolder;
    }

    /**
     * Processes the source to its end (or forever, for a live camera).
     *
     * @param start wall-clock instant of the source's first frame
     */
    public Summary run(FrameSource source, Detector detector, EventSink sink, Instant start, JobProgress progress)
            throws IOException, InterruptedException {
        ByteTracker tracker = new ByteTracker(trackerConfig, new TrackIdSequence());
        CameraAnalytics analytics = new CameraAnalytics(deviceId, camera.id(), camera.lines(), camera.zones(), analyticsConfig, start);
        List<ClipRef> clipRefs = new ArrayList<>();
        long frames = 0;
        long events = 0;
        long lastPts = 0;
        long t0 = System.nanoTime();
        progress.started(source.info().frameCount());
        logPrivacy();
        try (TrackLogWriter tracks = TrackLogWriter.open(trackLog);
             FrameHandoff handoff = new FrameHandoff(source, HANDOFF_CAPACITY, camera.id());
             FrameAnnotator annotator = new FrameAnnotator(privacy);
             ClipRecorder recorder = new ClipRecorder(clips, clipFolder, deviceId, camera.id(), start,
                     source.info().fps(), analyticsConfig.cancelWindow())) {
            Frame frame;
            while ((frame = handoff.take()) != null) {
                FrameDetections detections = detector.detect(frame);
                TrackedFrame tracked = tracker.update(detections);
                tracks.write(tracked);
                List<CountEvent> out = analytics.accept(tracked);
                sink.accept(out);
                events += out.size();
                if (clips.mode() != ClipPolicy.Mode.OFF) {
                    recorder.accept(annotator.annotate(frame, PersonBoxes.of(detections, tracked), overlay(tracked, analytics)), out);
                    for (ClipRef c : recorder.drainFinished()) {
                        sink.clipFinished(c);
                        clipRefs.add(c);
                    }
                }
                lastPts = frame.ptsMillis();
                frames++;
                progress.frameDone(status(analytics));
            }
            List<CountEvent> tail = analytics.finish(lastPts);
            sink.accept(tail);
            events += tail.size();
            recorder.close();
            for (ClipRef c : recorder.drainFinished()) {
                sink.clipFinished(c);
                clipRefs.add(c);
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            Summary s = new Summary(camera.id(), source.info(), start, frames, handoff.dropped(), analytics.lineTallies(), events, clipRefs,
                    frames / Math.max(secs, 1e-9));
            progress.finished(status(analytics));
            log.info("event=camera_done camera={} frames={} dropped={} events={} fps={}", camera.id(), frames,
                    s.droppedFrames(), events, String.format("%.1f", s.fps()));
            return s;
        }
    }

    private void logPrivacy() {
        if (privacy.mode() == PrivacyPolicy.Mode.OFF) {
            log.warn("event=privacy_off camera={} masks={} clips={} note=\"people in annotated frames are NOT anonymised\"",
                    camera.id(), privacy.masks().size(), clips.mode().id());
        } else {
            log.info("event=privacy camera={} mode={} strength={} headFraction={} masks={}", camera.id(), privacy.mode().id(),
                    privacy.strength(), privacy.headFraction(), privacy.masks().size());
        }
    }

    private static String status(CameraAnalytics a) {
        StringBuilder sb = new StringBuilder();
        a.lineTallies().forEach((name, t) -> sb.append(name).append(" in=").append(t.in()).append(" out=").append(t.out()).append(' '));
        a.occupancy().forEach((name, n) -> sb.append(name).append('=').append(n).append(' '));
        return sb.toString().trim();
    }

    private Overlay overlay(TrackedFrame tracked, CameraAnalytics analytics) {
        int w = tracked.width();
        int h = tracked.height();
        List<Overlay.TrackBox> boxes = new ArrayList<>();
        for (TrackedObject o : tracked.confirmed()) {
            boxes.add(new Overlay.TrackBox(o.box(), o.id().value()));
        }
        Map<String, LineTally> tallies = analytics.lineTallies();
        List<Overlay.LineMark> lines = new ArrayList<>();
        for (CountLine l : camera.lines()) {
            LineTally t = tallies.getOrDefault(l.name(), new LineTally(0, 0));
            lines.add(new Overlay.LineMark(l.a().x() * w, l.a().y() * h, l.b().x() * w, l.b().y() * h,
                    l.name() + " in " + t.in() + " out " + t.out()));
        }
        Map<String, Integer> occupancy = analytics.occupancy();
        List<Overlay.ZoneMark> zones = new ArrayList<>();
        for (Zone z : camera.zones()) {
            double[] xy = new double[z.polygon().size() * 2];
            for (int i = 0; i < z.polygon().size(); i++) {
                xy[2 * i] = z.polygon().get(i).x() * w;
                xy[2 * i + 1] = z.polygon().get(i).y() * h;
            }
            zones.add(new Overlay.ZoneMark(xy, z.name() + ": " + occupancy.getOrDefault(z.name(), 0)));
        }
        return new Overlay(boxes, lines, zones, camera.id() + "  frame " + tracked.frame() + "  people " + boxes.size());
    }
}
