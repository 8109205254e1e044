package io.footfall.identity;

import io.footfall.track.Embedding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The store's short-lived memory of people who were seen, one entry per visitor: their appearance (a moving average)
 * and when they were last seen. A track that ends is matched against it: nobody close enough is a {@link
 * Visit#NEW} visitor; the same person seen again after {@code minAbsence} is {@link Visit#RETURNING}; sooner, the
 * track was a piece of the same visit ({@link Visit#CONTINUED}, a track broken by occlusion). Entries older than the
 * window are forgotten, and the whole gallery when the (UTC) day changes, so embeddings never outlive a day.
 *
 * <p>Thread-safe: one gallery is shared by every camera of the store, so a person walking from one camera's view
 * into another's is one visitor.
 */
public final class VisitorGallery {
    /** What a finished track was, as a visit. */
    public enum Visit { NEW, RETURNING, CONTINUED }

    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final double EMA_ALPHA = 0.5;

    private final double matchDistance;
    private final long windowMillis;
    private final long minAbsenceMillis;
    private final List<Entry> entries = new ArrayList<>();
    private long day = Long.MIN_VALUE;

    /**
     * @param matchDistance largest appearance distance (half cosine) of two sightings of one person
     * @param window        how long a visitor who left is remembered
     * @param minAbsence    shortest time away that makes a sighting a return
     */
    public VisitorGallery(double matchDistance, Duration window, Duration minAbsence) {
        this.matchDistance = matchDistance;
        this.windowMillis = window.toMillis();
        this.minAbsenceMillis = minAbsence.toMillis();
    }

    /**
     * Records one finished track (times in epoch milliseconds) and says what visit it was.
     */
    public synchronized Visit observe(Embedding look, long firstSeenMillis, long lastSeenMillis) {
        forgetOld(lastSeenMillis);
        Entry best = null;
        double bestDistance = Double.MAX_VALUE;
        for (Entry e : entries) {
            double d = e.look.distance(look);
            if (d < bestDistance) {
                bestDistance = d;
                best = e;
            }
        }
        if (best == null || bestDistance > matchDistance) {
            entries.add(new Entry(look, lastSeenMillis));
            return Visit.NEW;
        }
        boolean returning = firstSeenMillis - best.lastSeenMillis >= minAbsenceMillis;
        best.look = best.look.blend(look, EMA_ALPHA);
        best.lastSeenMillis = Math.max(best.lastSeenMillis, lastSeenMillis);
        return returning ? Visit.RETURNING : Visit.CONTINUED;
    }

    /** Visitors remembered now. */
    public synchronized int size() {
        return entries.size();
    }

    private void forgetOld(long nowMillis) {
        long today = Math.floorDiv(nowMillis, DAY_MILLIS);
        if (today != day) {
            entries.clear();
            day = today;
        }
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            if (nowMillis - it.next().lastSeenMillis > windowMillis) {
                it.remove();
            }
        }
    }

    private static final class Entry {
        Embedding look;
        long lastSeenMillis;

        Entry(Embedding look, long lastSeenMillis) {
            this.look = look;
            this.lastSeenMillis = lastSeenMillis;
        }
    }
}
