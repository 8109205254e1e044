package io.footfall.testing;

import io.footfall.video.Frame;
import io.footfall.video.FrameSource;
import io.footfall.video.Sources;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Decodes chosen frames of a real clip, copied so they outlive the source. */
public final class TestFrames {
    private TestFrames() {
    }

    public static List<Frame> at(Path video, long... indexes) throws IOException {
        Set<Long> wanted = new TreeSet<>();
        for (long i : indexes) {
            wanted.add(i);
        }
        long last = wanted.stream().mapToLong(Long::longValue).max().orElse(-1);
        List<Frame> out = new ArrayList<>();
        try (FrameSource s = Sources.open(video.toString())) {
            Frame f;
            while ((f = s.next()) != null && f.index() <= last) {
                if (wanted.contains(f.index())) {
                    out.add(f.copy());
                }
            }
        }
        if (out.size() != wanted.size()) {
            throw new IllegalStateException(video + " has fewer frames than " + last);
        }
        return out;
    }
}
