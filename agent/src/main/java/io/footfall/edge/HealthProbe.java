package io.footfall.edge;

import io.footfall.FileErrors;
import io.footfall.store.Outbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The container's health command until the agent serves a health endpoint: the data folder exists
 * and takes a new file (the outbox can grow), and optionally the outbox was written recently (the
 * job still produces interval aggregates). Never opens the outbox, which the running job holds
 * locked. Stateless.
 */
public final class HealthProbe {

    /** The outcome: healthy when {@code problems} is empty. */
    public record Report(Path dataDir, List<String> problems) {
        public Report {
            problems = List.copyOf(problems);
        }

        public boolean healthy() {
            return problems.isEmpty();
        }
    }

    private HealthProbe() {
    }

    /**
     * @param maxIdle when present, the outbox file must have been modified within this long
     */
    public static Report check(Path dataDir, Optional<Duration> maxIdle, Clock clock) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dataDir)) {
            problems.add("data folder " + dataDir + (Files.exists(dataDir) ? " is a file, not a folder" : " does not exist"));
            return new Report(dataDir, problems);
        }
        try {
            Path probe = Files.createTempFile(dataDir, ".health-", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            problems.add("data folder " + dataDir + " does not take new files: " + FileErrors.describe(e));
        }
        if (maxIdle.isPresent()) {
            Path outbox = dataDir.resolve(Outbox.FILE_NAME);
            try {
                Instant modified = Files.getLastModifiedTime(outbox).toInstant();
                Duration idle = Duration.between(modified, clock.instant());
                if (idle.compareTo(maxIdle.get()) > 0) {
                    problems.add("outbox " + outbox + " was last written " + idle.toSeconds() + " s ago (limit "
                            + maxIdle.get().toSeconds() + " s)");
                }
            } catch (IOException e) {
                problems.add("outbox " + outbox + " cannot be read: " + FileErrors.reason(e));
            }
        }
        return new Report(dataDir, problems);
    }
}
