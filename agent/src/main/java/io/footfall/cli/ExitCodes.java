package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.detect.DetectionException;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * Maps failures to exit codes in one place: 2 for bad usage or bad input (the user can fix it),
 * 1 for everything else. A stack trace is printed only with {@code --verbose}.
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
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
            int code = ex instanceof BadInputException || ex instanceof DetectionException
                    || ex instanceof IllegalArgumentException ? BAD_INPUT : FAILURE;
            String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            err.println(cl.getCommandSpec().qualifiedName() + ": " + msg);
            if (verbose(parse)) {
                ex.printStackTrace(err);
            }
            err.flush();
            return code;
        }
    }

    static final class UsageHandler implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            CommandLine cl = ex.getCommandLine();
            cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
            cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help'.");
            cl.getErr().flush();
            return BAD_INPUT;
        }
    }
}
