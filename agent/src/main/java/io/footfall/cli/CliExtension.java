package io.footfall.cli;

import java.util.List;

/**
 * Subcommands contributed by another module (cloud-sync's {@code footfall cloud ...}), found with
 * {@link java.util.ServiceLoader} so that the agent's CLI names none of them.
 */
public interface CliExtension {

    /** picocli command objects (annotated with {@code @Command}) to add under {@code footfall}. */
    List<Object> subcommands();
}
