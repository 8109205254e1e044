package io.footfall.detect.openvino;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The infer requests of one compiled frame size, lent to every camera's {@link OvInferQueue} that reads frames of
 * that size. Each request holds its own activations and a copy of a frame (about 5 MB for retail-0013 at 768x576),
 * so eight cameras with a set of four requests each held 32 where OpenVINO's two CPU streams run two at a time: the
 * pool holds a few more than one camera wants, and a camera takes one when it submits a frame and gives it back when
 * it reads the result. Made and counted by {@link FrameModel#pool}. Thread-safe.
 */
final class SlotPool {
    private final FrameModel model;
    private final FrameStaging.TensorSize size;
    private final OvCompiledModel compiled;
    private final Deque<InferSlot> idle = new ArrayDeque<>();
    private final List<InferSlot> made = new ArrayList<>();
    private int limit;
    int users;

    SlotPool(FrameModel model, FrameStaging.TensorSize size, OvCompiledModel compiled) {
        this.model = model;
        this.size = size;
        this.compiled = compiled;
    }

    FrameStaging.TensorSize size() {
        return size;
    }

    synchronized void raiseLimit(int wanted) {
        limit = Math.max(limit, wanted);
    }

    /**
     * An idle request, or a new one while fewer than the limit exist; null when every request is lent. With
     * {@code needed} a request is made beyond the limit rather than none: a queue with nothing in flight has nothing
     * to give back, and waiting on other cameras could wait on itself (two queues on one thread).
     */
    synchronized InferSlot borrow(boolean needed) {
        InferSlot s = idle.poll();
        if (s == null && (made.size() < limit || needed)) {
            s = new InferSlot(compiled, model.spec(), true);
            made.add(s);
        }
        return s;
    }

    /** Takes back a request that is not running (its result read, or awaited). */
    synchronized void giveBack(InferSlot s) {
        idle.add(s);
    }

    /** Requests made so far, lent or idle. */
    synchronized int made() {
        return made.size();
    }

    /** Closes every request; the caller then releases the compiled model. Every request must be back. */
    synchronized void close() {
        made.forEach(InferSlot::close);
        made.clear();
        idle.clear();
    }
}
