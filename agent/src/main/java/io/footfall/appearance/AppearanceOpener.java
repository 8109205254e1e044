package io.footfall.appearance;

/** Opens a re-identification model by its catalogue name, when a camera's tracker turns appearance on. */
@FunctionalInterface
public interface AppearanceOpener {

    AppearanceModel open(String model);

    /** For runs that were given no model store: asking for appearance is a clear error, never a silent "off". */
    static AppearanceOpener unavailable() {
        return model -> {
            throw new io.footfall.BadInputException("tracker.appearance.model '" + model
                    + "': this command runs without re-identification models; use 'footfall run'");
        };
    }
}
