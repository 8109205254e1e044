package io.footfall.cli;

import io.footfall.store.OutboxConfig;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * What every {@code footfall store} subcommand shares: {@code --data-dir}, {@code --verbose}, and mapping failures to
 * exit codes through {@link ExitCodes} even when run outside the {@code footfall} root command. Not thread-safe
 * (one instance per command-line parse).
 */
abstract class StoreSubcommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (Exception e) {
            CommandLine cl = spec.commandLine();
            return new ExitCodes.ExceptionHandler().handleExecutionException(e, cl, cl.getParseResult());
        }
    }

    abstract int run() throws Exception;

    Path dataDirectory() {
        return data.resolve();
    }

    OutboxConfig readOnlyConfig() {
        return OutboxConfig.readOnly(dataDirectory());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
