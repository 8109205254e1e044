package io.footfall.detect;

import java.util.List;

/**
 * Turns a model's raw output into detections in source pixels. Stateless and thread-safe.
 */
public interface OutputDecoder {

    /** Checks the output's shape once when the model loads; the message names expected vs found. */
    void checkShape(long[] shape);

    List<Detection> decode(OutputTensor output, InputTransform transform);
}
