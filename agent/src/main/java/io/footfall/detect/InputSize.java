package io.footfall.detect;

import io.footfall.BadInputException;

/**
 * The picture size a detector model runs at, when not the size its file was made for: OpenVINO reshapes the model
 * when it is read, so small, distant people keep more pixels (at a cost that grows with the area).
 *
 * @param width  pixels, a multiple of 32 (the coarsest stride of the SSD and YOLOX heads)
 * @param height pixels, a multiple of 32
 */
public record InputSize(int width, int height) {
    static final int STEP = 32;
    static final int MAX = 4096;

    public InputSize {
        check("width", width);
        check("height", height);
    }

    private static void check(String what, int v) {
        if (v < STEP || v > MAX || v % STEP != 0) {
            throw new BadInputException("input " + what + " must be a multiple of " + STEP + " within " + STEP + ".." + MAX
                    + ", got " + v);
        }
    }

    /** Parses {@code WIDTHxHEIGHT}, e.g. {@code 1088x640}. */
    public static InputSize parse(String text) {
        String[] parts = text.strip().toLowerCase(java.util.Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new BadInputException("input size must be WIDTHxHEIGHT such as 1088x640, got '" + text + "'");
        }
        try {
            return new InputSize(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new BadInputException("input size must be WIDTHxHEIGHT in whole pixels such as 1088x640, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
