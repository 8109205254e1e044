package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.FileErrors;
import io.footfall.detect.DetectorSetupException;
import io.footfall.logging.RedactedMessage;
import io.footfall.video.Redaction;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Maps failures to exit codes in one place, by type: 2 for what the user can fix (bad usage,
 * {@link BadInputException} and its kinds such as a config or source error, {@link DetectorSetupException}
 * for a model or runtime that cannot be set up from what was given), 1 for everything else (a failure while
 * running, such as an inference or disk error, and internal errors such as a bare
 * {@link IllegalArgumentException} or {@link IllegalStateException}). A stack trace is printed only with
 * {@code --verbose}. Everything printed passes through {@link Redaction#text}, so no URL credentials reach stderr.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }

    /** The exit code for a failure that escaped a command. */
    public static int of(Throwable ex) {
        return ex instanceof BadInputException || ex instanceof DetectorSetupException ? BAD_INPUT : FAILURE;
    }

    /** An exception that signals a bug (a broken invariant), not a user or runtime condition. */
    static boolean isInternal(Throwable ex) {
        return ex instanceof IllegalArgumentException || ex instanceof IllegalStateException || ex instanceof NullPointerException
                || ex instanceof IndexOutOfBoundsException || ex instanceof ClassCastException;
    }

    static boolean verbose(CommandLine.ParseResult parse) {
        for (CommandLine.ParseResult p = parse; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    static final class ExceptionHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
            PrintWriter err = cl.getErr();
            int code = of(ex);
            // A FileSystemException's message is often just the path; the reason is in its type.
            String msg = ex instanceof IOException io ? FileErrors.describe(io)
                    : ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            if (isInternal(ex)) {
                // A broken invariant, not a failure we raise on purpose: say so, so it is reported rather than worked around.
                msg = "internal error: " + ex.getClass().getSimpleName() + ": " + msg;
            }
            err.println(cl.getCommandSpec().qualifiedName() + ": " + RedactedMessage.oneLine(msg));
            if (verbose(parse)) {
                StringWriter trace = new StringWriter();
                ex.printStackTrace(new PrintWriter(trace));
                err.print(Redaction.text(trace.toString()));
            }
            err.flush();
            return code;
        }
    }

    static final class UsageHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": "
                    + RedactedMessage.oneLine(ex.getMessage()));
            cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help'.");
            cl.getErr().flush();
            return BAD_INPUT;
        }
    }
}
