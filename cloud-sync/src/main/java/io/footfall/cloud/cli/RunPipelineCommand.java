package io.footfall.cloud.cli;

import io.footfall.cloud.adf.AdfTarget;
import io.footfall.cloud.adf.PipelineRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code footfall cloud run-pipeline}: one run of the pipeline for one count file, waited for. */
@Command(name = "run-pipeline", mixinStandardHelpOptions = true,
        description = "Start a run of the Data Factory pipeline for one count file and wait for it; prints the "
                + "status and the rows copied. Exit 1 unless it succeeded.")
final class RunPipelineCommand extends CloudSubcommand {
    @Mixin
    AdfOptions adf;

    @Option(names = "--blob", required = true, paramLabel = "CONTAINER/PATH",
            description = "The count file, e.g. counts/store-042/dev-1/2026/11/25/09/entrance.jsonl.")
    String blob;

    @Option(names = "--timeout-minutes", defaultValue = "30", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    int timeoutMinutes;

    @Option(names = "--poll-seconds", defaultValue = "10", description = "Status poll interval (default: ${DEFAULT-VALUE}).")
    double pollSeconds;

    @Override
    int run() {
        if (timeoutMinutes <= 0 || pollSeconds <= 0) {
            throw new IllegalArgumentException("--timeout-minutes and --poll-seconds: expected positive numbers");
        }
        AdfTarget target = adf.target(env());
        PipelineRunner.Outcome o = new PipelineRunner(adf.manager(target), target,
                Duration.ofMillis((long) (pollSeconds * 1000))).run(blob, Duration.ofMinutes(timeoutMinutes), s -> {
                    out().println("run " + s);
                    out().flush();
                });
        out().printf("run %s: %s, rows copied: %s%s%n", o.runId(), o.status(),
                o.rowsCopied() < 0 ? "unknown" : o.rowsCopied(), o.message() == null || o.message().isBlank() ? ""
                        : " (" + o.message() + ")");
        out().flush();
        return o.succeeded() ? 0 : 1;
    }
}
