package io.footfall.track;

/**
 * How a person looked over a whole track, handed out when the track ends: for linking visits (unique visitors,
 * returning people), never for storage.
 *
 * @param firstSeenPts when the track was first detected, source milliseconds
 * @param lastSeenPts  when it was last matched
 */
public record TrackAppearance(TrackId id, Embedding appearance, long firstSeenPts, long lastSeenPts) {
}
