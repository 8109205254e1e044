package io.footfall.track;

import io.footfall.geometry.Box;
import java.util.Objects;

/**
 * One track in one frame. Immutable; thread-safe.
 *
 * @param id    stable identity
 * @param box   Kalman-filtered box in source pixels (for {@link TrackState#LOST}: the prediction)
 * @param score score of the detection last matched to the track
 * @param state {@link TrackState#CONFIRMED} or {@link TrackState#LOST}
 */
public record TrackedObject(TrackId id, Box box, float score, TrackState state) {
    public TrackedObject {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(state, "state");
    }

    /** True when a detection backs this box in this frame. */
    public boolean isConfirmed() {
        return state == TrackState.CONFIRMED;
    }
}
