package io.footfall.pipeline;

import io.footfall.annotate.ClipWriter;
import io.footfall.config.ClipPolicy;
import io.footfall.count.CountEvent;
import io.footfall.count.LineCrossing;
import io.footfall.video.Frame;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Writes annotated frames to mp4 by the clip policy: the whole run in one file, or a clip around each
 * crossing. Crossings arrive only after their cancel window, so the recorder keeps the last
 * {@code pre + cancelWindow} of frames in memory and starts a clip at {@code crossing - pre}; a clip
 * ends {@code post} after the last crossing in it. Not thread-safe.
 */
final class ClipRecorder implements AutoCloseable {

    private final ClipPolicy policy;
    private final Path folder;
    private final String deviceId;
    private final String cameraId;
    private final Instant start;
    private final double fps;
    private final long historyMillis;
    private final Deque<Frame> history = new ArrayDeque<>();
    private final List<ClipRef> finished = new ArrayList<>();
    private ClipWriter writer;
    private long writerFirstPts;
    private long writerLastPts;
    private long endAtPts = Long.MIN_VALUE;

    ClipRecorder(ClipPolicy policy, Path folder, String deviceId, String cameraId, Instant start, double fps,
                 java.time.Duration cancelWindow) {
        this.policy = policy;
        this.folder = folder;
        this.deviceId = deviceId;
        this.cameraId = cameraId;
        this.start = start;
        this.fps = fps;
        this.historyMillis = policy.pre().plus(cancelWindow).toMillis() + 1000;
    }

    /** Takes one annotated frame and the events of the same step. */
    void accept(Frame annotated, List<CountEvent> events) {
        switch (policy.mode()) {
            case OFF -> {
            }
            case CONTINUOUS -> {
                if (writer == null) {
                    open(annotated, folder.resolve(cameraId + "-annotated.mp4"));
                }
                write(annotated);
            }
            case EVENTS -> acceptForEvents(annotated.copy(), events);
        }
    }

    private void acceptForEvents(Frame frame, List<CountEvent> events) {
        history.addLast(frame);
        while (!history.isEmpty() && frame.ptsMillis() - history.peekFirst().ptsMillis() > historyMillis) {
            history.removeFirst();
        }
        for (CountEvent e : events) {
            if (e instanceof LineCrossing c) {
                long from = c.ptsMillis() - policy.pre().toMillis();
                if (writer == null) {
                    Frame first = history.stream().filter(h -> h.ptsMillis() >= from).findFirst().orElse(frame);
                    open(first, folder.resolve(cameraId + "-" + start.plusMillis(c.ptsMillis()).toEpochMilli() + ".mp4"));
                    for (Frame h : history) {
                        if (h.ptsMillis() >= first.ptsMillis() && h.ptsMillis() < frame.ptsMillis()) {
                            write(h);
                        }
                    }
                }
                endAtPts = Math.max(endAtPts, c.ptsMillis() + policy.post().toMillis());
            }
        }
        if (writer != null) {
            write(frame);
            if (frame.ptsMillis() >= endAtPts) {
                finishClip();
            }
        }
    }

    private void open(Frame first, Path file) {
        writer = new ClipWriter(file, first.width(), first.height(), fps, first.ptsMillis());
        writerFirstPts = first.ptsMillis();
    }

    private void write(Frame f) {
        writer.write(f);
        writerLastPts = f.ptsMillis();
    }

    private void finishClip() {
        writer.close();
        long bytes;
        try {
            bytes = Files.size(writer.file());
        } catch (IOException e) {
            bytes = -1;
        }
        Instant clipStart = start.plusMillis(writerFirstPts);
        finished.add(new ClipRef(deviceId + "/" + cameraId + "/clip/" + clipStart.toEpochMilli(), deviceId, cameraId,
                writer.file(), clipStart, start.plusMillis(writerLastPts), writer.frames(), bytes));
        writer = null;
        endAtPts = Long.MIN_VALUE;
    }

    /** Clips finished since the last call. */
    List<ClipRef> drainFinished() {
        List<ClipRef> out = List.copyOf(finished);
        finished.clear();
        return out;
    }

    @Override
    public void close() {
        if (writer != null) {
            finishClip();
        }
        history.clear();
    }
}
