package io.footfall.detect.openvino;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.footfall.detect.OutputTensor;

/**
 * One inference slot of a compiled model ({@code ov_infer_request_t}): set inputs, run it
 * synchronously ({@link #infer()}) or asynchronously ({@link #startAsync()} then {@link #await()}),
 * read outputs. Not thread-safe: one caller at a time, and inputs must not change while it runs.
 */
public final class OvInferRequest extends NativeHandle {

    /** Reused for the per-frame out-parameters, so the hot path allocates no native memory. */
    private final PointerByReference scratch = new PointerByReference();
    private boolean running;

    OvInferRequest(Pointer p) {
        super("infer request", p);
    }

    /** Uses {@code tensor} as input {@code index}; OpenVINO keeps a reference, the memory is not copied. */
    public void setInput(int index, OvTensor tensor) {
        OvStatus.check(OvNative.ov_infer_request_set_input_tensor_by_index(pointer(), index, tensor.pointer()),
                "set input tensor " + index);
    }

    public void infer() {
        OvStatus.check(OvNative.ov_infer_request_infer(pointer()), "run inference");
    }

    public void startAsync() {
        OvStatus.check(OvNative.ov_infer_request_start_async(pointer()), "start an inference");
        running = true;
    }

    /** Whether an asynchronous inference was started and not yet awaited. */
    public boolean isRunning() {
        return running;
    }

    /** Blocks until the running inference finishes; fails if it failed. */
    public void await() {
        int status = OvNative.ov_infer_request_wait(pointer());
        running = false;
        OvStatus.check(status, "wait for an inference");
    }

    /** The output tensor at {@code index}, as a new handle the caller closes. */
    public OvTensor output(int index) {
        PointerByReference out = new PointerByReference();
        OvStatus.check(OvNative.ov_infer_request_get_output_tensor_by_index(pointer(), index, out),
                "get output tensor " + index);
        return OvTensor.wrap(out.getValue());
    }

    /**
     * Copies the first {@code into.length} f32 values of output {@code index} into {@code into}; the
     * caller knows the output's type and size (from {@link #copyOutput} on an earlier frame).
     */
    public void copyOutputValues(int index, float[] into) {
        OvStatus.check(OvNative.ov_infer_request_get_output_tensor_by_index(pointer(), index, scratch),
                "get output tensor " + index);
        Pointer tensor = scratch.getValue();
        try {
            OvStatus.check(OvNative.ov_tensor_data(tensor, scratch), "read output tensor " + index);
            scratch.getValue().read(0, into, 0, into.length);
        } finally {
            OvNative.ov_tensor_free(tensor);
        }
    }

    /** Copies output {@code index} into Java memory under {@code name}. */
    public OutputTensor copyOutput(int index, String name) {
        try (OvTensor t = output(index)) {
            return t.toOutput(name);
        }
    }

    @Override
    void free(Pointer p) {
        if (running) {
            // Freeing a request while OpenVINO still runs it would let it write into freed memory.
            OvNative.ov_infer_request_wait(p);
            running = false;
        }
        OvNative.ov_infer_request_free(p);
    }
}
