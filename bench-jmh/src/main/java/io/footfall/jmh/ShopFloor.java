package io.footfall.jmh;

import io.footfall.count.CountLine;
import io.footfall.count.Zone;

import java.util.List;

/** The counting shapes drawn over a {@link Crowd}: two lines and two zones its loops cross again and again. */
final class ShopFloor {
    /** A door line down the middle and an aisle line across the lower part, both inside the walked area. */
    static final List<CountLine> LINES = List.of(
            CountLine.parse("door", "0.5,0,0.5,1"),
            CountLine.parse("aisle", "0.1,0.6,0.9,0.6"));
    /** A shelf (quadrilateral) on the left and a till area (pentagon) on the right. */
    static final List<Zone> ZONES = List.of(
            Zone.parse("shelf", "0.05,0.15,0.4,0.1,0.45,0.7,0.05,0.8"),
            Zone.parse("till", "0.6,0.3,0.9,0.25,0.95,0.6,0.8,0.9,0.6,0.7"));

    private ShopFloor() {
    }
}
