package io.footfall.pipeline;

import io.footfall.schema.MotRows;
import io.footfall.schema.TrackBox;
import io.footfall.track.TrackedFrame;
import io.footfall.track.TrackedObject;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes the boxes of tracks matched in each frame as a MOTChallenge result file, so a run can be
 * scored against ground truth ({@code footfall eval}) or compared with other trackers. Not thread-safe.
 */
final class TrackLogWriter implements AutoCloseable {
    private final BufferedWriter out;

    private TrackLogWriter(BufferedWriter out) {
        this.out = out;
    }

    static TrackLogWriter open(Optional<Path> file) throws IOException {
        if (file.isEmpty()) {
            return new TrackLogWriter(null);
        }
        if (file.get().getParent() != null) {
            Files.createDirectories(file.get().getParent());
        }
        return new TrackLogWriter(Files.newBufferedWriter(file.get(), StandardCharsets.UTF_8));
    }

    void write(TrackedFrame f) throws IOException {
        if (out == null) {
            return;
        }
        for (TrackedObject o : f.confirmed()) {
            out.write(MotRows.formatTrack(new TrackBox(f.frame(), o.id().value(), o.box())));
            out.write('\n');
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
        }
    }
}
