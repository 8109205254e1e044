package io.footfall.track;

/**
 * Lifecycle of a track: {@code TENTATIVE → CONFIRMED ⇄ LOST → REMOVED}. A tentative track that is not
 * confirmed in time goes straight to removed, without ever having had a {@link TrackId}.
 */
public enum TrackState {
    /** Seen, but not yet {@code minHits} times: no id, never reported. */
    TENTATIVE,
    /** Has an id and was matched to a detection in this frame. */
    CONFIRMED,
    /** Has an id, not matched in this frame; its box is the motion prediction. */
    LOST,
    /** Gone for good; its id is listed once in {@link TrackedFrame#ended()}. */
    REMOVED
}
