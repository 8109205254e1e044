package io.footfall.agent;

import io.footfall.FootfallPaths;
import io.footfall.pipeline.JobProgress;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an agent runs, apart from its configuration: where its data goes, the environment it reads secrets from, and
 * how long a shutdown may take. Immutable; build with {@link #builder(Path)}, variations with {@link #toBuilder()}.
 *
 * @param trackFolder      where each camera's tracks go as {@code <camera>.txt} (MOTChallenge), or empty
 * @param progress         reports the first camera's progress (the usual single-camera case)
 * @param shutdownDeadline how long a graceful stop may take: IoT Edge kills a module 10 s after SIGTERM
 * @param extensions       whether to open the extensions on the class path (cloud sync); off for offline tools
 * @param recordedDetections a {@code footfall detect} output the one camera replays instead of running the model, or empty
 * @param cameraBackoff    how long a live camera that failed waits before it is reopened, doubling up to a cap
 * @param waitForCameras   whether a live camera that cannot be opened at start is waited for (the module: it may
 *                         come up later) rather than failed at once (a command typed with one URL: a typo should say so)
 */
public record AgentOptions(Path dataDir, Optional<Path> trackFolder, JobProgress progress, Clock clock, FootfallPaths paths,
                           Map<String, String> env, Duration shutdownDeadline, boolean extensions,
                           Optional<Path> recordedDetections, Backoff cameraBackoff,
                           boolean waitForCameras) {

    public static final Duration DEFAULT_SHUTDOWN_DEADLINE = Duration.ofSeconds(8);

    public AgentOptions {
        Objects.requireNonNull(dataDir);
        Objects.requireNonNull(trackFolder);
        Objects.requireNonNull(progress);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(paths);
        env = Map.copyOf(env);
        Objects.requireNonNull(shutdownDeadline);
        Objects.requireNonNull(recordedDetections);
        Objects.requireNonNull(cameraBackoff);
    }

    /** The usual options: the process environment, the system clock, extensions on. */
    public static AgentOptions standard(Path dataDir) {
        return builder(dataDir).build();
    }

    /** A builder starting from the {@linkplain #standard usual options}. */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    public Builder toBuilder() {
        return new Builder(dataDir).trackFolder(trackFolder).progress(progress).clock(clock).paths(paths).env(env)
                .shutdownDeadline(shutdownDeadline).extensions(extensions).recordedDetections(recordedDetections)
                .cameraBackoff(cameraBackoff.initial(), cameraBackoff.max()).waitForCameras(waitForCameras);
    }

    /**
     * Fluent builder; what is not set is the usual: no tracks, no progress, the system clock, this host's
     * {@link FootfallPaths#detect() paths} and process environment (read at {@link #build()}), an 8 s shutdown,
     * extensions on.
     */
    public static final class Builder {
        private final Path dataDir;
        private Optional<Path> trackFolder = Optional.empty();
        private JobProgress progress = JobProgress.NONE;
        private Clock clock = Clock.systemUTC();
        private FootfallPaths paths;
        private Map<String, String> env;
        private Duration shutdownDeadline = DEFAULT_SHUTDOWN_DEADLINE;
        private boolean extensions = true;
        private Optional<Path> recordedDetections = Optional.empty();
        private Backoff cameraBackoff = Backoff.STANDARD;
        private boolean waitForCameras = true;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        public Builder trackFolder(Optional<Path> v) {
            trackFolder = Objects.requireNonNull(v);
            return this;
        }

        public Builder progress(JobProgress v) {
            progress = Objects.requireNonNull(v);
            return this;
        }

        public Builder clock(Clock v) {
            clock = Objects.requireNonNull(v);
            return this;
        }

        public Builder paths(FootfallPaths v) {
            paths = Objects.requireNonNull(v);
            return this;
        }

        public Builder env(Map<String, String> v) {
            env = Objects.requireNonNull(v);
            return this;
        }

        public Builder shutdownDeadline(Duration v) {
            shutdownDeadline = Objects.requireNonNull(v);
            return this;
        }

        public Builder extensions(boolean on) {
            extensions = on;
            return this;
        }

        public Builder recordedDetections(Optional<Path> v) {
            recordedDetections = Objects.requireNonNull(v);
            return this;
        }

        /** The first wait before a failed live camera is reopened, and the longest (the wait doubles in between). */
        public Builder cameraBackoff(Duration initial, Duration max) {
            cameraBackoff = new Backoff(initial, max);
            return this;
        }

        public Builder waitForCameras(boolean on) {
            waitForCameras = on;
            return this;
        }

        public AgentOptions build() {
            return new AgentOptions(dataDir, trackFolder, progress, clock, paths != null ? paths : FootfallPaths.detect(),
                    env != null ? env : System.getenv(), shutdownDeadline, extensions, recordedDetections,
                    cameraBackoff, waitForCameras);
        }
    }
}
