package io.footfall.model;

import io.footfall.BadInputException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything Footfall needs to know about one detector model: its files and where they come from,
 * its input and output, and how to decode the output. Read from {@code models/manifests/NAME.json}.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record ModelManifest(
        String name,
        String description,
        String license,
        String format,
        List<String> backends,
        String defaultVariant,
        Map<String, String> variants,
        List<ModelFile> files,
        Input input,
        Output output,
        List<String> classes,
        int personClass,
        float scoreThreshold,
        Map<String, MadeVariant> madeVariants) {

    public ModelManifest {
        madeVariants = madeVariants == null ? Map.of() : Map.copyOf(madeVariants);
    }

    /**
     * A variant made on this machine from an official one (an INT8 IR by NNCF post-training quantization), not
     * downloaded: the file it is made into and the command that makes it.
     */
    public record MadeVariant(String file, String madeBy) {
    }

    /** One file of the model, relative to the model's folder. */
    public record ModelFile(String path, String sha256, String url) {
    }

    /** The model's input as the manifest states it. */
    public record Input(String name, List<Long> shape, String layout, String colorOrder, float mean, float scale,
                        String resize, int padValue) {

        public int width() {
            return Math.toIntExact(layout.equals("NCHW") ? shape.get(3) : shape.get(2));
        }

        public int height() {
            return Math.toIntExact(layout.equals("NCHW") ? shape.get(2) : shape.get(1));
        }
    }

    /** The model's output and the decoder that reads it. */
    public record Output(String name, List<Long> shape, String decoder, List<Integer> strides, Float nmsIou) {
    }

    public boolean supports(String backend) {
        return backends.contains(backend);
    }

    /** Path of the file the runtime loads for a variant (e.g. FP16), relative to the model folder. */
    public String modelFile(String variant) {
        String v = variant == null ? defaultVariant : variant;
        String file = variants.get(v);
        if (file == null && madeVariants.containsKey(v)) {
            return madeVariants.get(v).file();
        }
        if (file == null) {
            java.util.Set<String> all = new java.util.TreeSet<>(variants.keySet());
            all.addAll(madeVariants.keySet());
            throw new BadInputException("model " + name + " has no variant '" + v + "'; it has " + all);
        }
        return file;
    }

    /** Folder of this model under a models directory. */
    public Path folderIn(Path modelsDir) {
        return modelsDir.resolve(name);
    }

    public String labelOf(int classIndex) {
        return classIndex >= 0 && classIndex < classes.size() ? classes.get(classIndex) : Integer.toString(classIndex);
    }
}
