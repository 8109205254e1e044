package io.footfall.detect.openvino;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.footfall.detect.DetectionException;
import io.footfall.detect.OutputTensor;

import java.util.Arrays;

/**
 * An OpenVINO tensor ({@code ov_tensor_t}). Either OpenVINO owns its memory ({@link #allocate}, or an
 * output got from an infer request), or it is a view over host memory that the caller owns and keeps
 * alive and unchanged for as long as OpenVINO may read it ({@link #overHostMemory}).
 *
 * <p>Not thread-safe.
 */
public final class OvTensor extends NativeHandle {

    private OvTensor(Pointer p) {
        super("tensor", p);
    }

    static OvTensor wrap(Pointer p) {
        return new OvTensor(p);
    }

    /**
     * A tensor over {@code data}, without copying. {@code data} must hold the whole tensor and stay
     * valid until every infer request that was given this tensor has finished with it.
     */
    public static OvTensor overHostMemory(OvElementType type, long[] shape, Pointer data) {
        PointerByReference out = new PointerByReference();
        OvStatus.check(OvNative.ov_tensor_create_from_host_ptr(type.code, shapeOf(shape), data, out),
                "create a " + type + " tensor " + Arrays.toString(shape) + " over host memory");
        return new OvTensor(out.getValue());
    }

    /** A tensor whose memory OpenVINO allocates. */
    public static OvTensor allocate(OvElementType type, long[] shape) {
        PointerByReference out = new PointerByReference();
        OvStatus.check(OvNative.ov_tensor_create(type.code, shapeOf(shape), out),
                "create a " + type + " tensor " + Arrays.toString(shape));
        return new OvTensor(out.getValue());
    }

    private static OvNative.OvShape.ByValue shapeOf(long[] dims) {
        // OpenVINO copies the dims into its own ov::Shape, so Java-owned memory is fine here.
        OvNative.OvShape.ByValue shape = new OvNative.OvShape.ByValue();
        shape.rank = dims.length;
        Memory m = new Memory(Math.max(1, dims.length) * 8L);
        m.write(0, dims, 0, dims.length);
        shape.dims = m;
        return shape;
    }

    public long[] shape() {
        OvNative.OvShape s = new OvNative.OvShape();
        OvStatus.check(OvNative.ov_tensor_get_shape(pointer(), s), "read a tensor shape");
        try {
            return s.dims();
        } finally {
            OvNative.ov_shape_free(s);
        }
    }

    public String elementType() {
        int[] type = new int[1];
        OvStatus.check(OvNative.ov_tensor_get_element_type(pointer(), type), "read a tensor element type");
        return OvElementType.nameOf(type[0]);
    }

    public long byteSize() {
        LongByReference size = new LongByReference();
        OvStatus.check(OvNative.ov_tensor_get_byte_size(pointer(), size), "read a tensor size");
        return size.getValue();
    }

    /** The tensor's memory; valid while the tensor (or its infer request) lives. */
    public Pointer data() {
        PointerByReference data = new PointerByReference();
        OvStatus.check(OvNative.ov_tensor_data(pointer(), data), "read a tensor's data pointer");
        return data.getValue();
    }

    /** Copies an f32 tensor out into Java memory under the given name. */
    public OutputTensor toOutput(String name) {
        String type = elementType();
        if (!type.equals(OvElementType.F32.name())) {
            throw new DetectionException("output '" + name + "' is " + type
                    + "; expected F32");
        }
        long[] shape = shape();
        long n = byteSize() / Float.BYTES;
        float[] values = new float[Math.toIntExact(n)];
        data().read(0, values, 0, values.length);
        return new OutputTensor(name, shape, values);
    }

    @Override
    void free(Pointer p) {
        OvNative.ov_tensor_free(p);
    }
}
