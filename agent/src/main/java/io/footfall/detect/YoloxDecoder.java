package io.footfall.detect;

import io.footfall.geometry.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes YOLOX's raw head output, 1xAx(5+C): per anchor point {@code [cx, cy, w, h, obj, C class scores]}
 * as grid offsets. Anchor points run over strides 8, 16, 32, each grid row by row; centres become
 * {@code (offset + cell) * stride} and sizes {@code exp(v) * stride}, in letterboxed model pixels.
 * Score is {@code obj * class score}; class-aware NMS follows. Stateless and thread-safe.
 */
public final class YoloxDecoder implements OutputDecoder {

    private final int[] strides;
    private final int numClasses;
    private final int[] keptClasses;
    private final List<String> classNames;
    private final float minScore;
    private final float nmsIou;

    /**
     * @param keptClasses the class indexes to report (person only for Footfall); NMS runs per class
     */
    public YoloxDecoder(int[] strides, List<String> classNames, int[] keptClasses, float minScore, float nmsIou) {
        this.strides = strides.clone();
        this.numClasses = classNames.size();
        this.classNames = List.copyOf(classNames);
        this.keptClasses = keptClasses.clone();
        this.minScore = minScore;
        this.nmsIou = nmsIou;
    }

    private int anchorCount(int inputWidth, int inputHeight) {
        int n = 0;
        for (int s : strides) {
            n += (inputWidth / s) * (inputHeight / s);
        }
        return n;
    }

    @Override
    public void checkShape(long[] shape) {
        if (shape.length != 3 || shape[0] != 1 || shape[2] != 5 + numClasses) {
            throw new DetectionException("YOLOX output must be 1xAx" + (5 + numClasses) + ", found " + Arrays.toString(shape));
        }
    }

    @Override
    public List<Detection> decode(OutputTensor output, InputTransform t) {
        checkShape(output.shape());
        int anchors = (int) output.dim(1);
        int expected = anchorCount(t.modelWidth(), t.modelHeight());
        if (anchors != expected) {
            throw new DetectionException("YOLOX output has " + anchors + " anchor points, expected " + expected
                    + " for a " + t.modelWidth() + "x" + t.modelHeight() + " input and strides " + Arrays.toString(strides));
        }
        float[] d = output.data();
        int width = 5 + numClasses;
        List<Nms.Candidate> candidates = new ArrayList<>();
        int a = 0;
        for (int stride : strides) {
            int gw = t.modelWidth() / stride;
            int gh = t.modelHeight() / stride;
            for (int gy = 0; gy < gh; gy++) {
                for (int gx = 0; gx < gw; gx++, a++) {
                    int o = a * width;
                    float obj = d[o + 4];
                    if (obj < minScore) {
                        continue; // score = obj * cls <= obj, so it cannot pass
                    }
                    for (int c : keptClasses) {
                        float score = obj * d[o + 5 + c];
                        if (score < minScore) {
                            continue;
                        }
                        double cx = (d[o] + gx) * stride;
                        double cy = (d[o + 1] + gy) * stride;
                        double w = Math.exp(d[o + 2]) * stride;
                        double h = Math.exp(d[o + 3]) * stride;
                        Box box = t.toSource(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
                        if (box.area() > 0) {
                            candidates.add(new Nms.Candidate(box, score, c));
                        }
                    }
                }
            }
        }
        List<Detection> out = new ArrayList<>();
        for (Nms.Candidate c : Nms.classAware(candidates, nmsIou)) {
            out.add(new Detection(c.box(), c.score(), classNames.get(c.classIndex())));
        }
        return out;
    }
}
