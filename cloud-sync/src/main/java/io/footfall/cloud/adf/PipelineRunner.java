package io.footfall.cloud.adf;

import com.azure.core.util.Context;
import com.azure.resourcemanager.datafactory.DataFactoryManager;
import com.azure.resourcemanager.datafactory.models.ActivityRun;
import com.azure.resourcemanager.datafactory.models.PipelineRun;
import com.azure.resourcemanager.datafactory.models.RunFilterParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Starts a run of the Footfall pipeline for one count file and waits for it, reporting each status change and, at
 * the end, the rows the Copy activity copied. Not thread-safe.
 */
public final class PipelineRunner {
    static final Set<String> TERMINAL = Set.of("Succeeded", "Failed", "Cancelled");
    private static final Logger log = LoggerFactory.getLogger(PipelineRunner.class);

    private final DataFactoryManager manager;
    private final AdfTarget target;
    private final Duration pollInterval;

    public PipelineRunner(DataFactoryManager manager, AdfTarget target, Duration pollInterval) {
        this.manager = manager;
        this.target = target;
        this.pollInterval = pollInterval;
    }

    /** How a run ended. {@code rowsCopied} is -1 when the service did not report it. */
    public record Outcome(String runId, String status, long rowsCopied, String message) {
        public boolean succeeded() {
            return "Succeeded".equals(status);
        }
    }

    /**
     * @param blob the count file, {@code container/store/device/yyyy/MM/dd/HH/camera.jsonl}
     * @throws IllegalStateException the run did not end within {@code timeout}
     */
    public Outcome run(String blob, Duration timeout, Consumer<String> progress) {
        int slash = blob.lastIndexOf('/');
        if (slash <= 0 || blob.indexOf('/') == slash) {
            throw new IllegalArgumentException("--blob '" + blob + "': expected CONTAINER/STORE/DEVICE/YYYY/MM/DD/HH/CAMERA.jsonl");
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put(PipelineDefinitions.FOLDER_PATH, blob.substring(0, slash));
        params.put(PipelineDefinitions.FILE_NAME, blob.substring(slash + 1));
        String runId = manager.pipelines().createRunWithResponse(target.resourceGroup(), target.factory(),
                PipelineDefinitions.PIPELINE, null, null, null, null, params, Context.NONE).getValue().runId();
        log.info("event=adf_run_started factory={} pipeline={} runId={} blob={}", target.factory(),
                PipelineDefinitions.PIPELINE, runId, blob);
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = null;
        while (true) {
            PipelineRun run = manager.pipelineRuns().get(target.resourceGroup(), target.factory(), runId);
            if (!run.status().equals(last)) {
                last = run.status();
                progress.accept(runId + " " + last);
            }
            if (TERMINAL.contains(run.status())) {
                return new Outcome(runId, run.status(), rowsCopied(runId), run.message());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pipeline run " + runId + " still " + run.status() + " after " + timeout);
            }
            sleep();
        }
    }

    private long rowsCopied(String runId) {
        RunFilterParameters filter = new RunFilterParameters()
                .withLastUpdatedAfter(OffsetDateTime.now().minusDays(1))
                .withLastUpdatedBefore(OffsetDateTime.now().plusDays(1));
        long rows = -1;
        for (ActivityRun a : manager.activityRuns().queryByPipelineRun(target.resourceGroup(), target.factory(), runId,
                filter).value()) {
            if (PipelineDefinitions.COPY_ACTIVITY.equals(a.activityName()) && a.output() instanceof Map<?, ?> out
                    && out.get("rowsCopied") instanceof Number n) {
                rows = Math.max(rows, 0) + n.longValue();
            }
        }
        return rows;
    }

    private void sleep() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the pipeline run", e);
        }
    }
}
