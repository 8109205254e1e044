package io.footfall.agent;

import io.footfall.pipeline.CameraPipeline;

import java.util.List;

/**
 * A camera of the run failed; the others ran to their end. Carries what those did, so a failed camera never hides
 * the results of the rest. Its message and exit code are the failure's: a bad input stays a bad input.
 */
public final class CameraFailedException extends Exception {
    private final List<CameraPipeline.Summary> finished;

    CameraFailedException(Exception failure, List<CameraPipeline.Summary> finished) {
        super(failure.getMessage(), failure);
        this.finished = List.copyOf(finished);
    }

    /** The cameras that ran to their end (or were stopped), in the order they ended. */
    public List<CameraPipeline.Summary> finished() {
        return finished;
    }

    /** The camera's own failure: what decides the exit code. */
    public Exception failure() {
        return (Exception) getCause();
    }
}
