package io.footfall.detect.openvino;

import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import io.footfall.detect.InputSpec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * Puts a model's input preprocessing into the model itself with OpenVINO's PrePostProcessor, so the
 * compiled model takes decoded frames as they are: packed 8-bit BGR, NHWC, at the frame's size.
 * OpenVINO then resizes (linear), converts BGR to RGB when the model wants RGB, converts to f32,
 * applies the mean and scale of the {@link InputSpec}, and transposes to the model's layout, all
 * inside the compiled graph. Stateless.
 */
final class OvPreprocessing {

    /** {@code ov_color_format_e}: BGR and RGB keep their codes across releases (GRAY was added after). */
    private static final int COLOR_RGB = 5;
    private static final int COLOR_BGR = 6;
    /** {@code ov_preprocess_resize_algorithm_e.RESIZE_LINEAR}. */
    private static final int RESIZE_LINEAR = 0;

    private OvPreprocessing() {
    }

    /**
     * The model changed to take u8 BGR NHWC tensors of {@code tensorWidth x tensorHeight} for the input
     * named in {@code spec}. OpenVINO's PrePostProcessor changes the given model in place (the result
     * is another handle on the same model), so give it a model read for this one build; the caller
     * closes both handles.
     */
    static OvModel forBgrFrames(OvModel model, InputSpec spec, int tensorWidth, int tensorHeight) {
        try (Scope scope = new Scope()) {
            Pointer ppp = scope.take(out -> OvStatus.check(
                    OvNative.ov_preprocess_prepostprocessor_create(model.pointer(), out),
                    "create a preprocessor"), OvNative::ov_preprocess_prepostprocessor_free);
            Pointer input = scope.take(out -> OvStatus.check(
                    OvNative.ov_preprocess_prepostprocessor_get_input_info_by_name(ppp, spec.name(), out),
                    "find input '" + spec.name() + "' for preprocessing"), OvNative::ov_preprocess_input_info_free);

            Pointer tensor = scope.take(out -> OvStatus.check(
                    OvNative.ov_preprocess_input_info_get_tensor_info(input, out), "get the input tensor info"),
                    OvNative::ov_preprocess_input_tensor_info_free);
            OvStatus.check(OvNative.ov_preprocess_input_tensor_info_set_element_type(tensor, OvElementType.U8.code),
                    "set the input element type to u8");
            OvStatus.check(OvNative.ov_preprocess_input_tensor_info_set_layout(tensor, scope.layout("NHWC")),
                    "set the input tensor layout to NHWC");
            OvStatus.check(OvNative.ov_preprocess_input_tensor_info_set_spatial_static_shape(
                    tensor, tensorHeight, tensorWidth), "set the input size to " + tensorWidth + "x" + tensorHeight);
            boolean toRgb = spec.colorOrder().equals("RGB");
            if (toRgb) {
                OvStatus.check(OvNative.ov_preprocess_input_tensor_info_set_color_format(tensor, COLOR_BGR),
                        "declare the input as BGR");
            }

            Pointer steps = scope.take(out -> OvStatus.check(
                    OvNative.ov_preprocess_input_info_get_preprocess_steps(input, out), "get the preprocess steps"),
                    OvNative::ov_preprocess_preprocess_steps_free);
            // Resize while still u8 (less data, and like cv2.resize on the decoded image), then float.
            OvStatus.check(OvNative.ov_preprocess_preprocess_steps_resize(steps, RESIZE_LINEAR), "add a resize");
            if (toRgb) {
                OvStatus.check(OvNative.ov_preprocess_preprocess_steps_convert_color(steps, COLOR_RGB),
                        "add BGR to RGB conversion");
            }
            OvStatus.check(OvNative.ov_preprocess_preprocess_steps_convert_element_type(steps, OvElementType.F32.code),
                    "add u8 to f32 conversion");
            if (spec.mean() != 0f) {
                OvStatus.check(OvNative.ov_preprocess_preprocess_steps_mean(steps, spec.mean()), "add the mean");
            }
            if (spec.scale() != 1f) {
                OvStatus.check(OvNative.ov_preprocess_preprocess_steps_scale(steps, spec.scale()), "add the scale");
            }

            Pointer modelInfo = scope.take(out -> OvStatus.check(
                    OvNative.ov_preprocess_input_info_get_model_info(input, out), "get the model input info"),
                    OvNative::ov_preprocess_input_model_info_free);
            OvStatus.check(OvNative.ov_preprocess_input_model_info_set_layout(modelInfo, scope.layout(spec.layout())),
                    "set the model layout to " + spec.layout());

            PointerByReference built = new PointerByReference();
            OvStatus.check(OvNative.ov_preprocess_prepostprocessor_build(ppp, built),
                    "build preprocessing for " + tensorWidth + "x" + tensorHeight + " BGR frames");
            return new OvModel(built.getValue(), model.source());
        }
    }

    /** Frees the builder's intermediate handles in reverse order of creation, however the build ends. */
    private static final class Scope implements AutoCloseable {
        private final Deque<Runnable> frees = new ArrayDeque<>();

        Pointer take(Consumer<PointerByReference> create, Consumer<Pointer> free) {
            PointerByReference out = new PointerByReference();
            create.accept(out);
            Pointer p = out.getValue();
            frees.push(() -> free.accept(p));
            return p;
        }

        Pointer layout(String text) {
            return take(out -> OvStatus.check(OvNative.ov_layout_create(text, out), "create layout " + text),
                    OvNative::ov_layout_free);
        }

        @Override
        public void close() {
            while (!frees.isEmpty()) {
                frees.pop().run();
            }
        }
    }
}
