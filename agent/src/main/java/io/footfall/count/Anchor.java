package io.footfall.count;

import io.footfall.geometry.Point;
import io.footfall.geometry.Box;

/**
 * The point of a person's box that lines and zones test. Bottom-centre (the feet) suits floor lines and
 * zones seen from above or at an angle; centre suits lines seen straight from the side. Thread-safe.
 */
public enum Anchor {
    BOTTOM_CENTER,
    CENTER,
    TOP_CENTER;

    public Point of(Box box) {
        return switch (this) {
            case BOTTOM_CENTER -> new Point(box.centerX(), box.bottom());
            case CENTER -> new Point(box.centerX(), box.centerY());
            case TOP_CENTER -> new Point(box.centerX(), box.y());
        };
    }
}
