package io.footfall.geometry;

/**
 * An axis-aligned box in source pixels, top-left corner and size ({@code tlwh}).
 */
public record Box(double x, double y, double w, double h) {

    public static Box fromTlbr(double left, double top, double right, double bottom) {
        return new Box(left, top, right - left, bottom - top);
    }

    public double right() {
        return x + w;
    }

    public double bottom() {
        return y + h;
    }

    public double area() {
        return Math.max(0, w) * Math.max(0, h);
    }

    public double centerX() {
        return x + w / 2;
    }

    public double centerY() {
        return y + h / 2;
    }

    /** Intersection over union; 0 when either box is empty. */
    public double iou(Box o) {
        double iw = Math.min(right(), o.right()) - Math.max(x, o.x);
        double ih = Math.min(bottom(), o.bottom()) - Math.max(y, o.y);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        double inter = iw * ih;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** This box clipped to an image of the given size. */
    public Box clip(int width, int height) {
        double l = Math.max(0, Math.min(width, x));
        double t = Math.max(0, Math.min(height, y));
        double r = Math.max(0, Math.min(width, right()));
        double b = Math.max(0, Math.min(height, bottom()));
        return fromTlbr(l, t, r, b);
    }
}
