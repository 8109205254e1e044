package io.footfall.cloud.testing;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** Waits for a condition on real servers, failing with a message when it does not come in time. */
public final class Await {
    private Await() {
    }

    public static void until(Duration timeout, String what, Callable<Boolean> condition) throws Exception {
        until(timeout, what, condition, () -> "");
    }

    /** As {@link #until(Duration, String, Callable)}, with what the servers saw in the failure's message. */
    public static void until(Duration timeout, String what, Callable<Boolean> condition, Supplier<String> seen)
            throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                String s = seen.get();
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what
                        + (s.isEmpty() ? "" : "; " + s));
            }
            Thread.sleep(50);
        }
    }
}
