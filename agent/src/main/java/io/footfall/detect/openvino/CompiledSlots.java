package io.footfall.detect.openvino;

import java.util.ArrayList;
import java.util.List;

/**
 * The model compiled for the current frame size (shared through {@link FrameModel#acquire}), with a fixed number of
 * {@link InferSlot}s of its own. Acquires lazily for the first frame size and again whenever the size changes. Not
 * thread-safe.
 */
final class CompiledSlots implements AutoCloseable {

    private final FrameModel model;
    private final int count;
    private final boolean ownCopy;

    private FrameStaging.TensorSize size;
    private OvCompiledModel compiled;
    private final List<InferSlot> slots = new ArrayList<>();

    CompiledSlots(FrameModel model, int count, boolean ownCopy) {
        this.model = model;
        this.count = count;
        this.ownCopy = ownCopy;
    }

    /** Whether the slots are ready for frames of this size (no compile needed). */
    boolean readyFor(int frameWidth, int frameHeight) {
        return compiled != null && size.equals(FrameStaging.TensorSize.of(model.spec(), frameWidth, frameHeight));
    }

    /**
     * The slots for frames of this size, compiling first when needed. A compile closes the old slots,
     * so none of them may be running.
     */
    List<InferSlot> slotsFor(int frameWidth, int frameHeight) {
        if (!readyFor(frameWidth, frameHeight)) {
            close();
            FrameStaging.TensorSize wanted = FrameStaging.TensorSize.of(model.spec(), frameWidth, frameHeight);
            compiled = model.acquire(wanted);
            size = wanted;
            for (int i = 0; i < count; i++) {
                slots.add(new InferSlot(compiled, model.spec(), ownCopy));
            }
        }
        return slots;
    }

    /** The compiled model, or null before the first frame. */
    OvCompiledModel compiled() {
        return compiled;
    }

    @Override
    public void close() {
        slots.forEach(InferSlot::close);
        slots.clear();
        if (compiled != null) {
            compiled = null;
            model.release(size);
        }
        size = null;
    }
}
