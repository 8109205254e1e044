package io.footfall.schema;

import io.footfall.geometry.Box;

import java.math.BigDecimal;

/**
 * The MOTChallenge text row ({@code frame,id,x,y,w,h,conf,-1,-1,-1}, 1-based frames): the format a
 * run's track log is written in and that evaluation reads back. Kept here, with the other wire
 * formats, so the pipeline that writes it does not depend on evaluation.
 */
public final class MotRows {
    private MotRows() {
    }

    /** One row for a tracked box (1-based frame, conf 1). */
    public static String formatTrack(TrackBox t) {
        return format(t.frame(), t.trackId(), t.box());
    }

    /** One row for a 0-based frame, an id and a box (conf 1). */
    public static String format(long frame, long id, Box b) {
        return (frame + 1) + "," + id + "," + num(b.x()) + "," + num(b.y()) + "," + num(b.w()) + "," + num(b.h())
                + ",1,-1,-1,-1";
    }

    /** Shortest text that parses back to the same double, never in exponent form. */
    private static String num(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
