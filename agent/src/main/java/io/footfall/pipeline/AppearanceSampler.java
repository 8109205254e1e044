package io.footfall.pipeline;

import io.footfall.appearance.AppearanceModel;
import io.footfall.appearance.AppearanceOpener;
import io.footfall.detect.FrameDetections;
import io.footfall.geometry.Box;
import io.footfall.track.AppearanceConfig;
import io.footfall.track.ByteTracker;
import io.footfall.track.Embedding;
import io.footfall.video.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Takes the appearance samples the tracker asks for in a frame, opening the re-identification model the first time
 * the camera's settings turn appearance on (and again if a live change names another model). Counts what it cost,
 * for the camera's summary. Not thread-safe: the camera's frame loop only.
 */
final class AppearanceSampler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AppearanceSampler.class);

    private final AppearanceOpener opener;
    private final String cameraId;
    private AppearanceModel model;
    private String modelName;
    private long crops;
    private long nanos;

    AppearanceSampler(AppearanceOpener opener, String cameraId) {
        this.opener = opener;
        this.cameraId = cameraId;
    }

    /** One embedding per detection (null where the tracker wanted none), or empty when appearance is off. */
    List<Embedding> sample(Frame frame, FrameDetections detections, AppearanceConfig config, ByteTracker tracker) {
        Optional<String> wanted = config.model();
        if (wanted.isEmpty()) {
            return List.of();
        }
        boolean[] want = tracker.appearanceWanted(detections);
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i]) {
                boxes.add(detections.detections().get(i).box());
            }
        }
        if (boxes.isEmpty()) {
            return List.of();
        }
        long t0 = System.nanoTime();
        List<Embedding> got = modelFor(wanted.get()).embed(frame, boxes);
        nanos += System.nanoTime() - t0;
        crops += boxes.size();
        Embedding[] out = new Embedding[want.length];
        for (int i = 0, k = 0; i < want.length; i++) {
            if (want[i]) {
                out[i] = got.get(k++);
            }
        }
        return Arrays.asList(out);
    }

    private AppearanceModel modelFor(String name) {
        if (model == null || !name.equals(modelName)) {
            close();
            model = opener.open(name);
            modelName = name;
            log.info("event=appearance_on camera={} model=\"{}\"", cameraId, model.describe());
        }
        return model;
    }

    /** {@code reidCrops=… reidMsPerCrop=…} for the camera's summary line, empty when appearance never ran. */
    String summary() {
        return crops == 0 ? "" : String.format(" reidCrops=%d reidMsPerCrop=%.2f", crops, nanos / 1e6 / crops);
    }

    @Override
    public void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }
}
