package io.footfall.pipeline;

import io.footfall.annotate.FrameAnnotator;
import io.footfall.config.CameraConfig;
import io.footfall.config.FootfallConfig;
import io.footfall.config.ClipPolicy;
import io.footfall.config.PrivacyPolicy;
import io.footfall.count.AnalyticsConfig;
import io.footfall.count.CameraAnalytics;
import io.footfall.count.CountEvent;
import io.footfall.count.LineTally;
import io.footfall.detect.DetectionQueue;
import io.footfall.detect.Detector;
import io.footfall.detect.FrameDetections;
import io.footfall.schema.ClipRecord;
import io.footfall.schema.WireRecord;
import io.footfall.schema.WireRecords;
import io.footfall.appearance.AppearanceOpener;
import io.footfall.identity.VisitorGallery;
import io.footfall.track.ByteTracker;
import io.footfall.track.TrackIdSequence;
import io.footfall.track.TrackedFrame;
import io.footfall.track.TrackerConfig;
import io.footfall.video.Frame;
import io.footfall.video.FrameSource;
import io.footfall.video.SourceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One camera's whole path: source → detector → tracker → analytics → sink, with annotated video on the side. Runs
 * on the calling thread; decoding runs on its own (see {@link FrameHandoff}) and inference in the runtime's threads,
 * with frames in flight (see {@link DetectionQueue}), so the three overlap.
 *
 * <p>Two requests may come from other threads while it runs: {@link #requestStop()} (shutdown: the pipeline stops
 * taking frames, closes its open intervals as partial aggregates, finishes its clip and returns) and
 * {@link #update(Settings)} (live reconfiguration, applied between two frames: the analytics of the old lines and
 * zones close as of that frame, the new ones start there, the tracker keeps its tracks unless its own settings
 * changed).
 */
public final class CameraPipeline {
    private static final Logger log = LoggerFactory.getLogger(CameraPipeline.class);
    /**
     * Decoded frames queued ahead of the detector. Decoding takes under a millisecond a frame, so two keep it ahead;
     * each one more costs a frame of memory per camera (1.3 MB at 768x576) and, for a live camera, freshness.
     */
    private static final int HANDOFF_CAPACITY = 2;

    /** What one camera's run did. {@code endedEarly} is set when a file source stopped before its announced end. */
    public record Summary(String cameraId, SourceInfo source, Instant start, long frames, long droppedFrames,
                          Map<String, LineTally> lines, long events, List<ClipRef> clips, double fps, boolean stopped) {
    }

    /** Everything the pipeline of one camera runs with, per-camera overrides already applied. */
    public record Settings(String storeId, String deviceId, CameraConfig camera, TrackerConfig tracker,
                           AnalyticsConfig analytics, ClipPolicy clips, PrivacyPolicy privacy) {
        public Settings {
            Objects.requireNonNull(storeId);
            Objects.requireNonNull(deviceId);
            Objects.requireNonNull(camera);
            Objects.requireNonNull(tracker);
            Objects.requireNonNull(analytics);
            Objects.requireNonNull(clips);
            Objects.requireNonNull(privacy);
        }

        /** What one camera of a configuration runs with, its overrides applied. */
        public static Settings of(FootfallConfig c, CameraConfig cam) {
            return new Settings(c.storeId(), c.deviceId(), cam, c.trackerFor(cam), c.analyticsFor(cam), c.clipsFor(cam),
                    c.privacyFor(cam));
        }
    }

    private final Path clipFolder;
    private final Optional<Path> trackLog;
    private final AppearanceOpener appearance;
    private final VisitorGallery visitors;
    private final PipelineObserver observer;
    private final AtomicReference<Settings> pending = new AtomicReference<>();
    private final LiveView view = new LiveView();
    private volatile Settings settings;
    private volatile boolean stopRequested;
    /** Whether an observer failure was logged already. Pipeline thread only. */
    private boolean observerFailed;

    /**
     * @param trackLog where to write every confirmed track box as a MOTChallenge result file, for
     *                 {@code footfall eval}; empty to skip
     */
    public CameraPipeline(Settings settings, Path clipFolder, Optional<Path> trackLog) {
        this(settings, clipFolder, trackLog, AppearanceOpener.unavailable(), null);
    }

    /**
     * @param appearance opens the re-identification model when the tracker's settings turn appearance on
     * @param visitors   the store's visitor gallery, shared by its cameras; null for one of the camera's own
     */
    public CameraPipeline(Settings settings, Path clipFolder, Optional<Path> trackLog, AppearanceOpener appearance,
                          VisitorGallery visitors) {
        this(settings, clipFolder, trackLog, appearance, visitors, PipelineObserver.NONE);
    }

