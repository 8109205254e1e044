package io.footfall.detect;

import io.footfall.geometry.Box;

/**
 * How source pixels map to model-input pixels: {@code model = source * scale}. The image sits at the
 * top-left in both modes, so there is no offset. Decoders use it to bring boxes back to source pixels.
 */
public record InputTransform(int sourceWidth, int sourceHeight, int modelWidth, int modelHeight,
                             double scaleX, double scaleY) {

    public static InputTransform of(ResizeMode mode, int sourceWidth, int sourceHeight, int modelWidth, int modelHeight) {
        double sx = (double) modelWidth / sourceWidth;
        double sy = (double) modelHeight / sourceHeight;
        if (mode == ResizeMode.LETTERBOX) {
            double s = Math.min(sx, sy);
            return new InputTransform(sourceWidth, sourceHeight, modelWidth, modelHeight, s, s);
        }
        return new InputTransform(sourceWidth, sourceHeight, modelWidth, modelHeight, sx, sy);
    }

    /** Width of the scaled image inside the model input (less than the input for a letterbox). */
    public int contentWidth() {
        return (int) Math.round(sourceWidth * scaleX);
    }

    public int contentHeight() {
        return (int) Math.round(sourceHeight * scaleY);
    }

    /** Size of a top-left padded canvas, in source pixels, that has the model's aspect ratio. */
    public int canvasWidth() {
        return (int) Math.round(modelWidth / scaleX);
    }

    public int canvasHeight() {
        return (int) Math.round(modelHeight / scaleY);
    }

    public Box toSource(double left, double top, double right, double bottom) {
        return Box.fromTlbr(left / scaleX, top / scaleY, right / scaleX, bottom / scaleY)
                .clip(sourceWidth, sourceHeight);
    }
}
