package io.footfall.pipeline;

import io.footfall.annotate.ClipWriter;
import io.footfall.config.ClipPolicy;
import io.footfall.count.CountEvent;
import io.footfall.count.LineCrossing;
import io.footfall.count.RecordIds;
import io.footfall.video.Frame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes annotated frames to mp4 by the clip policy: the whole run as one-minute segments, or a clip around each
 * crossing. A continuous segment is finished, registered and visible to retention and upload as soon as its minute
 * is over: one file for a whole run would be seen by neither until the run ends, and a crash would leave it
 * unplayable. A clip's file name is unique (an existing file is never replaced: a second run over the same
 * data folder gets a suffix). Clips are the first thing to give up: a clip that cannot be written (disk
 * full, encoder failure) is logged, its partial file deleted, and recording pauses for a minute while
 * counting goes on. Crossings arrive only after their cancel window, so the recorder keeps the last
 * {@code pre + cancelWindow} of frames in memory ({@link FrameHistory}, reused buffers) and starts a clip at
 * {@code crossing - pre}; a clip
 * ends {@code post} after the last crossing in it. A crossing whose {@code pre} reaches back into the clip just ended
 * carries that clip on instead of starting another over the same seconds: at a busy door the clips would otherwise
 * overlap, and each overlap costs decoding the history and encoding those seconds twice (on a crowded clip, 1.8 times
 * the frames of the video were encoded). An event clip runs at most a minute; then the next file goes on from there.
 * Not thread-safe.
 */
final class ClipRecorder implements AutoCloseable {

