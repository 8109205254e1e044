package io.footfall.appearance;

import io.footfall.BadInputException;
import io.footfall.identity.StaffGallery;

import java.nio.file.Path;

/**
 * Opens what a camera's tracker needs when its settings turn appearance on: the re-identification model by its
 * catalogue name, and the store's enrolled staff gallery (decrypted with the key from the agent's environment).
 */
public interface AppearanceOpener {

    AppearanceModel open(String model);

    StaffGallery staff(Path file, double distance);

    /** For runs that were given no model store: asking for appearance is a clear error, never a silent "off". */
    static AppearanceOpener unavailable() {
        return new AppearanceOpener() {
            @Override
            public AppearanceModel open(String model) {
                throw new BadInputException("tracker.appearance.model '" + model
                        + "': this command runs without re-identification models; use 'footfall run'");
            }

            @Override
            public StaffGallery staff(Path file, double distance) {
                throw new BadInputException("tracker.appearance.staffGallery " + file
                        + ": this command runs without a staff gallery; use 'footfall run'");
            }
        };
    }
}
