package io.footfall.detect;

import java.util.Arrays;

/**
 * A model output copied out of the runtime: row-major float data and its shape.
 * The caller owns it; no native memory is referenced.
 */
public record OutputTensor(String name, long[] shape, float[] data) {

    public OutputTensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("output '" + name + "' has shape " + Arrays.toString(shape)
                    + " (" + n + " values) but " + data.length + " values");
        }
    }

    public int rank() {
        return shape.length;
    }

    public long dim(int i) {
        return shape[i];
    }

    @Override
    public String toString() {
        return "OutputTensor[" + name + " " + Arrays.toString(shape) + "]";
    }
}
