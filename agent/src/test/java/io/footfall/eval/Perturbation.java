package io.footfall.eval;

import io.footfall.schema.TrackBox;
import io.footfall.geometry.Box;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Turns ground truth into deterministic imperfect tracker output (seeded), so that scores from
 * Footfall and from py-motmetrics can be compared on realistic errors.
 */
final class Perturbation {

    private final Random random;
    private final long frameCount;
    private final double width;
    private final double height;

    Perturbation(long seed, long frameCount, double width, double height) {
        this.random = new Random(seed);
        this.frameCount = frameCount;
        this.width = width;
        this.height = height;
    }

    /** The ground truth as a perfect tracker would report it, under track ids unlike the object ids. */
    static List<TrackBox> perfect(GroundTruth gt) {
        return gt.boxes().stream().map(b -> new TrackBox(b.frame(), b.objectId() + 100, b.box())).toList();
    }

    /** Moves and resizes every box by a Gaussian fraction {@code sigma} of its size. */
    List<TrackBox> jitter(List<TrackBox> in, double sigma) {
        return in.stream().map(t -> {
            Box b = t.box();
            double w = b.w() * Math.max(0.2, 1 + sigma * random.nextGaussian());
            double h = b.h() * Math.max(0.2, 1 + sigma * random.nextGaussian());
            return new TrackBox(t.frame(), t.trackId(), new Box(
                    b.x() + sigma * b.w() * random.nextGaussian(), b.y() + sigma * b.h() * random.nextGaussian(), w, h));
        }).toList();
    }

    /** Drops single boxes with probability {@code p}, and a few runs of frames per track (occlusions). */
    List<TrackBox> drop(List<TrackBox> in, double p) {
        Map<Long, long[]> gapOfTrack = new HashMap<>();
        for (TrackBox t : in) {
            gapOfTrack.computeIfAbsent(t.trackId(), id -> {
                long start = (long) (random.nextDouble() * frameCount);
                return new long[] {start, start + 3 + random.nextInt(8)};
            });
        }
        List<TrackBox> out = new ArrayList<>();
        for (TrackBox t : in) {
            long[] gap = gapOfTrack.get(t.trackId());
            boolean inGap = t.frame() >= gap[0] && t.frame() < gap[1];
            if (!inGap && random.nextDouble() >= p) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * From {@code fromFrame} on, exchanges the ids of tracks paired in ascending id order (the
     * first with the second, ...), and gives every third track a fresh id (a fragmented track).
     */
    List<TrackBox> swapIds(List<TrackBox> in, long fromFrame) {
        List<Long> ids = in.stream().map(TrackBox::trackId).distinct().sorted().toList();
        Map<Long, Long> after = new HashMap<>();
        for (int i = 0; i + 1 < ids.size(); i += 2) {
            after.put(ids.get(i), ids.get(i + 1));
            after.put(ids.get(i + 1), ids.get(i));
        }
        long fresh = ids.isEmpty() ? 1 : ids.get(ids.size() - 1) + 1;
        for (int i = 2; i < ids.size(); i += 3) {
            after.put(ids.get(i), fresh++);
        }
        return in.stream().map(t -> t.frame() < fromFrame ? t
                : new TrackBox(t.frame(), after.getOrDefault(t.trackId(), t.trackId()), t.box())).toList();
    }

    /**
     * Adds {@code n} false tracks of 1-5 frames: half anywhere in the image, half overlapping a
     * true box partly (so some fall just above or below IoU 0.5).
     */
    List<TrackBox> addFalse(List<TrackBox> in, int n) {
        List<TrackBox> out = new ArrayList<>(in);
        long nextId = in.stream().mapToLong(TrackBox::trackId).max().orElse(0) + 1;
        for (int k = 0; k < n; k++) {
            long id = nextId++;
            Box box;
            long frame;
            if (k % 2 == 0 || in.isEmpty()) {
                double w = 20 + random.nextDouble() * width / 8;
                double h = w * (1.5 + random.nextDouble());
                box = new Box(random.nextDouble() * (width - w), random.nextDouble() * (height - h), w, h);
                frame = (long) (random.nextDouble() * frameCount);
            } else {
                TrackBox near = in.get(random.nextInt(in.size()));
                Box b = near.box();
                double shift = 0.1 + random.nextDouble() * 0.4;
                box = new Box(b.x() + shift * b.w(), b.y(), b.w(), b.h());
                frame = near.frame();
            }
            int length = 1 + random.nextInt(5);
            for (long f = frame; f < Math.min(frameCount, frame + length); f++) {
                out.add(new TrackBox(f, id, new Box(box.x() + 2 * (f - frame), box.y(), box.w(), box.h())));
            }
        }
        return out;
    }

    /** Every box as its own one-frame track: a detector's output, for the detection-only scorer. */
    static List<TrackBox> asDetections(List<TrackBox> in) {
        List<TrackBox> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            TrackBox t = in.get(i);
            out.add(new TrackBox(t.frame(), i + 1, t.box()));
        }
        return out;
    }
}
