package io.footfall.detect;

import java.util.Objects;

/**
 * What a model's input expects, as read from its manifest.
 *
 * @param name        input tensor name
 * @param width       input width in pixels
 * @param height      input height in pixels
 * @param layout      tensor layout, {@code NCHW} or {@code NHWC}
 * @param colorOrder  {@code BGR} or {@code RGB}
 * @param mean        subtracted from each 0-255 channel value before scaling
 * @param scale       each value is divided by this after the mean
 * @param resize      how frames are fitted to the input
 * @param padValue    fill for the letterbox border, 0-255
 */
public record InputSpec(String name, int width, int height, String layout, String colorOrder,
                        float mean, float scale, ResizeMode resize, int padValue) {
    public InputSpec {
        Objects.requireNonNull(name, "name");
        if (!layout.equals("NCHW") && !layout.equals("NHWC")) {
            throw new IllegalArgumentException("input layout must be NCHW or NHWC, got " + layout);
        }
        if (!colorOrder.equals("BGR") && !colorOrder.equals("RGB")) {
            throw new IllegalArgumentException("input colorOrder must be BGR or RGB, got " + colorOrder);
        }
        if (scale == 0) {
            throw new IllegalArgumentException("input scale must not be 0");
        }
    }

    /** The input a model's manifest states. */
    public static InputSpec of(io.footfall.model.ModelManifest m) {
        var in = m.input();
        return new InputSpec(in.name(), in.width(), in.height(), in.layout(), in.colorOrder(), in.mean(), in.scale(),
                ResizeMode.valueOf(in.resize()), in.padValue());
    }

    /** The same input at another picture size (the model reshaped). */
    public InputSpec withSize(int w, int h) {
        return new InputSpec(name, w, h, layout, colorOrder, mean, scale, resize, padValue);
    }

    public InputTransform transformFor(int sourceWidth, int sourceHeight) {
        return InputTransform.of(resize, sourceWidth, sourceHeight, width, height);
    }
}
