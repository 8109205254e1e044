package io.footfall.detect.openvino;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.footfall.detect.InputSpec;
import io.footfall.detect.InputTransform;
import io.footfall.detect.ResizeMode;
import io.footfall.video.Frame;

import java.nio.ByteBuffer;

/**
 * Turns a {@link Frame} into the u8 BGR NHWC input tensor that the preprocessing built into the model
 * takes ({@link OvPreprocessing}), copying as little as possible:
 * <ul>
 *   <li>{@link ResizeMode#STRETCH} with a packed direct frame: a tensor over the frame's own pixels;</li>
 *   <li>a frame with padded rows, or when {@code ownCopy} is set: one copy into memory owned here;</li>
 *   <li>{@link ResizeMode#LETTERBOX}: one copy into a canvas with the model's aspect ratio, image at
 *       the top-left and the rest filled with the pad value (filled once: the image area never changes
 *       for a given frame size), which OpenVINO then resizes to the model input.</li>
 * </ul>
 * Tensors and memory are reused while the frame size (and, for the no-copy case, the frame's buffer)
 * stays the same. Not thread-safe; a tensor it hands out is valid until the next {@link #stage} or
 * {@link #close}.
 */
final class FrameStaging implements AutoCloseable {

    /** Size in pixels of the u8 BGR tensor fed for a frame. */
    record TensorSize(int width, int height) {

        static TensorSize of(InputSpec spec, int frameWidth, int frameHeight) {
            if (spec.resize() == ResizeMode.LETTERBOX) {
                InputTransform t = spec.transformFor(frameWidth, frameHeight);
                return new TensorSize(Math.max(frameWidth, t.canvasWidth()), Math.max(frameHeight, t.canvasHeight()));
            }
            return new TensorSize(frameWidth, frameHeight);
        }

        long[] nhwcShape() {
            return new long[]{1, height, width, 3};
        }

        long bytes() {
            return (long) width * height * 3;
        }

        @Override
        public String toString() {
            return width + "x" + height;
        }
    }

    private final InputSpec spec;
    private final boolean ownCopy;

    private Memory owned;
    private TensorSize ownedSize;
    private OvTensor tensor;
    private long tensorAddress;
    private TensorSize tensorSize;

    /**
     * @param ownCopy always copy the frame into memory owned here, so the caller may reuse the frame's
     *                buffer as soon as {@link #stage} returns (needed while an inference runs async)
     */
    FrameStaging(InputSpec spec, boolean ownCopy) {
        this.spec = spec;
        this.ownCopy = ownCopy;
    }

    /** The input tensor holding {@code frame}'s pixels, laid out as the compiled model expects. */
    OvTensor stage(Frame frame) {
        TensorSize size = TensorSize.of(spec, frame.width(), frame.height());
        boolean letterbox = spec.resize() == ResizeMode.LETTERBOX;
        if (!letterbox && !ownCopy && frame.isPacked() && frame.bgr().isDirect()) {
            return tensorOver(Native.getDirectBufferPointer(frame.bgr()), size);
        }
        Memory target = ownedMemory(size, letterbox);
        copyInto(frame, target.getByteBuffer(0, target.size()), size.width() * 3);
        return tensorOver(target, size);
    }

    private Memory ownedMemory(TensorSize size, boolean letterbox) {
        if (owned == null || !size.equals(ownedSize)) {
            closeTensor();
            if (owned != null) {
                owned.close();
            }
            owned = new Memory(size.bytes());
            ownedSize = size;
            if (letterbox) {
                owned.setMemory(0, owned.size(), (byte) spec.padValue());
            }
        }
        return owned;
    }

    private static void copyInto(Frame frame, ByteBuffer target, int targetStride) {
        int row = frame.width() * 3;
        ByteBuffer src = frame.bgr().duplicate();
        if (frame.stride() == targetStride) {
            src.limit(frame.stride() * (frame.height() - 1) + row).position(0);
            target.put(src);
            return;
        }
        for (int y = 0; y < frame.height(); y++) {
            src.limit(y * frame.stride() + row).position(y * frame.stride());
            target.position(y * targetStride);
            target.put(src);
        }
    }

    private OvTensor tensorOver(Pointer data, TensorSize size) {
        long address = Pointer.nativeValue(data);
        if (tensor == null || address != tensorAddress || !size.equals(tensorSize)) {
            closeTensor();
            tensor = OvTensor.overHostMemory(OvElementType.U8, size.nhwcShape(), data);
            tensorAddress = address;
            tensorSize = size;
        }
        return tensor;
    }

    private void closeTensor() {
        if (tensor != null) {
            tensor.close();
            tensor = null;
        }
    }

    @Override
    public void close() {
        closeTensor();
        if (owned != null) {
            owned.close();
            owned = null;
        }
    }
}
