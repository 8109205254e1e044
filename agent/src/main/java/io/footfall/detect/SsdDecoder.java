package io.footfall.detect;

import io.footfall.geometry.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes an SSD {@code DetectionOutput} tensor, 1x1xNx7 rows of
 * {@code [image_id, label, conf, xmin, ymin, xmax, ymax]} with coordinates relative to the model
 * input (0..1). The first row with a negative image id ends the list; the rest is padding.
 */
public final class SsdDecoder implements OutputDecoder {

    private final int classIndex;
    private final String label;
    private final float minScore;

    public SsdDecoder(int classIndex, String label, float minScore) {
        this.classIndex = classIndex;
        this.label = label;
        this.minScore = minScore;
    }

    @Override
    public void checkShape(long[] shape) {
        if (shape.length != 4 || shape[0] != 1 || shape[1] != 1 || shape[3] != 7) {
            throw new DetectionException("SSD output must be 1x1xNx7, found " + Arrays.toString(shape));
        }
    }

    @Override
    public List<Detection> decode(OutputTensor output, InputTransform t) {
        checkShape(output.shape());
        float[] d = output.data();
        int rows = (int) output.dim(2);
        List<Detection> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int o = r * 7;
            if (d[o] < 0) {
                break;
            }
            if ((int) d[o + 1] != classIndex || d[o + 2] < minScore) {
                continue;
            }
            Box box = t.toSource(d[o + 3] * t.modelWidth(), d[o + 4] * t.modelHeight(),
                    d[o + 5] * t.modelWidth(), d[o + 6] * t.modelHeight());
            if (box.area() > 0) {
                out.add(new Detection(box, d[o + 2], label));
            }
        }
        return out;
    }
}
