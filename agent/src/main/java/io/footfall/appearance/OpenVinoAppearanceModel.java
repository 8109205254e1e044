package io.footfall.appearance;

import io.footfall.detect.InputSpec;
import io.footfall.detect.OutputTensor;
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
 * model's input, so the model is compiled once; one inference per crop (a handful per frame: the tracker asks only
 * for the boxes it needs). Not thread-safe.
 */
public final class OpenVinoAppearanceModel implements AppearanceModel {
    private final String name;
    private final OpenVinoBackend backend;
    private final Crops crops;

    private OpenVinoAppearanceModel(String name, OpenVinoBackend backend, InputSpec spec) {
        this.name = name;
        this.backend = backend;
        this.crops = new Crops(spec.width(), spec.height());
    }

    /** Opens the model file of {@code manifest} (an embedding model). */
    public static OpenVinoAppearanceModel open(ModelManifest manifest, Path file, OpenVinoOptions options) {
        if (!"embedding".equals(manifest.output().decoder())) {
            throw new io.footfall.detect.DetectorSetupException("model " + manifest.name() + " is not a re-identification "
                    + "model (its output decoder is '" + manifest.output().decoder() + "', expected 'embedding')");
        }
        InputSpec spec = InputSpec.of(manifest);
        return new OpenVinoAppearanceModel(manifest.name(), OpenVinoBackend.open(file, spec, manifest.output().name(),
                manifest.output().shape(), options), spec);
    }

    @Override
    public List<Embedding> embed(Frame frame, List<Box> boxes) {
        List<Embedding> out = new ArrayList<>(boxes.size());
        for (Box b : boxes) {
            OutputTensor t = backend.infer(crops.cut(frame, b));
            out.add(Embedding.of(t.data()));
        }
        return out;
    }

    @Override
    public String describe() {
        return name + " on " + backend.describe();
    }

    @Override
    public void close() {
        backend.close();
    }
}
