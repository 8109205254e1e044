package io.footfall.identity;

import io.footfall.BadInputException;
import io.footfall.video.Frame;

import java.nio.ByteBuffer;

/**
 * What a staff photo must be for its appearance embedding to mean anything: the whole photo is embedded as one
 * person, so a blank picture, a scene, or a thumbnail would enrol an appearance that is nobody's, and a staff member
 * would be counted as a customer without any warning. The checks are the cheap ones that catch a careless folder:
 * a flat picture, one wider than tall (a whole body is taller than wide, so it is not cropped to the person), and one
 * too small to hold a body at the re-identification model's size.
 */
public final class StaffPhotos {
    /** The re-identification model takes 128x256; a person under a quarter of that holds little appearance. */
    public static final int MIN_HEIGHT = 64;
    /** Standard deviation of the grey levels under which a picture is one flat colour (a lens cap, a blank export). */
    static final double MIN_CONTRAST = 6.0;

    private StaffPhotos() {
    }

    /** @param what the photo as the user named it, for the message */
    public static void check(String what, Frame photo) {
        int w = photo.width();
        int h = photo.height();
        if (h < MIN_HEIGHT) {
            throw new BadInputException(what + ": " + w + "x" + h + " is too small; expected a whole-body photo at least "
                    + MIN_HEIGHT + " pixels tall");
        }
        if (w > h) {
            throw new BadInputException(what + ": " + w + "x" + h + " is wider than tall; expected a whole-body photo "
                    + "cropped to the person (taller than wide), one person per photo");
        }
        if (contrast(photo) < MIN_CONTRAST) {
            throw new BadInputException(what + ": the picture is one flat colour; expected a whole-body photo of one "
                    + "staff member");
        }
    }

    /** Standard deviation of the grey level (mean of B, G, R) over every pixel. */
    static double contrast(Frame f) {
        ByteBuffer bgr = f.bgr();
        double sum = 0;
        double squares = 0;
        long n = (long) f.width() * f.height();
        for (int y = 0; y < f.height(); y++) {
            int row = y * f.stride();
            for (int x = 0; x < f.width(); x++) {
                int i = row + x * 3;
                double grey = ((bgr.get(i) & 0xFF) + (bgr.get(i + 1) & 0xFF) + (bgr.get(i + 2) & 0xFF)) / 3.0;
                sum += grey;
                squares += grey * grey;
            }
        }
        double mean = sum / n;
        return Math.sqrt(Math.max(0, squares / n - mean * mean));
    }
}
