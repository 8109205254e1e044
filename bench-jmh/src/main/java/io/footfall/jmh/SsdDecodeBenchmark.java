package io.footfall.jmh;

import io.footfall.detect.Detection;
import io.footfall.detect.OutputTensor;
import io.footfall.geometry.Box;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * {@code SsdDecoder} on one person-detection-retail-0013 output (1x1x200x7): 20 people above the manifest's 0.5
 * threshold, then 160 weaker rows (partial boxes around the people and background clutter) that the decoder must
 * read and reject, then padding. The model's DetectionOutput layer has already run NMS, so this decoder has none:
 * one op is the row scan and the boxes back to source pixels.
 */
@State(Scope.Thread)
public class SsdDecodeBenchmark {
    static final int PEOPLE = 20;
    static final int WEAK_ROWS = 160;
    private static final int ROW = 7;

    private PeopleModel model;
    private OutputTensor output;

    @Setup
    public void setUp() {
        model = PeopleModel.named("person-detection-retail-0013");
        output = model.output(rows(new Random(13)));
    }

    @Benchmark
    public void decode(Blackhole bh) {
        bh.consume(decodeOnce());
    }

    List<Detection> decodeOnce() {
        return model.decoder().decode(output, model.transform());
    }

    private float[] rows(Random r) {
        Crowd crowd = new Crowd(PEOPLE, 13);
        float[][] rows = new float[PEOPLE + WEAK_ROWS][];
        for (int p = 0; p < PEOPLE; p++) {
            rows[p] = row(crowd.box(0, p), 0.6f + 0.39f * r.nextFloat());
        }
        for (int i = PEOPLE; i < rows.length; i++) {
            rows[i] = row(r.nextBoolean() ? partOf(crowd.box(0, r.nextInt(PEOPLE)), r) : clutter(r),
                    0.02f + 0.47f * r.nextFloat());
        }
        // DetectionOutput lists rows by descending confidence, then pads with image id -1.
        Arrays.sort(rows, (a, b) -> Float.compare(b[2], a[2]));
        float[] data = new float[model.outputValues()];
        Arrays.fill(data, -1);
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, data, i * ROW, ROW);
        }
        return data;
    }

    /** A weak box over part of a person (head and shoulders, a torso), as an SSD head proposes beside the whole. */
    private static Box partOf(Box person, Random r) {
        return new Box(person.x() + r.nextGaussian() * 20, person.y() + r.nextGaussian() * 30, person.w() * 0.7,
                person.h() * 0.6);
    }

    private static Box clutter(Random r) {
        return new Box(r.nextDouble() * (Crowd.WIDTH - 80), r.nextDouble() * (Crowd.HEIGHT - 160),
                40 + r.nextDouble() * 40, 80 + r.nextDouble() * 80);
    }

    /** One detection row {@code [image_id, label, conf, xmin, ymin, xmax, ymax]}, coordinates relative to the frame. */
    private static float[] row(Box box, float confidence) {
        Box b = box.clip(Crowd.WIDTH, Crowd.HEIGHT);
        return new float[]{0, 1, confidence, (float) (b.x() / Crowd.WIDTH), (float) (b.y() / Crowd.HEIGHT),
                (float) (b.right() / Crowd.WIDTH), (float) (b.bottom() / Crowd.HEIGHT)};
    }
}
