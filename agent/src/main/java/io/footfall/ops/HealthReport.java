package io.footfall.ops;

import java.util.List;

/**
 * What {@code /health} answers: healthy, or the reasons it is not. Immutable.
 *
 * @param cameras each camera's state and how long it has been down (0 while it runs)
 */
record HealthReport(boolean healthy, List<String> problems, List<CameraHealth> cameras) {
    HealthReport {
        problems = List.copyOf(problems);
        cameras = List.copyOf(cameras);
    }

    /** One camera as the health rule saw it. */
    record CameraHealth(String id, String state, long downSeconds) {
    }
}
