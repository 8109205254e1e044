package io.footfall.cloud.cli;

import io.footfall.BadInputException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What every {@code footfall cloud} subcommand shares: the environment it reads settings from, output streams, and
 * failures mapped to exit codes (2: bad usage or input, one line; 1: anything else; stack trace with
 * {@code --verbose}). Messages never contain keys or connection strings: those are read from the environment only.
 * Not thread-safe.
 */
abstract class CloudSubcommand implements Callable<Integer> {
    @ParentCommand
    CloudCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", description = "Print stack traces.")
    boolean verbose;

    @Override
    public final Integer call() {
        try {
            return run();
        } catch (Exception e) {
            int code = e instanceof BadInputException || e instanceof IllegalArgumentException ? 2 : 1;
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int nl = msg.indexOf('\n');
            err().println(spec.qualifiedName() + ": " + (nl < 0 ? msg : msg.substring(0, nl)));
            if (verbose) {
                e.printStackTrace(err());
            }
            err().flush();
            return code;
        }
    }

    abstract int run() throws Exception;

    Map<String, String> env() {
        return parent.env();
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
