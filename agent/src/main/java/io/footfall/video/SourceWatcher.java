package io.footfall.video;

/**
 * Told when a live source loses its stream and when frames flow again, so a camera's outage becomes data (offline and
 * online records) rather than a silence. Called on the thread that reads the source; must not block.
 */
public interface SourceWatcher {
    SourceWatcher NONE = new SourceWatcher() {
        @Override
        public void down(String reason) {
        }

        @Override
        public void up() {
        }
    };

    /** The stream failed or ended; {@code reason} is redacted (never a URL with credentials). Once per outage. */
    void down(String reason);

    /** Frames flow again after {@link #down}. */
    void up();
}
