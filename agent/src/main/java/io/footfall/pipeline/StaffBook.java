package io.footfall.pipeline;

import io.footfall.appearance.AppearanceOpener;
import io.footfall.identity.StaffGallery;
import io.footfall.track.AppearanceConfig;
import io.footfall.track.ByteTracker;
import io.footfall.track.TrackId;
import io.footfall.track.TrackedFrame;
import io.footfall.track.TrackedObject;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which of a camera's tracks are enrolled staff: a track is staff once its appearance matches the store's staff
 * gallery, and stays so. Crossings ask it at the moment they happen. Not thread-safe: the camera's frame loop only.
 */
final class StaffBook {
    private final AppearanceOpener opener;
    private final Set<TrackId> staff = new HashSet<>();
    private StaffGallery gallery;
    private Path loaded;

    StaffBook(AppearanceOpener opener) {
        this.opener = opener;
    }

    /** Loads the gallery the settings name (again only if the file changed); whether staff are told apart. */
    boolean configure(AppearanceConfig a) {
        Optional<Path> file = a.enabled() ? a.staffGallery() : Optional.empty();
        if (file.isEmpty()) {
            gallery = null;
            loaded = null;
            return false;
        }
        if (!file.get().equals(loaded)) {
            gallery = opener.staff(file.get(), a.staffDistance());
            loaded = file.get();
        }
        return true;
    }

    void update(ByteTracker tracker, TrackedFrame frame) {
        if (gallery == null) {
            return;
        }
        for (TrackedObject o : frame.confirmed()) {
            if (!staff.contains(o.id()) && tracker.appearanceOf(o.id()).filter(gallery::isStaff).isPresent()) {
                staff.add(o.id());
            }
        }
    }

    boolean isStaff(TrackId id) {
        return staff.contains(id);
    }
}
