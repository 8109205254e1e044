package io.footfall.pipeline;

import io.footfall.annotate.Overlay;
import io.footfall.config.CameraConfig;
import io.footfall.count.CameraAnalytics;
import io.footfall.count.CountLine;
import io.footfall.count.LineTally;
import io.footfall.count.Zone;
import io.footfall.track.TrackedFrame;
import io.footfall.track.TrackedObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What is drawn over a camera's frame: confirmed tracks, its lines and zones with live counters. Stateless. */
final class Overlays {
    private Overlays() {
    }

    static Overlay of(CameraConfig camera, TrackedFrame tracked, CameraAnalytics analytics) {
        int w = tracked.width();
        int h = tracked.height();
        List<Overlay.TrackBox> boxes = new ArrayList<>();
        for (TrackedObject o : tracked.confirmed()) {
            boxes.add(new Overlay.TrackBox(o.box(), o.id().value()));
        }
        Map<String, LineTally> tallies = analytics.lineTallies();
        List<Overlay.LineMark> lines = new ArrayList<>();
        for (CountLine l : camera.lines()) {
            LineTally t = tallies.getOrDefault(l.name(), new LineTally(0, 0));
            lines.add(new Overlay.LineMark(l.a().x() * w, l.a().y() * h, l.b().x() * w, l.b().y() * h,
                    l.name() + " in " + t.in() + " out " + t.out()));
        }
        Map<String, Integer> occupancy = analytics.occupancy();
        List<Overlay.ZoneMark> zones = new ArrayList<>();
        for (Zone z : camera.zones()) {
            double[] xy = new double[z.polygon().size() * 2];
            for (int i = 0; i < z.polygon().size(); i++) {
                xy[2 * i] = z.polygon().get(i).x() * w;
                xy[2 * i + 1] = z.polygon().get(i).y() * h;
            }
            zones.add(new Overlay.ZoneMark(xy, z.name() + ": " + occupancy.getOrDefault(z.name(), 0)));
        }
        return new Overlay(boxes, lines, zones, camera.id() + "  frame " + tracked.frame() + "  people " + boxes.size());
    }
}
