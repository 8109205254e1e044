package io.footfall.appearance;

import io.footfall.detect.InferenceQueue;
import io.footfall.detect.InputSpec;
import io.footfall.detect.openvino.OpenVinoBackend;
import io.footfall.detect.openvino.OpenVinoOptions;
import io.footfall.geometry.Box;
import io.footfall.model.ModelManifest;
import io.footfall.track.Embedding;
import io.footfall.video.Frame;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A re-identification model on OpenVINO, through the same binding as the detectors. Crops are scaled in Java to the
 * model's input, so the model is compiled once. A frame's crops (a handful: the tracker asks only for the boxes it
 * needs) go through an infer queue together, so the next crop is cut while the model runs on the one before and
 * several run side by side; a single crop takes the synchronous path. Not thread-safe.
 */
public final class OpenVinoAppearanceModel implements AppearanceModel {
    private final String name;
    private final OpenVinoBackend backend;
    private final Crops crops;
    private final int inFlight;
    private InferenceQueue queue;

    private OpenVinoAppearanceModel(String name, OpenVinoBackend backend, InputSpec spec, int inFlight) {
        this.name = name;
        this.backend = backend;
        this.crops = new Crops(spec.width(), spec.height());
        this.inFlight = inFlight;
    }

    /** Opens the model file of {@code manifest} (an embedding model). */
    public static OpenVinoAppearanceModel open(ModelManifest manifest, Path file, OpenVinoOptions options) {
        if (!"embedding".equals(manifest.output().decoder())) {
            throw new io.footfall.detect.DetectorSetupException("model " + manifest.name() + " is not a re-identification "
                    + "model (its output decoder is '" + manifest.output().decoder() + "', expected 'embedding')");
        }
        InputSpec spec = InputSpec.of(manifest);
        return new OpenVinoAppearanceModel(manifest.name(), OpenVinoBackend.open(file, spec, manifest.output().name(),
                manifest.output().shape(), options), spec, options.inferRequests());
    }

    @Override
    public List<Embedding> embed(Frame frame, List<Box> boxes) {
        List<Embedding> out = new ArrayList<>(boxes.size());
        if (boxes.size() == 1 || inFlight == 1) {
            for (Box b : boxes) {
                out.add(Embedding.of(backend.infer(crops.cut(frame, b)).data()));
            }
            return out;
        }
        if (queue == null) {
            queue = backend.newQueue(inFlight);
        }
        // The queue copies each crop into its request before submit returns, so one crop buffer serves them all.
        for (Box b : boxes) {
            queue.submit(crops.cut(frame, b)).forEach(r -> out.add(Embedding.of(r.output().data())));
        }
        queue.drain().forEach(r -> out.add(Embedding.of(r.output().data())));
        return out;
    }

    @Override
    public String describe() {
        return name + " on " + backend.describe();
    }

    @Override
    public void close() {
        if (queue != null) {
            queue.close();
        }
        backend.close();
    }
}
