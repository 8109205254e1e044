package io.footfall.cloud.cli;

import io.footfall.BadInputException;
import io.footfall.agent.LogLevels;
import io.footfall.logging.RedactedMessage;
import io.footfall.video.Redaction;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What every {@code footfall cloud} subcommand shares: the environment it reads settings from, output streams, and
 * failures mapped to exit codes (2: bad usage or input, one line; 1: anything else; stack trace with
 * {@code --verbose}). Messages and traces go through {@link Redaction}: keys and connection strings are read from the
 * environment, but one pasted into an option or the wrong variable must not be printed back.
 * Not thread-safe.
 */
abstract class CloudSubcommand implements Callable<Integer> {
    @ParentCommand
    CloudCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", description = "Print stack traces, and the Azure SDK's own log lines.")
    boolean verbose;

    /** Loggers of the Azure SDK and its transport: hundreds of lines and traces for one unreachable endpoint. */
    private static final List<String> SDK_LOGGERS = List.of("com.azure", "com.microsoft.azure", "reactor", "io.netty");

    @Override
    public final Integer call() {
        if (!verbose) {
            SDK_LOGGERS.forEach(name -> LogLevels.set(name, "OFF"));
        }
        try {
            return run();
        } catch (Exception e) {
            int code = e instanceof BadInputException || e instanceof IllegalArgumentException ? 2 : 1;
            String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int nl = msg.indexOf('\n');
            // A setting pasted into the wrong place (a connection string as the endpoint) would be quoted back.
            err().println(spec.qualifiedName() + ": " + RedactedMessage.oneLine(nl < 0 ? msg : msg.substring(0, nl)));
            if (verbose) {
                Redaction.exception(e, null).printStackTrace(err());
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