    private final ClipPolicy policy;
    private final Path folder;
    private final String deviceId;
    private final String cameraId;
    private final Instant start;
    private final double fps;
    private final long historyMillis;
    private final FrameHistory history;
    private final List<ClipRef> finished = new ArrayList<>();
    private ClipWriter writer;
    private long writerFirstPts;
    private long writerLastPts;
    private long endAtPts = Long.MIN_VALUE;
    /** Past its last crossing's {@code post}: nothing more is written, but a crossing soon after may carry it on. */
    private boolean lingering;
    /** How long a clip stays open past its end for that: until no crossing still to come can reach back into it. */
    private final long lingerMillis;
    private long pausedUntilPts = Long.MIN_VALUE;
    private long failures;
    private static final long PAUSE_AFTER_FAILURE_MILLIS = 60_000;
    /** How much video one continuous segment holds (by frame time). */
    static final long CONTINUOUS_SEGMENT_MILLIS = 60_000;
    /** The longest an event clip runs before it goes on in the next file. */
    static final long MAX_EVENT_CLIP_MILLIS = 60_000;
    /** The longest a finished event clip is held open for a crossing that might carry it on. */
    private static final long MAX_LINGER_MILLIS = 10_000;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ClipRecorder.class);

    ClipRecorder(ClipPolicy policy, Path folder, String deviceId, String cameraId, Instant start, double fps,
                 java.time.Duration cancelWindow) {
        this.policy = policy;
        this.folder = folder;
        this.deviceId = deviceId;
        this.cameraId = cameraId;
        this.start = start;
        this.fps = fps;
        this.historyMillis = policy.pre().plus(cancelWindow).toMillis() + 1000;
        this.history = new FrameHistory(historyMillis);
        // A crossing is reported a cancel window after it happened and its clip starts pre before it.
        this.lingerMillis = Math.min(MAX_LINGER_MILLIS, policy.pre().plus(cancelWindow).toMillis());
    }

    /** Takes one annotated frame and the events of the same step. */
    void accept(Frame annotated, List<CountEvent> events) {
        if (annotated.ptsMillis() < pausedUntilPts) {
            return;
        }
        try {
            record(annotated, events);
        } catch (RuntimeException e) {
            fail(annotated.ptsMillis(), e);
        }
    }

    private void record(Frame annotated, List<CountEvent> events) {
        switch (policy.mode()) {
            case OFF -> {
            }
            case CONTINUOUS -> {
                if (writer != null && annotated.ptsMillis() - writerFirstPts >= CONTINUOUS_SEGMENT_MILLIS) {
                    finishClip();
                }
                if (writer == null) {
                    open(annotated, cameraId + "-annotated-" + stamp(start.plusMillis(annotated.ptsMillis())));
                }
                write(annotated);
            }
            case EVENTS -> acceptForEvents(annotated, events);
        }
    }

    private void acceptForEvents(Frame frame, List<CountEvent> events) {
        // A frame written straight into a clip is never needed again: a later crossing whose seconds before reach back
        // into that clip carries on in it (below). Only frames outside a clip are compressed for the history.
        if (writer == null || lingering) {
            history.add(frame);
        }
        for (CountEvent e : events) {
            if (e instanceof LineCrossing c) {
                long from = c.ptsMillis() - policy.pre().toMillis();
                if (writer != null && lingering) {
                    if (from <= writerLastPts) {
                        // Its seconds before overlap the open clip: one clip goes on, each frame encoded once, instead
                        // of a second clip that decodes and encodes those seconds again.
                        history.replay(writerLastPts + 1, frame.ptsMillis(), this::write);
                        lingering = false;
                    } else {
                        finishClip();
                    }
                }
                if (writer == null) {
                    long first = Math.min(frame.ptsMillis(), history.firstAtOrAfter(from).orElse(frame.ptsMillis()));
                    open(frame.width(), frame.height(), first, cameraId + "-" + stamp(start.plusMillis(first)));
                    history.replay(first, frame.ptsMillis(), this::write);
                }
                endAtPts = Math.max(endAtPts, c.ptsMillis() + policy.post().toMillis());
            }
        }
        if (writer == null) {
            return;
        }
        if (!lingering) {
            if (frame.ptsMillis() - writerFirstPts >= MAX_EVENT_CLIP_MILLIS) {
                splitClip(frame);
                if (writer == null) {
                    return;
                }
            }
            write(frame);
            lingering = frame.ptsMillis() >= endAtPts;
        } else if (frame.ptsMillis() - writerLastPts > lingerMillis) {
            finishClip();
        }
    }

    /**
     * Ends a clip that has run for {@link #MAX_EVENT_CLIP_MILLIS} and goes on in a new one from {@code frame}, so a
     * busy door still gives files that are finished, registered and uploaded while people keep walking through.
     */
    private void splitClip(Frame frame) {
        long end = endAtPts;
        finishClip();
        if (writer == null && frame.ptsMillis() >= pausedUntilPts) {
            open(frame, cameraId + "-" + stamp(start.plusMillis(frame.ptsMillis())));
            endAtPts = end;
        }
    }

    private void open(Frame first, String stem) {
        open(first.width(), first.height(), first.ptsMillis(), stem);
    }

    private void open(int width, int height, long firstPts, String stem) {
        Path file = unusedName(stem);
        writer = new ClipWriter(file, width, height, fps, firstPts);
        writerFirstPts = firstPts;
    }

    /** {@code stem.mp4}, or {@code stem-2.mp4}... when a file of that name exists: a record's file is never replaced. */
    private Path unusedName(String stem) {
        Path file = folder.resolve(stem + ".mp4");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(stem + "-" + n + ".mp4");
        }
        return file;
    }

    /** 20261125T090031.200Z: sortable, and safe in file and blob names. */
    private static String stamp(Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(java.time.ZoneOffset.UTC).format(t);
    }

    private void fail(long pts, RuntimeException e) {
        failures++;
        Path file = writer != null ? writer.file() : null;
        if (writer != null) {
            try {
                writer.close();
            } catch (RuntimeException ignored) {
                // the clip is abandoned anyway
            }
            writer = null;
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the next agent start removes files no record names (UnrecordedClips)
            }
        }
        endAtPts = Long.MIN_VALUE;
        lingering = false;
        pausedUntilPts = pts + PAUSE_AFTER_FAILURE_MILLIS;
        log.warn("event=clip_failed camera={} file={} reason=\"{}\" pausedSeconds={} failures={}", cameraId,
                file == null ? "-" : file.getFileName(), ClipFailures.reason(e), PAUSE_AFTER_FAILURE_MILLIS / 1000, failures);
    }

    long failures() {
        return failures;
    }

    private void write(Frame f) {
        writer.write(f);
        writerLastPts = f.ptsMillis();
    }

    private void finishClip() {
        try {
            writer.close();
        } catch (RuntimeException e) {
            fail(writerLastPts, e);
            return;
        }
        long bytes;
        try {
            bytes = Files.size(writer.file());
        } catch (IOException e) {
            // A clip the quota cannot weigh is not registered (the outbox refuses an unknown size): it is dropped like
            // one that could not be written, and counting goes on.
            fail(writerLastPts, new java.io.UncheckedIOException("cannot read the size of " + writer.file().getFileName(), e));
            return;
        }
        Instant clipStart = start.plusMillis(writerFirstPts);
        String stem = writer.file().getFileName().toString().replaceFirst("\\.mp4$", "");
        finished.add(new ClipRef(RecordIds.clip(deviceId, cameraId, stem), deviceId, cameraId,
                writer.file(), clipStart, start.plusMillis(writerLastPts), writer.frames(), bytes));
        writer = null;
        endAtPts = Long.MIN_VALUE;
        lingering = false;
    }

    /** Clips finished since the last call. */
    List<ClipRef> drainFinished() {
        List<ClipRef> out = List.copyOf(finished);
        finished.clear();
        return out;
    }

    /** Finishes the open clip (so its mp4 is playable) and forgets the history. Idempotent. */
    @Override
    public void close() {
        if (writer != null) {
            finishClip();
        }
        history.close();
    }
}
