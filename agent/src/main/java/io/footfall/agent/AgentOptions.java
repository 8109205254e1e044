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
 * how long a shutdown may take.
 *
 * @param trackFolder      where each camera's tracks go as {@code <camera>.txt} (MOTChallenge), or empty
 * @param progress         reports the first camera's progress (the usual single-camera case)
 * @param shutdownDeadline how long a graceful stop may take: IoT Edge kills a module 10 s after SIGTERM
 * @param extensions       whether to open the extensions on the class path (cloud sync); off for offline tools
 */
public record AgentOptions(Path dataDir, Optional<Path> trackFolder, JobProgress progress, Clock clock, FootfallPaths paths,
                           Map<String, String> env, Duration shutdownDeadline, boolean extensions) {

    public static final Duration DEFAULT_SHUTDOWN_DEADLINE = Duration.ofSeconds(8);

    public AgentOptions {
        Objects.requireNonNull(dataDir);
        Objects.requireNonNull(trackFolder);
        Objects.requireNonNull(progress);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(paths);
        env = Map.copyOf(env);
        Objects.requireNonNull(shutdownDeadline);
    }

    /** The usual options: the process environment, the system clock, extensions on. */
    public static AgentOptions standard(Path dataDir) {
        return new AgentOptions(dataDir, Optional.empty(), JobProgress.NONE, Clock.systemUTC(), FootfallPaths.detect(),
                System.getenv(), DEFAULT_SHUTDOWN_DEADLINE, true);
    }

    public AgentOptions withTrackFolder(Optional<Path> folder) {
        return new AgentOptions(dataDir, folder, progress, clock, paths, env, shutdownDeadline, extensions);
    }

    public AgentOptions withProgress(JobProgress p) {
        return new AgentOptions(dataDir, trackFolder, p, clock, paths, env, shutdownDeadline, extensions);
    }

    public AgentOptions withExtensions(boolean on) {
        return new AgentOptions(dataDir, trackFolder, progress, clock, paths, env, shutdownDeadline, on);
    }

    public AgentOptions withEnv(Map<String, String> e) {
        return new AgentOptions(dataDir, trackFolder, progress, clock, paths, e, shutdownDeadline, extensions);
    }

    public AgentOptions withShutdownDeadline(Duration d) {
        return new AgentOptions(dataDir, trackFolder, progress, clock, paths, env, d, extensions);
    }
}
