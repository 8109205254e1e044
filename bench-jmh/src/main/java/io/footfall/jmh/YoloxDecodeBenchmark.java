package io.footfall.jmh;

import io.footfall.detect.Detection;
import io.footfall.detect.OutputTensor;
import io.footfall.geometry.Box;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.Random;

/**
 * {@code YoloxDecoder} on one yolox-nano head output at 416x416 (1x3549x85) of a letterboxed 1280x720 frame with
 * 20 people. As a trained head does, every anchor point near a person's centre predicts that person's box
 * (jittered) with its own objectness, so each person yields several candidates above the 0.3 threshold that NMS
 * must fold into one; scattered clutter anchors add weak candidates, and every other anchor carries background
 * noise below the threshold. One op is the grid scan, box decoding and class-aware NMS.
 */
@State(Scope.Thread)
public class YoloxDecodeBenchmark {
    static final int PEOPLE = 20;
    /** Clutter anchors expected in the picture; the letterbox padding below it gets none, as from a real head. */
    static final int CLUTTER = 30;
    /** Anchor points within this fraction of a person's width/height from its centre predict that person. */
    private static final double CENTRE_REGION = 0.4;

    private PeopleModel model;
    private OutputTensor output;

    @Setup
    public void setUp() {
        model = PeopleModel.named("yolox-nano");
        output = model.output(head(new Random(17)));
    }

    @Benchmark
    public void decode(Blackhole bh) {
        bh.consume(decodeOnce());
    }

    List<Detection> decodeOnce() {
        return model.decoder().decode(output, model.transform());
    }

    private float[] head(Random r) {
        int width = 5 + model.manifest().classes().size();
        int person = model.manifest().personClass();
        double scale = model.transform().scaleX();
        Crowd crowd = new Crowd(PEOPLE, 17);
        Box[] people = new Box[PEOPLE];
        for (int p = 0; p < PEOPLE; p++) {
            Box b = crowd.box(0, p);
            people[p] = new Box(b.x() * scale, b.y() * scale, b.w() * scale, b.h() * scale);
        }
        float[] d = new float[model.outputValues()];
        double pictureAnchors = (double) (d.length / width) * model.transform().contentHeight()
                / model.transform().modelHeight();
        double clutterShare = CLUTTER / pictureAnchors;
        int a = 0;
        for (int stride : model.manifest().output().strides()) {
            for (int gy = 0; gy < model.transform().modelHeight() / stride; gy++) {
                for (int gx = 0; gx < model.transform().modelWidth() / stride; gx++, a++) {
                    int o = a * width;
                    for (int v = 0; v < width; v++) {
                        d[o + v] = 0.05f * r.nextFloat();
                    }
                    double ax = (gx + 0.5) * stride;
                    double ay = (gy + 0.5) * stride;
                    boolean nearPerson = false;
                    for (Box p : people) {
                        if (Math.abs(ax - p.centerX()) <= CENTRE_REGION * p.w()
                                && Math.abs(ay - p.centerY()) <= CENTRE_REGION * p.h()) {
                            predict(d, o, gx, gy, stride, jittered(p, r), 0.2f + 0.75f * r.nextFloat());
                            d[o + 5 + person] = 0.8f + 0.19f * r.nextFloat();
                            nearPerson = true;
                        }
                    }
                    if (!nearPerson && ay < model.transform().contentHeight() && r.nextDouble() < clutterShare) {
                        Box clutter = new Box(gx * stride, gy * stride, 8 + r.nextDouble() * 24, 16 + r.nextDouble() * 48);
                        predict(d, o, gx, gy, stride, clutter, 0.3f + 0.25f * r.nextFloat());
                        d[o + 5 + person] = 0.6f + 0.3f * r.nextFloat();
                    }
                }
            }
        }
        return d;
    }

    /** Writes the regression {@code [cx, cy, ln w, ln h]} (grid units) that decodes to {@code box}, and the objectness. */
    private static void predict(float[] d, int o, int gx, int gy, int stride, Box box, float objectness) {
        d[o] = (float) (box.centerX() / stride - gx);
        d[o + 1] = (float) (box.centerY() / stride - gy);
        d[o + 2] = (float) Math.log(box.w() / stride);
        d[o + 3] = (float) Math.log(box.h() / stride);
        d[o + 4] = objectness;
    }

    private static Box jittered(Box b, Random r) {
        return new Box(b.x() + r.nextGaussian(), b.y() + r.nextGaussian(), b.w() * (1 + 0.05 * r.nextGaussian()),
                b.h() * (1 + 0.05 * r.nextGaussian()));
    }
}
