package io.footfall.detect.openvino;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The OpenVINO 2.0 C API ({@code openvino/c/*.h}) as JNA direct-mapped natives, bound to one
 * {@code libopenvino_c} by {@link OpenVinoRuntime}. Only what Footfall uses is declared.
 *
 * <p>Mapping rules: every {@code ov_xxx_t*} handle is a {@link Pointer}; {@code size_t} and
 * {@code int64_t} are {@code long} (64-bit Linux only); enums and {@code ov_status_e} are {@code int}.
 * Functions returning C {@code bool} are not bound, because JNA reads a 4-byte int where C returns
 * one byte. Strings the library allocates are released with {@link #ov_free}.
 *
 * <p>Direct mapping is used for its lower per-call cost on the inference path. Direct mapping cannot
 * call variadic functions, so {@link Variadic} maps those through a JNA interface instead.
 */
final class OvNative {

    private OvNative() {
    }

    /** Binds the natives below to {@code library}; called once per JVM by {@link OpenVinoRuntime}. */
    static void bind(NativeLibrary library) {
        Native.register(OvNative.class, library);
    }

    /** The variadic functions, which JNA can only call through interface mapping. */
    interface Variadic extends Library {
        /** {@code ov_core_compile_model(core, model, device, property_args_size, compiled_model, key, value, ...)}. */
        int ov_core_compile_model(Pointer core, Pointer model, String device, long propertyArgsSize,
                                  PointerByReference compiledModel, Object... keyValues);

        /** {@code absolutePath} as given to {@code NativeLibrary.getInstance}, so JNA reuses that handle. */
        static Variadic load(String absolutePath) {
            return Native.load(absolutePath, Variadic.class);
        }
    }

    /** {@code ov_shape_t}: {@code int64_t rank; int64_t* dims}. */
    @Structure.FieldOrder({"rank", "dims"})
    public static class OvShape extends Structure {
        public long rank;
        public Pointer dims;

        long[] dims() {
            return rank == 0 ? new long[0] : dims.getLongArray(0, (int) rank);
        }

        /** The same struct passed by value, as {@code ov_tensor_create_from_host_ptr} takes it. */
        public static class ByValue extends OvShape implements Structure.ByValue {
        }
    }

    /**
     * {@code ov_partial_shape_t}: {@code ov_rank_t rank; ov_dimension_t* dims}, where rank and each
     * dimension are {@code {int64_t min; int64_t max}} (min = max when static, max = -1 when unbounded).
     */
    @Structure.FieldOrder({"rankMin", "rankMax", "dims"})
    public static class OvPartialShape extends Structure {
        public long rankMin;
        public long rankMax;
        public Pointer dims;

        /** The same struct passed by value, as {@code ov_model_reshape_input_by_name} takes it. */
        public static class ByValue extends OvPartialShape implements Structure.ByValue {
        }
    }

    /** {@code ov_version_t}: two C strings owned by the library until {@link #ov_version_free}. */
    @Structure.FieldOrder({"buildNumber", "description"})
    public static class OvVersion extends Structure {
        public Pointer buildNumber;
        public Pointer description;
    }

    // ov_common.h
    static native Pointer ov_get_error_info(int status);

    static native Pointer ov_get_last_err_msg();

    static native void ov_free(Pointer content);

    // ov_core.h
    static native int ov_get_openvino_version(OvVersion version);

    static native void ov_version_free(OvVersion version);

    static native int ov_core_create(PointerByReference core);

    static native void ov_core_free(Pointer core);

    static native int ov_core_read_model(Pointer core, String modelPath, String binPath, PointerByReference model);

    // ov_model.h
    static native void ov_model_free(Pointer model);

    static native int ov_model_inputs_size(Pointer model, LongByReference size);

    static native int ov_model_outputs_size(Pointer model, LongByReference size);

    static native int ov_model_const_input_by_index(Pointer model, long index, PointerByReference port);

    static native int ov_model_const_output_by_index(Pointer model, long index, PointerByReference port);

    static native int ov_model_reshape_input_by_name(Pointer model, String tensorName, OvPartialShape.ByValue shape);

    // ov_node.h
    static native int ov_port_get_any_name(Pointer port, PointerByReference name);

    static native int ov_port_get_partial_shape(Pointer port, OvPartialShape shape);

    static native int ov_port_get_element_type(Pointer port, int[] type);

    static native void ov_output_const_port_free(Pointer port);

    // ov_partial_shape.h / ov_shape.h
    static native void ov_partial_shape_free(OvPartialShape shape);

    static native int ov_partial_shape_create_static(long rank, long[] dims, OvPartialShape shape);

    static native int ov_shape_free(OvShape shape);

    // ov_layout.h
    static native int ov_layout_create(String layout, PointerByReference out);

    static native void ov_layout_free(Pointer layout);

    // ov_prepostprocess.h
    static native int ov_preprocess_prepostprocessor_create(Pointer model, PointerByReference ppp);

    static native void ov_preprocess_prepostprocessor_free(Pointer ppp);

    static native int ov_preprocess_prepostprocessor_get_input_info_by_name(Pointer ppp, String name,
                                                                            PointerByReference inputInfo);

    static native void ov_preprocess_input_info_free(Pointer inputInfo);

    static native int ov_preprocess_input_info_get_tensor_info(Pointer inputInfo, PointerByReference tensorInfo);

    static native void ov_preprocess_input_tensor_info_free(Pointer tensorInfo);

    static native int ov_preprocess_input_tensor_info_set_element_type(Pointer tensorInfo, int elementType);

    static native int ov_preprocess_input_tensor_info_set_layout(Pointer tensorInfo, Pointer layout);

    static native int ov_preprocess_input_tensor_info_set_color_format(Pointer tensorInfo, int colorFormat);

    static native int ov_preprocess_input_tensor_info_set_spatial_static_shape(Pointer tensorInfo, long height,
                                                                               long width);

    static native int ov_preprocess_input_info_get_preprocess_steps(Pointer inputInfo, PointerByReference steps);

    static native void ov_preprocess_preprocess_steps_free(Pointer steps);

    static native int ov_preprocess_preprocess_steps_resize(Pointer steps, int algorithm);

    static native int ov_preprocess_preprocess_steps_convert_element_type(Pointer steps, int elementType);

    static native int ov_preprocess_preprocess_steps_convert_color(Pointer steps, int colorFormat);

    static native int ov_preprocess_preprocess_steps_mean(Pointer steps, float value);

    static native int ov_preprocess_preprocess_steps_scale(Pointer steps, float value);

    static native int ov_preprocess_input_info_get_model_info(Pointer inputInfo, PointerByReference modelInfo);

    static native void ov_preprocess_input_model_info_free(Pointer modelInfo);

    static native int ov_preprocess_input_model_info_set_layout(Pointer modelInfo, Pointer layout);

    static native int ov_preprocess_prepostprocessor_build(Pointer ppp, PointerByReference model);

    // ov_compiled_model.h
    static native int ov_compiled_model_create_infer_request(Pointer compiledModel, PointerByReference request);

    static native int ov_compiled_model_get_property(Pointer compiledModel, String key, PointerByReference value);

    static native void ov_compiled_model_free(Pointer compiledModel);

    // ov_infer_request.h
    static native int ov_infer_request_set_input_tensor_by_index(Pointer request, long index, Pointer tensor);

    static native int ov_infer_request_get_output_tensor_by_index(Pointer request, long index,
                                                                  PointerByReference tensor);

    static native int ov_infer_request_infer(Pointer request);

    static native int ov_infer_request_start_async(Pointer request);

    static native int ov_infer_request_wait(Pointer request);

    static native int ov_infer_request_wait_for(Pointer request, long timeoutMillis);

    static native void ov_infer_request_free(Pointer request);

    // ov_tensor.h
    static native int ov_tensor_create_from_host_ptr(int elementType, OvShape.ByValue shape, Pointer hostPtr,
                                                     PointerByReference tensor);

    static native int ov_tensor_create(int elementType, OvShape.ByValue shape, PointerByReference tensor);

    static native int ov_tensor_get_shape(Pointer tensor, OvShape shape);

    static native int ov_tensor_get_element_type(Pointer tensor, int[] type);

    static native int ov_tensor_get_byte_size(Pointer tensor, LongByReference size);

    static native int ov_tensor_data(Pointer tensor, PointerByReference data);

    static native void ov_tensor_free(Pointer tensor);
}
