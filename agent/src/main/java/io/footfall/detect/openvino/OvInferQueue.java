package io.footfall.detect.openvino;

import io.footfall.detect.InferenceQueue;
import io.footfall.detect.StageTimes;
import io.footfall.video.Frame;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Several OpenVINO infer requests in flight at once ({@code start_async} + {@code wait}), for
 * throughput. Results come back in submission order. Each submitted frame is copied into memory of
 * its request before {@link #submit} returns, so the caller may reuse the frame's buffer at once.
 *
 * <p>Not thread-safe: one thread submits and drains. Made by {@link OpenVinoBackend#newQueue}; it
 * compiles its own copy of the model, for the first frame's size and again if the size changes.
 */
public final class OvInferQueue implements InferenceQueue {

    private record InFlight(InferSlot slot, long frameIndex, long ptsMillis, int width, int height, long stagingNanos,
                            long startNanos) {
    }

    private final FrameModel model;
    private final CompiledSlots compiled;
    private final int capacity;
    private final Deque<InFlight> running = new ArrayDeque<>();
    private final Deque<InferSlot> idle = new ArrayDeque<>();

    OvInferQueue(FrameModel model, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an infer queue needs at least 1 request, got " + capacity);
        }
        this.model = model;
        this.capacity = capacity;
        this.compiled = new CompiledSlots(model, capacity, true);
    }

    @Override
    public int capacity() {
        return capacity;
    }

    public int inFlight() {
        return running.size();
    }

    /**
     * Starts inference on a frame. When every request is busy it first waits for the oldest; the
     * results of frames that finished that way are returned (oldest first), often none or one. A frame
     * of a new size drains the queue and recompiles first.
     */
    @Override
    public List<Result> submit(Frame frame) {
        List<Result> done = new ArrayList<>();
        if (!compiled.readyFor(frame.width(), frame.height())) {
            done.addAll(drain());
            idle.clear();
            idle.addAll(compiled.slotsFor(frame.width(), frame.height()));
        }
        if (idle.isEmpty()) {
            done.add(finishOldest());
        }
        InferSlot slot = idle.poll();
        long t0 = System.nanoTime();
        long t1;
        try {
            slot.load(frame);
            t1 = System.nanoTime();
            slot.request().startAsync();
        } catch (RuntimeException e) {
            idle.addFirst(slot);
            throw e;
        }
        running.add(new InFlight(slot, frame.index(), frame.ptsMillis(), frame.width(), frame.height(), t1 - t0, t1));
        return done;
    }

    /** Waits for every frame in flight and returns their results, oldest first. */
    @Override
    public List<Result> drain() {
        List<Result> done = new ArrayList<>();
        while (!running.isEmpty()) {
            done.add(finishOldest());
        }
        return done;
    }

    private Result finishOldest() {
        InFlight oldest = running.poll();
        try {
            oldest.slot().request().await();
            var output = oldest.slot().output(model);
            return new Result(oldest.frameIndex(), oldest.ptsMillis(), oldest.width(), oldest.height(), output,
                    new StageTimes(oldest.stagingNanos(), System.nanoTime() - oldest.startNanos(), 0));
        } finally {
            idle.add(oldest.slot());
        }
    }

    @Override
    public void close() {
        // Closing a request waits for it to finish, so nothing still writes into freed memory.
        running.clear();
        idle.clear();
        compiled.close();
    }
}