    /** @param observer told about every frame (the operations endpoint's metrics); {@link PipelineObserver#NONE} for none */
    public CameraPipeline(Settings settings, Path clipFolder, Optional<Path> trackLog, AppearanceOpener appearance,
                          VisitorGallery visitors, PipelineObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.settings = settings;
        this.clipFolder = clipFolder;
        this.trackLog = trackLog;
        this.appearance = appearance;
        this.visitors = visitors;
    }

    /** Asks {@link #run} to finish at the next frame (or within 100 ms when no frame comes). Thread-safe. */
    public void requestStop() {
        stopRequested = true;
    }

    /** Applies new settings between two frames. The camera id and source must stay the same. Thread-safe. */
    public void update(Settings next) {
        if (!next.camera().id().equals(settings.camera().id()) || !next.camera().source().equals(settings.camera().source())) {
            throw new IllegalArgumentException("a pipeline keeps its camera id and source; restart the camera to change them");
        }
        pending.set(next);
    }

    public Settings settings() {
        return settings;
    }

    /** The latest frame, its tracks and counters, for snapshots and the status page. */
    public LiveView view() {
        return view;
    }

    /**
     * Processes the source to its end (or, for a live camera, until {@link #requestStop()}), one frame at a time.
     *
     * @param start wall-clock instant of the source's first frame
     */
    public Summary run(FrameSource source, Detector detector, EventSink sink, Instant start, JobProgress progress)
            throws IOException, InterruptedException {
        return run(source, detector, 1, sink, start, progress);
    }

    /**
     * Processes the source to its end (or, for a live camera, until {@link #requestStop()}) with up to {@code inFlight}
     * frames in the detector at once: while it infers frame n, this thread tracks, counts and encodes frame n-1.
     * Results are taken in frame order, so the events are those of a run with one frame at a time.
     *
     * @param start wall-clock instant of the source's first frame
     */
    public Summary run(FrameSource source, Detector detector, int inFlight, EventSink sink, Instant start,
                       JobProgress progress) throws IOException, InterruptedException {
        Settings s = settings;
        progress.started(source.info().frameCount());
        logPrivacy(s);
        Run run = new Run(s, source, sink, start, progress);
        try (DetectionQueue queue = detector.queue(inFlight);
             TrackLogWriter tracks = TrackLogWriter.open(trackLog);
             FrameHandoff handoff = new FrameHandoff(source, HANDOFF_CAPACITY, queue.capacity() + 1,
                     AnalysisRate.of(s.camera().overrides().detector().analysisFps()), s.camera().id())) {
            run.tracks = tracks;
            run.handoff = handoff;
            run.queue = queue;
            ArrayDeque<Frame> waiting = new ArrayDeque<>(queue.capacity() + 1);
            Frame frame;
            try {
                while ((frame = handoff.take(() -> stopRequested)) != null) {
                    waiting.add(frame);
                    run.detected(waiting, queue.submit(frame));
                }
                run.detected(waiting, queue.drain());
            } catch (IOException | RuntimeException e) {
                // The source failed mid-run (a corrupt image in a folder, a stream error): what was counted up to here
                // is closed as a stop would close it, partial aggregates and finished clips recorded, before the
                // failure is reported. Otherwise the crossings stored have no aggregate and the clip no record.
                try {
                    run.finish();
                } catch (IOException | RuntimeException f) {
                    e.addSuppressed(f);
                }
                throw e;
            }
            return run.finish();
        } finally {
            run.close();
        }
    }

    /** One run's state: what the frame loop carries from one frame to the next. Pipeline thread only. */
    private final class Run {
        private Settings s;
        private final FrameSource source;
        private final EventSink sink;
        private final Instant start;
        private final JobProgress progress;
        private final TrackIdSequence ids = new TrackIdSequence();
        private final StaffBook staff = new StaffBook(appearance);
        private final AppearanceSampler sampler;
        private final VisitCounter visits;
        private final List<ClipRef> clipRefs = new ArrayList<>();
        private final long t0 = System.nanoTime();
        private ByteTracker tracker;
        private CameraAnalytics analytics;
        private FrameAnnotator annotator;
        private ClipRecorder recorder;
        private TrackLogWriter tracks;
        private FrameHandoff handoff;
        private DetectionQueue queue;
        private long frames;
        private long events;
        private long lastPts;
        private long droppedSeen;

        Run(Settings s, FrameSource source, EventSink sink, Instant start, JobProgress progress) {
            this.s = s;
            this.source = source;
            this.sink = sink;
            this.start = start;
            this.progress = progress;
            this.tracker = new ByteTracker(s.tracker(), ids);
            this.analytics = analytics(s, start, staff.configure(s.tracker().appearance()) ? staff : null);
            this.annotator = new FrameAnnotator(s.privacy());
            this.recorder = recorder(s, source, start);
            this.sampler = new AppearanceSampler(appearance, s.camera().id());
            this.visits = new VisitCounter(visitors, start);
        }

