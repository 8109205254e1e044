package io.footfall.cloud.testing;

/**
 * Closes what a test's set-up got as far as opening. A set-up that stops half way (a server missing, a port taken)
 * must not leave the hub bound to 8883 for the next test, and must not hide its own reason behind a null.
 */
public final class Teardown {
    private Teardown() {
    }

    /** Closes each non-null resource in order; every one is tried, and the first failure is thrown. */
    public static void closeAll(AutoCloseable... resources) throws Exception {
        Exception first = null;
        for (AutoCloseable r : resources) {
            if (r == null) {
                continue;
            }
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
