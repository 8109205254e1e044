package io.footfall.count;

import io.footfall.geometry.Point;
import io.footfall.BadInputException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks the names that end up inside event ids, so ids stay unambiguous ({@code /}-separated). */
public final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private Names() {
    }

    public static String check(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new BadInputException(what + " name: expected 1-64 of letters, digits, '_', '.', '-' "
                    + "starting with a letter or digit, got '" + name + "'");
        }
        return name;
    }

    static void unique(String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new BadInputException(what + " names: expected each to be unique, got '" + n + "' twice");
            }
        }
    }

    /** Parses {@code "x,y,x,y,..."} of relative coordinates. */
    static List<Point> points(String what, String spec) {
        String[] parts = spec.split(",", -1);
        if (parts.length % 2 != 0) {
            throw new BadInputException(what + ": expected x,y pairs of numbers in 0..1, got '" + spec + "'");
        }
        Point[] points = new Point[parts.length / 2];
        try {
            for (int i = 0; i < points.length; i++) {
                points[i] = new Point(Double.parseDouble(parts[2 * i].trim()), Double.parseDouble(parts[2 * i + 1].trim()));
            }
        } catch (NumberFormatException e) {
            throw new BadInputException(what + ": expected x,y pairs of numbers in 0..1, got '" + spec + "'", e);
        }
        return List.of(points);
    }

    static void relative(String what, List<Point> points) {
        for (Point p : points) {
            if (!p.isRelative()) {
                throw new BadInputException(what + ": expected coordinates relative to the frame, in 0..1, got ("
                        + p.x() + ", " + p.y() + ")");
            }
        }
    }
}
