package io.footfall.cloud.testing;

/**
 * Closes what a test's set-up got as far as opening. A set-up that stops half way (a server missing, a port taken)
 * must not leave the hub bound to 8883 for the next test, and must not hide its own reason behind a null.
 */
public final class Teardown {
    private Teardown() {
    }

    /**
     * Closes each non-null resource in order; every one is tried, and the first failure is thrown with the others
     * suppressed (try-with-resources does both, and skips nulls).
     */
    public static void closeAll(AutoCloseable... resources) throws Exception {
        closeUpTo(resources, resources.length - 1);
    }

    /** Closes resources 0..i: those before i inside the block, so they go first. */
    private static void closeUpTo(AutoCloseable[] resources, int i) throws Exception {
        if (i >= 0) {
            try (AutoCloseable last = resources[i]) {
                closeUpTo(resources, i - 1);
            }
        }
    }
}
