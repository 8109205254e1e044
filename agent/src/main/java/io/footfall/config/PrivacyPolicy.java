package io.footfall.config;

import io.footfall.geometry.Point;

import java.util.List;
import java.util.Objects;

/**
 * How people are made unrecognisable in every frame a person may see (clips, snapshots): irreversible
 * pixelation, applied to a copy of the frame after detection and before the overlay is drawn.
 *
 * @param mode         {@code heads} (default): the top of each person box; {@code people}: each whole box;
 *                     {@code off}: nothing, only by explicit config (logged as a warning at start)
 * @param strength     pixel block size as a fraction of the person box's width (0.05..1; default 0.2, about
 *                     two to three blocks across a head); bigger is stronger. Masks use blocks of
 *                     {@code strength × frame height / 8}
 * @param headFraction with {@code heads}: the share of the box height, from its top, taken as the head
 *                     (0.1..1; default 0.3); the region is never less tall than half the box's width, and
 *                     gets a margin of 10 % of the box's width on the sides and above
 * @param masks        areas pixelated in every frame whatever the mode (a till's screen, a pharmacy
 *                     counter), relative coordinates; per camera only
 */
public record PrivacyPolicy(Mode mode, double strength, double headFraction, List<Mask> masks) {

    public enum Mode {
        HEADS("heads"), PEOPLE("people"), OFF("off");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** A fixed area hidden in every frame: a polygon in relative coordinates (0..1, y down). */
    public record Mask(String name, List<Point> polygon) {
        public Mask {
            Objects.requireNonNull(name, "name");
            polygon = List.copyOf(polygon);
            if (polygon.size() < 3) {
                throw new IllegalArgumentException("mask " + name + ": expected at least 3 points, got " + polygon.size());
            }
        }
    }

    public PrivacyPolicy {
        Objects.requireNonNull(mode, "mode");
        if (!(strength >= 0.05 && strength <= 1)) {
            throw new IllegalArgumentException("privacy strength must be within 0.05..1, got " + strength);
        }
        if (!(headFraction >= 0.1 && headFraction <= 1)) {
            throw new IllegalArgumentException("privacy headFraction must be within 0.1..1, got " + headFraction);
        }
        masks = List.copyOf(masks);
    }

    /** Heads pixelated: on for anything stored or uploaded unless a config says otherwise. */
    public static PrivacyPolicy defaults() {
        return new PrivacyPolicy(Mode.HEADS, 0.2, 0.3, List.of());
    }

    public PrivacyPolicy withMode(Mode m) {
        return new PrivacyPolicy(m, strength, headFraction, masks);
    }

    public PrivacyPolicy withMasks(List<Mask> m) {
        return new PrivacyPolicy(mode, strength, headFraction, m);
    }
}