        /** Steps through the frames whose detections came back (oldest first), giving each frame back after its step. */
        void detected(ArrayDeque<Frame> waiting, List<FrameDetections> results) throws IOException {
            for (FrameDetections d : results) {
                Frame frame = waiting.poll();
                if (frame == null || frame.index() != d.frame()) {
                    throw new IllegalStateException("detections of frame " + d.frame() + " came back for frame "
                            + (frame == null ? "none" : frame.index()) + "; a detection queue must keep frame order");
                }
                try {
                    step(frame, d);
                } finally {
                    handoff.release(frame);
                }
            }
        }

        private void step(Frame frame, FrameDetections raw) throws IOException {
            Settings next = pending.getAndSet(null);
            if (next != null) {
                reconfigure(next, frame.index());
            }
            long t0 = System.nanoTime();
            FrameDetections detections = s.camera().overrides().detector().mask().apply(raw);
            TrackedFrame tracked = tracker.update(detections,
                    sampler.sample(frame, detections, s.tracker().appearance(), tracker));
            tracks.write(tracked);
            long t1 = System.nanoTime();
            visits.settle(tracker.drainEnded(), analytics, s.tracker().appearance(), frame.ptsMillis());
            staff.update(tracker, tracked);
            List<CountEvent> out = analytics.accept(tracked);
            long t2 = System.nanoTime();
            List<io.footfall.geometry.Box> people = PersonBoxes.of(detections, tracked);
            view.update(frame, people, s.privacy(), Overlays.of(s.camera(), tracked, analytics));
            long t3;
            long t4;
            if (s.clips().mode() != ClipPolicy.Mode.OFF) {
                // Anonymised before the overlay is drawn: ids and lines stay readable over pixelated heads.
                Frame annotated = annotator.annotate(frame, people, view.overlay());
                t3 = System.nanoTime();
                recorder.accept(annotated, out);
                t4 = System.nanoTime();
            } else {
                t3 = t4 = System.nanoTime();
            }
            List<ClipRef> done = recorder.drainFinished();
            events += emit(sink, s, out, done);
            clipRefs.addAll(done);
            lastPts = frame.ptsMillis();
            frames++;
            StepTimes steps = new StepTimes(t1 - t0, t2 - t1, t3 - t2, t4 - t3, System.nanoTime() - t4);
            droppedSeen = observe(s, frame.index(), queue.lastTimes(), steps, tracked, analytics, out, handoff.dropped(),
                    droppedSeen);
            progress.frameDone(status(analytics));
        }

        private void reconfigure(Settings next, long atFrame) throws IOException {
            boolean newTracker = !next.tracker().equals(s.tracker());
            if (newTracker) {
                visits.settle(tracker.drainAll(), analytics, s.tracker().appearance(), lastPts);
            }
            List<CountEvent> closed = analytics.finish(lastPts);
            events += emit(sink, s, closed, List.of());
            flushed(s.camera().id(), closed);
            if (newTracker) {
                tracker = new ByteTracker(next.tracker(), ids);
            }
            if (!next.privacy().equals(s.privacy())) {
                annotator.close();
                annotator = new FrameAnnotator(next.privacy());
                logPrivacy(next);
            }
            if (!next.clips().equals(s.clips())) {
                recorder.close();
                clipRefs.addAll(emitClips(sink, next, recorder.drainFinished()));
                recorder = recorder(next, source, start);
            }
            analytics = analytics(next, start, staff.configure(next.tracker().appearance()) ? staff : null);
            log.info("event=camera_reconfigured camera={} lines={} zones={} atFrame={}", next.camera().id(),
                    next.camera().lines().size(), next.camera().zones().size(), atFrame);
            s = next;
            settings = next;
        }

        Summary finish() throws IOException {
            visits.settle(tracker.drainAll(), analytics, s.tracker().appearance(), lastPts);
            dropped(s.camera().id(), handoff.dropped() - droppedSeen);
            List<CountEvent> tail = analytics.finish(lastPts);
            recorder.close();
            List<ClipRef> done = recorder.drainFinished();
            events += emit(sink, s, tail, done);
            flushed(s.camera().id(), tail);
            clipRefs.addAll(done);
            double secs = (System.nanoTime() - t0) / 1e9;
            Summary summary = new Summary(s.camera().id(), source.info(), start, frames, handoff.dropped(),
                    analytics.lineTallies(), events, clipRefs, frames / Math.max(secs, 1e-9), stopRequested);
            progress.finished(status(analytics));
            String skipped = handoff.skipped() > 0 ? " skippedByRate=" + handoff.skipped() : "";
            log.info("event=camera_done camera={} frames={} dropped={}{} events={} fps={} inFlight={} stopped={}{}",
                    s.camera().id(), frames, summary.droppedFrames(), skipped, events, String.format("%.1f", summary.fps()),
                    queue.capacity(), stopRequested, sampler.summary());
            return summary;
        }

