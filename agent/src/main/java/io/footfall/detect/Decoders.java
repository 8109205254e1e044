package io.footfall.detect;

import io.footfall.model.ModelManifest;

/** Builds the decoder a manifest names. */
public final class Decoders {
    private static final float DEFAULT_NMS_IOU = 0.45f;

    private Decoders() {
    }

    /** The manifest's decoder reporting only people, at or above {@code minScore}. */
    public static OutputDecoder forPeople(ModelManifest m, float minScore) {
        String label = "person";
        return switch (m.output().decoder()) {
            case "ssd" -> new SsdDecoder(m.personClass(), label, minScore);
            case "yolox" -> new YoloxDecoder(
                    m.output().strides().stream().mapToInt(Integer::intValue).toArray(),
                    m.classes(), new int[]{m.personClass()}, minScore,
                    m.output().nmsIou() == null ? DEFAULT_NMS_IOU : m.output().nmsIou());
            default -> throw new DetectionException("model " + m.name() + " names decoder '" + m.output().decoder()
                    + "'; expected ssd or yolox");
        };
    }
}
