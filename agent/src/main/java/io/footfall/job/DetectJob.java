package io.footfall.job;

import io.footfall.pipeline.JobProgress;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.footfall.FootfallPaths;
import io.footfall.detect.DetectionQueue;
import io.footfall.detect.Detector;
import io.footfall.detect.DetectorFactory;
import io.footfall.detect.DetectorSettings;
import io.footfall.detect.StageTimes;
import io.footfall.schema.DetectionsLine;
import io.footfall.json.Json;
import io.footfall.video.FrameSource;
import io.footfall.video.SampleClips;
import io.footfall.video.Sources;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Detects people frame by frame and writes one {@link DetectionsLine} per frame as JSON lines.
 */
public final class DetectJob {

    /** What a run did, with mean stage times per frame. */
    public record Summary(long frames, long detections, String detector, double meanPreprocessMillis,
                          double meanInferMillis, double meanDecodeMillis, double fps) {
    }

    private final FootfallPaths paths;

    public DetectJob(FootfallPaths paths) {
        this.paths = paths;
    }

    /** Opens the detector the settings describe, fetching the model when it is not installed. */
    public Detector openDetector(DetectorSettings settings) {
        return DetectorFactory.standard(paths).open(settings);
    }

    /**
     * @param out where to write JSON lines, or empty for standard output
     */
    public Summary run(String source, DetectorSettings settings, Optional<Path> out, long maxFrames, JobProgress progress)
            throws IOException {
        String resolved = new SampleClips(paths).resolve(source);
        try (FrameSource frames = Sources.open(resolved);
             Detector detector = openDetector(settings);
             Writer w = writer(out)) {
            ObjectWriter json = Json.mapper().writerFor(DetectionsLine.class);
            long total = frames.info().frameCount();
            progress.started(maxFrames < Long.MAX_VALUE && total > 0 ? Math.min(total, maxFrames) : total);
            Totals sum = new Totals();
            long start = System.nanoTime();
            try (DetectionQueue queue = detector.queue(settings.inFlight())) {
                queue.detectAll(frames, maxFrames, (fd, t) -> {
                    w.write(json.writeValueAsString(DetectionsLine.of(fd)));
                    w.write('\n');
                    sum.frames++;
                    sum.found += fd.detections().size();
                    sum.times = sum.times.plus(t);
                    progress.frameDone("people=" + fd.detections().size());
                });
            }
            long n = sum.frames;
            long found = sum.found;
            StageTimes t = sum.times;
            double secs = (System.nanoTime() - start) / 1e9;
            Summary s = new Summary(n, found, detector.describe(), ms(t.preprocessNanos(), n), ms(t.inferNanos(), n),
                    ms(t.decodeNanos(), n), n / Math.max(secs, 1e-9));
            progress.finished(found + " detections");
            return s;
        }
    }

    /** What a detect run added up, frame by frame. */
    private static final class Totals {
        long frames;
        long found;
        StageTimes times = StageTimes.ZERO;
    }

    private static double ms(long nanos, long n) {
        return n == 0 ? 0 : nanos / 1e6 / n;
    }

    private static Writer writer(Optional<Path> out) throws IOException {
        if (out.isEmpty()) {
            // Not closing System.out: the wrapper only flushes it.
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        Path p = out.get();
        if (p.getParent() != null) {
            Files.createDirectories(p.getParent());
        }
        return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
    }
}