        void close() {
            recorder.close();
            annotator.close();
            sampler.close();
        }
    }

    /**
     * Tells the observer about one frame and any frames the decoder dropped since the last; returns the dropped count
     * now seen.
     */
    private long observe(Settings s, long frameIndex, io.footfall.detect.StageTimes times, StepTimes steps,
                         TrackedFrame tracked, CameraAnalytics analytics, List<CountEvent> out, long dropped,
                         long droppedSeen) {
        if (observer == PipelineObserver.NONE) {
            return dropped;
        }
        String camera = s.camera().id();
        dropped(camera, dropped - droppedSeen);
        FrameStats stats = new FrameStats(camera, frameIndex, times, tracked.confirmed().size(),
                analytics.occupancy(), out, steps);
        tell(camera, () -> observer.frameProcessed(stats));
        return dropped;
    }

    private void dropped(String camera, long count) {
        if (count > 0) {
            tell(camera, () -> observer.framesDropped(camera, count));
        }
    }

    private void flushed(String camera, List<CountEvent> events) {
        if (!events.isEmpty()) {
            tell(camera, () -> observer.eventsFlushed(camera, events));
        }
    }

    /** An observer's failure never stops the camera (metrics must not cost counts); the first is logged, not each frame's. */
    private void tell(String camera, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (!observerFailed) {
                observerFailed = true;
                log.warn("event=observer_failed camera={} error=\"{}\" note=\"later failures are not logged\"", camera,
                        e.toString());
            }
        }
    }

    private static void logPrivacy(Settings s) {
        PrivacyPolicy p = s.privacy();
        if (p.mode() == PrivacyPolicy.Mode.OFF) {
            log.warn("event=privacy_off camera={} masks={} clips={} note=\"people in annotated frames are NOT anonymised\"",
                    s.camera().id(), p.masks().size(), s.clips().mode().id());
        } else {
            log.info("event=privacy camera={} mode={} strength={} headFraction={} masks={}", s.camera().id(), p.mode().id(),
                    p.strength(), p.headFraction(), p.masks().size());
        }
    }

    private ClipRecorder recorder(Settings s, FrameSource source, Instant start) {
        return new ClipRecorder(s.clips(), clipFolder, s.deviceId(), s.camera().id(), start, source.info().fps(),
                s.analytics().cancelWindow());
    }

    /** @param staff who is staff, when a staff gallery is configured; null otherwise */
    private static CameraAnalytics analytics(Settings s, Instant start, StaffBook staff) {
        CameraAnalytics a = new CameraAnalytics(s.deviceId(), s.camera().id(), s.camera().lines(), s.camera().zones(),
                s.analytics(), start);
        if (s.tracker().appearance().enabled()) {
            a.countVisitors();
        }
        if (staff != null) {
            a.tellStaff(staff::isStaff);
        }
        return a;
    }

    /** Sends the step's events and finished clips as one batch; returns how many events. */
    private static int emit(EventSink sink, Settings s, List<CountEvent> events, List<ClipRef> clips) throws IOException {
        if (events.isEmpty() && clips.isEmpty()) {
            return 0;
        }
        List<WireRecord> batch = new ArrayList<>(events.size() + clips.size());
        for (CountEvent e : events) {
            batch.add(WireRecords.of(e, s.storeId()));
        }
        for (ClipRef c : clips) {
            batch.add(clipRecord(s.storeId(), c));
        }
        sink.accept(batch);
        return events.size();
    }

    private static List<ClipRef> emitClips(EventSink sink, Settings s, List<ClipRef> clips) throws IOException {
        emit(sink, s, List.of(), clips);
        return clips;
    }

    static ClipRecord clipRecord(String storeId, ClipRef c) {
        return new ClipRecord(WireRecord.SCHEMA_VERSION, c.id(), storeId, c.deviceId(), c.cameraId(), c.start().toString(),
                c.start().toString(), c.end().toString(), c.frames(), c.bytes(), c.file().toAbsolutePath().toString());
    }

    private static String status(CameraAnalytics a) {
        StringBuilder sb = new StringBuilder();
        a.lineTallies().forEach((name, t) -> sb.append(name).append(" in=").append(t.in()).append(" out=").append(t.out()).append(' '));
        a.occupancy().forEach((name, n) -> sb.append(name).append('=').append(n).append(' '));
        return sb.toString().trim();
    }
}
