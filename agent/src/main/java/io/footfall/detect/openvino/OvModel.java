package io.footfall.detect.openvino;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;
import io.footfall.detect.DetectionException;
import io.footfall.detect.DetectorSetupException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model read by OpenVINO ({@code ov_model_t}), before compilation. Not thread-safe.
 */
public final class OvModel extends NativeHandle {

    private final Path source;

    OvModel(Pointer p, Path source) {
        super("model", p);
        this.source = source;
    }

    /** The file it was read from. */
    public Path source() {
        return source;
    }

    public List<OvPort> inputs() {
        return ports(true);
    }

    public List<OvPort> outputs() {
        return ports(false);
    }

    /** The input with this tensor name, or a clear error listing the model's inputs. */
    public OvPort input(String name) {
        return find(inputs(), "input", name);
    }

    /** The output with this tensor name, or a clear error listing the model's outputs. */
    public OvPort output(String name) {
        return find(outputs(), "output", name);
    }

    /** Index of the output with this tensor name, as infer requests number them. */
    public int outputIndex(String name) {
        List<OvPort> outs = outputs();
        return outs.indexOf(find(outs, "output", name));
    }

    /**
     * Gives input {@code name} the static shape {@code dims} (e.g. a larger picture), propagating it through the
     * model as OpenVINO's {@code reshape} does; the outputs follow (a YOLOX head gets more anchor points).
     *
     * @throws DetectorSetupException when the model cannot take that shape
     */
    public void reshapeInput(String name, long[] dims) {
        input(name);
        OvNative.OvPartialShape shape = new OvNative.OvPartialShape();
        OvStatus.check(OvNative.ov_partial_shape_create_static(dims.length, dims, shape), "make a static shape");
        try {
            OvNative.OvPartialShape.ByValue value = new OvNative.OvPartialShape.ByValue();
            value.rankMin = shape.rankMin;
            value.rankMax = shape.rankMax;
            value.dims = shape.dims;
            OvStatus.check(OvNative.ov_model_reshape_input_by_name(pointer(), name, value), "reshape input");
        } catch (OpenVinoException e) {
            throw new DetectorSetupException("model " + source + " cannot take input '" + name + "' of shape "
                    + java.util.Arrays.toString(dims).replace(" ", "") + ": " + e.getMessage());
        } finally {
            OvNative.ov_partial_shape_free(shape);
        }
    }

    private OvPort find(List<OvPort> ports, String kind, String name) {
        return ports.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new DetectorSetupException("model " + source + " has no " + kind + " named '" + name
                        + "'; its " + kind + "s are " + ports));
    }

    private List<OvPort> ports(boolean inputs) {
        LongByReference count = new LongByReference();
        OvStatus.check(inputs ? OvNative.ov_model_inputs_size(pointer(), count)
                : OvNative.ov_model_outputs_size(pointer(), count), "count model ports");
        List<OvPort> ports = new ArrayList<>();
        for (long i = 0; i < count.getValue(); i++) {
            PointerByReference out = new PointerByReference();
            OvStatus.check(inputs ? OvNative.ov_model_const_input_by_index(pointer(), i, out)
                    : OvNative.ov_model_const_output_by_index(pointer(), i, out), "get model port " + i);
            Pointer port = out.getValue();
            try {
                ports.add(describe(port));
            } finally {
                OvNative.ov_output_const_port_free(port);
            }
        }
        return ports;
    }

    private static OvPort describe(Pointer port) {
        PointerByReference name = new PointerByReference();
        OvStatus.check(OvNative.ov_port_get_any_name(port, name), "read a port name");
        String tensorName = OpenVinoRuntime.takeString(name.getValue());
        int[] type = new int[1];
        OvStatus.check(OvNative.ov_port_get_element_type(port, type), "read a port element type");
        OvNative.OvPartialShape shape = new OvNative.OvPartialShape();
        OvStatus.check(OvNative.ov_port_get_partial_shape(port, shape), "read a port shape");
        try {
            long[] dims;
            if (shape.rankMin != shape.rankMax || shape.rankMin < 0) {
                dims = new long[0];
            } else {
                // ov_dimension_t is {int64_t min; int64_t max}; a dimension is static when min == max.
                long[] minMax = shape.dims == null ? new long[0] : shape.dims.getLongArray(0, (int) shape.rankMin * 2);
                dims = new long[(int) shape.rankMin];
                for (int d = 0; d < dims.length; d++) {
                    dims[d] = minMax[2 * d] == minMax[2 * d + 1] ? minMax[2 * d] : -1;
                }
            }
            return new OvPort(tensorName, dims, OvElementType.nameOf(type[0]));
        } finally {
            OvNative.ov_partial_shape_free(shape);
        }
    }

    @Override
    void free(Pointer p) {
        OvNative.ov_model_free(p);
    }
}
