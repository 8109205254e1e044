package io.footfall.jmh;

import io.footfall.detect.Decoders;
import io.footfall.detect.InputTransform;
import io.footfall.detect.OutputDecoder;
import io.footfall.detect.OutputTensor;
import io.footfall.detect.ResizeMode;
import io.footfall.model.ModelCatalog;
import io.footfall.model.ModelManifest;

/**
 * A bundled detector model as the agent sets it up for a {@link Crowd}-sized camera: its person decoder at the
 * manifest's score threshold and the transform back to source pixels. Taken from the manifest, so a benchmark
 * follows the model's real input size, output shape and thresholds.
 */
record PeopleModel(ModelManifest manifest, OutputDecoder decoder, InputTransform transform) {

    static PeopleModel named(String name) {
        ModelManifest m = ModelCatalog.bundled().get(name);
        InputTransform t = InputTransform.of(ResizeMode.valueOf(m.input().resize()), Crowd.WIDTH, Crowd.HEIGHT,
                m.input().width(), m.input().height());
        return new PeopleModel(m, Decoders.forPeople(m, m.scoreThreshold()), t);
    }

    /** {@code data} as this model's output tensor (the shape check is the decoder's own). */
    OutputTensor output(float[] data) {
        long[] shape = manifest.output().shape().stream().mapToLong(Long::longValue).toArray();
        return new OutputTensor(manifest.output().name(), shape, data);
    }

    int outputValues() {
        return Math.toIntExact(manifest.output().shape().stream().mapToLong(Long::longValue).reduce(1, (a, b) -> a * b));
    }
}
