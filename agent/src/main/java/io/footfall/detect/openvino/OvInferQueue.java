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
 * <p>The requests are borrowed from the {@link SlotPool} of the frame size, which every camera on the same compiled
 * model shares: a camera holds a request only while its frame is in flight, so eight cameras need a few more requests
 * than one camera does, not eight times as many. A camera never waits on another: when the pool is empty it first
 * reads its own oldest result, and with nothing of its own in flight it is lent one beyond the pool's limit.
 *
 * <p>Not thread-safe: one thread submits and drains. Made by {@link OpenVinoBackend#newQueue}.
 */
public final class OvInferQueue implements InferenceQueue {

    private record InFlight(InferSlot slot, long frameIndex, long ptsMillis, int width, int height, long stagingNanos,
                            long startNanos) {
    }

    private final FrameModel model;
    private final int capacity;
    private final Deque<InFlight> running = new ArrayDeque<>();
    private SlotPool pool;

    OvInferQueue(FrameModel model, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an infer queue needs at least 1 request, got " + capacity);
        }
        this.model = model;
        this.capacity = capacity;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    public int inFlight() {
        return running.size();
    }

    /** Requests in the pool this queue borrows from (every camera's, lent or idle); 0 before the first frame. */
    public int pooledRequests() {
        return pool == null ? 0 : pool.made();
    }

    /**
     * Starts inference on a frame. When this queue has {@link #capacity} frames in flight, or the shared pool has no
     * request to lend, it first waits for its own oldest; the results of frames that finished that way are returned
     * (oldest first), often none or one. A frame of a new size drains the queue and moves to that size's pool
     * (compiling first when no camera has).
     */
    @Override
    public List<Result> submit(Frame frame) {
        List<Result> done = new ArrayList<>();
        FrameStaging.TensorSize wanted = FrameStaging.TensorSize.of(model.spec(), frame.width(), frame.height());
        if (pool == null || !pool.size().equals(wanted)) {
            done.addAll(drain());
            leavePool();
            pool = model.pool(wanted, capacity);
        }
        if (running.size() >= capacity) {
            done.add(finishOldest());
        }
        InferSlot slot = pool.borrow(false);
        while (slot == null) {
            if (running.isEmpty()) {
                slot = pool.borrow(true);
            } else {
                done.add(finishOldest());
                slot = pool.borrow(false);
            }
        }
        long t0 = System.nanoTime();
        long t1;
        try {
            slot.load(frame);
            t1 = System.nanoTime();
            slot.request().startAsync();
        } catch (RuntimeException e) {
            pool.giveBack(slot);
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
            pool.giveBack(oldest.slot());
        }
    }

    private void leavePool() {
        if (pool != null) {
            model.leave(pool);
            pool = null;
        }
    }

    @Override
    public void close() {
        // A request goes back to the pool only once it has finished, so nothing still writes into memory another
        // camera is handed; the last queue to leave closes them.
        while (!running.isEmpty()) {
            InFlight f = running.poll();
            try {
                f.slot().request().await();
            } catch (RuntimeException ignored) {
                // it is finished either way, and its frame is abandoned
            } finally {
                pool.giveBack(f.slot());
            }
        }
        leavePool();
    }
}
