package io.footfall.pipeline;

/** Where a long job reports how far it is; the CLI draws it, tests ignore it. */
public interface JobProgress {

    JobProgress NONE = new JobProgress() {
    };

    /** The job knows its size; {@code totalFrames} is -1 for a live source. */
    default void started(long totalFrames) {
    }

    default void frameDone(String detail) {
    }

    default void finished(String detail) {
    }
}
