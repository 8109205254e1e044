package io.footfall.cloud.hub;

/** Ending the background sender threads of the uplinks. Stateless. */
public final class Workers {
    private Workers() {
    }

    /**
     * Waits up to {@code millis} for {@code thread} to end. An interrupt of the caller ends the wait early and stays
     * set, so a shutdown that is itself interrupted still finishes promptly.
     */
    public static void awaitEnd(Thread thread, long millis) {
        try {
            thread.join(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
