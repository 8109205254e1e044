package io.footfall.detect;

import io.footfall.BadInputException;

import java.util.Arrays;
import java.util.Locale;

/** The inference runtimes Footfall can use. */
public enum BackendKind {
    OPENVINO("openvino"),
    ONNXRUNTIME("onnxruntime");

    private final String id;

    BackendKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses {@code openvino} or {@code onnxruntime}; the message lists the accepted names. */
    public static BackendKind parse(String s) {
        for (BackendKind k : values()) {
            if (k.id.equals(s.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        throw new BadInputException("unknown backend '" + s + "'; expected one of "
                + Arrays.stream(values()).map(BackendKind::id).toList());
    }
}
