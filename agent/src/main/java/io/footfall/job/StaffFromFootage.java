package io.footfall.job;

import io.footfall.appearance.AppearanceModel;
import io.footfall.count.Anchor;
import io.footfall.count.Zone;
import io.footfall.detect.Detector;
import io.footfall.detect.FrameDetections;
import io.footfall.geometry.Box;
import io.footfall.track.ByteTracker;
import io.footfall.track.Embedding;
import io.footfall.track.TrackId;
import io.footfall.track.TrackedFrame;
import io.footfall.track.TrackedObject;
import io.footfall.video.Frame;
import io.footfall.video.FrameSource;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Enrols staff from footage of a place only staff go (behind the counter, the stock-room door): every person tracked
 * standing in the staff-only zone for long enough becomes one staff appearance, the mean of several looks at them
 * while there. The installer points at the zone instead of collecting photos; nothing but the appearances is kept.
 *
 * <p>The zone is tested at the feet (bottom-centre of the box), as counting zones are.
 */
public final class StaffFromFootage {
    /** Looks taken per person at most, spread over their time in the zone. */
    static final int LOOKS = 12;
    /** Frames between two looks at the same person: far enough apart to see them from a few sides. */
    static final int EVERY = 5;

    /**
     * @param zone      the staff-only zone, relative coordinates
     * @param from      footage before this is skipped
     * @param to        footage from this on is not read
     * @param minInZone time a person must stand in the zone to be enrolled (passers-by through its edge are not)
     */
    public record Plan(Zone zone, Duration from, Duration to, Duration minInZone) {
        public Plan {
            if (from.isNegative() || to.compareTo(from) <= 0) {
                throw new io.footfall.BadInputException("staff footage window: --from must be >= 0 and before --to, got "
                        + from.toMillis() / 1000.0 + " s to " + to.toMillis() / 1000.0 + " s");
            }
            if (minInZone.isNegative() || minInZone.isZero()) {
                throw new io.footfall.BadInputException("--min-seconds must be positive, got " + minInZone.toMillis() / 1000.0);
            }
        }
    }

    /** One person enrolled: the track they were, how long they stood in the zone, how many looks their appearance averages. */
    public record Enrolled(TrackId track, Duration inZone, int looks, Embedding appearance) {
    }

    private static final class Person {
        long firstMillis = -1;
        long lastMillis;
        int framesInZone;
        final List<Embedding> looks = new ArrayList<>();
    }

    /** Reads the source through the detector and tracker and returns the people who stood in the zone long enough. */
    public List<Enrolled> enroll(Plan plan, FrameSource source, Detector detector, AppearanceModel appearance,
                                 Runnable afterEachFrame) throws IOException {
        ByteTracker tracker = new ByteTracker();
        Map<TrackId, Person> people = new LinkedHashMap<>();
        Frame frame;
        while ((frame = source.next()) != null && frame.ptsMillis() < plan.to().toMillis()) {
            afterEachFrame.run();
            if (frame.ptsMillis() < plan.from().toMillis()) {
                continue;
            }
            FrameDetections found = detector.detect(frame);
            TrackedFrame tracked = tracker.update(found);
            List<TrackedObject> look = new ArrayList<>();
            for (TrackedObject t : tracked.confirmed()) {
                if (!plan.zone().contains(Anchor.BOTTOM_CENTER.of(t.box()), frame.width(), frame.height())) {
                    continue;
                }
                Person p = people.computeIfAbsent(t.id(), id -> new Person());
                if (p.firstMillis < 0) {
                    p.firstMillis = frame.ptsMillis();
                }
                p.lastMillis = frame.ptsMillis();
                if (p.framesInZone++ % EVERY == 0 && p.looks.size() < LOOKS && inside(t.box(), frame)) {
                    look.add(t);
                }
            }
            if (!look.isEmpty()) {
                List<Box> boxes = new ArrayList<>(look.size());
                for (TrackedObject t : look) {
                    boxes.add(t.box().clip(frame.width(), frame.height()));
                }
                List<Embedding> got = appearance.embed(frame, boxes);
                for (int i = 0; i < look.size(); i++) {
                    people.get(look.get(i).id()).looks.add(got.get(i));
                }
            }
        }
        List<Enrolled> out = new ArrayList<>();
        people.forEach((id, p) -> {
            Duration stood = Duration.ofMillis(p.lastMillis - p.firstMillis);
            if (stood.compareTo(plan.minInZone()) >= 0 && !p.looks.isEmpty()) {
                out.add(new Enrolled(id, stood, p.looks.size(), mean(p.looks)));
            }
        });
        return out;
    }

    /** A box worth a look: at least 16x32 pixels of it inside the frame. */
    private static boolean inside(Box b, Frame f) {
        Box c = b.clip(f.width(), f.height());
        return c.w() >= 16 && c.h() >= 32;
    }

    /** The direction all looks share: their sum, back to unit length. */
    static Embedding mean(List<Embedding> looks) {
        float[] sum = new float[looks.get(0).dimensions()];
        for (Embedding e : looks) {
            float[] v = e.toArray();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        return Embedding.of(sum);
    }
}
