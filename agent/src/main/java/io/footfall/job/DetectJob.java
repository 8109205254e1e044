package io.footfall.job;

import io.footfall.pipeline.JobProgress;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.footfall.FootfallPaths;
import io.footfall.detect.DetectionQueue;
import io.footfall.detect.Detector;
import io.footfall.detect.DetectorFactory;
import io.footfall.detect.DetectorSettings;
import io.footfall.detect.FrameDetections;
import io.footfall.detect.StageTimes;
import io.footfall.model.ModelCatalog;
import io.footfall.model.ModelFetcher;
import io.footfall.schema.DetectionsLine;
import io.footfall.json.Json;
import io.footfall.video.Frame;
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
import java.util.ArrayList;
import java.util.List;
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
            long n = 0;
            long found = 0;
            long pre = 0;
            long inf = 0;
            long dec = 0;
            long start = System.nanoTime();
            try (DetectionQueue queue = detector.queue(settings.inFlight())) {
                List<FrameDetections> done = new ArrayList<>();
                long submitted = 0;
                boolean more = true;
                while (more) {
                    Frame f = submitted < maxFrames ? frames.next() : null;
                    more = f != null;
                    if (more) {
                        submitted++;
                    }
                    // The queue copies each frame in before submit returns: the source may reuse its buffer.
                    done.addAll(more ? queue.submit(f) : queue.drain());
                    for (FrameDetections fd : done) {
                        w.write(json.writeValueAsString(DetectionsLine.of(fd)));
                        w.write('\n');
                        StageTimes t = queue.lastTimes();
                        pre += t.preprocessNanos();
                        inf += t.inferNanos();
                        dec += t.decodeNanos();
                        found += fd.detections().size();
                        n++;
                        progress.frameDone("people=" + fd.detections().size());
                    }
                    done.clear();
                }
            }
            double secs = (System.nanoTime() - start) / 1e9;
            Summary s = new Summary(n, found, detector.describe(), ms(pre, n), ms(inf, n), ms(dec, n), n / Math.max(secs, 1e-9));
            progress.finished(found + " detections");
            return s;
        }
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
