package io.footfall.pipeline;

import io.footfall.count.CameraAnalytics;
import io.footfall.identity.VisitorGallery;
import io.footfall.track.AppearanceConfig;
import io.footfall.track.TrackAppearance;

import java.time.Instant;
import java.util.List;

/**
 * Turns the camera's finished tracks into visits (new, returning, or a piece of the same visit) against the store's
 * visitor gallery, and counts them in the camera's aggregates. The gallery is the store's when the agent shares one,
 * else the camera's own. Not thread-safe: the camera's frame loop only (the gallery itself is thread-safe).
 */
final class VisitCounter {
    private final VisitorGallery shared;
    private final Instant start;
    private VisitorGallery own;

    VisitCounter(VisitorGallery shared, Instant start) {
        this.shared = shared;
        this.start = start;
    }

    void settle(List<TrackAppearance> ended, CameraAnalytics analytics, AppearanceConfig config, long nowPts) {
        for (TrackAppearance t : ended) {
            VisitorGallery.Visit v = gallery(config).observe(t.appearance(), start.toEpochMilli() + t.firstSeenPts(),
                    start.toEpochMilli() + t.lastSeenPts());
            if (v != VisitorGallery.Visit.CONTINUED) {
                analytics.visit(v == VisitorGallery.Visit.RETURNING, t.firstSeenPts(), nowPts);
            }
        }
    }

    private VisitorGallery gallery(AppearanceConfig config) {
        if (shared != null) {
            return shared;
        }
        if (own == null) {
            own = new VisitorGallery(config.visitDistance(), config.visitWindow(), config.minAbsence());
        }
        return own;
    }
}
