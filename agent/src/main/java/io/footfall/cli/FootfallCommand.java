package io.footfall.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code footfall} command. Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad input.
 */
@Command(name = "footfall",
        mixinStandardHelpOptions = true,
        versionProvider = FootfallCommand.Version.class,
        description = "In-store people counting at the edge.",
        subcommands = {
                HelpCommand.class,
                DetectCommand.class,
                ModelsCommand.class,
                RunCommand.class,
                EvalCommand.class,
                StoreCommand.class,
                BenchCommand.class,
                EdgeCommand.class,
                ReportCommand.class,
                ConfigCommand.class,
                StaffCommand.class,
        })
public final class FootfallCommand {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code; never calls {@link System#exit}. */
    public static int execute(String... args) {
        return newCommandLine().execute(args);
    }

    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new FootfallCommand());
        for (CliExtension extension : java.util.ServiceLoader.load(CliExtension.class)) {
            for (Object command : extension.subcommands()) {
                cl.addSubcommand(command);
            }
        }
        // Set after every subcommand is added: picocli passes handlers down only to those present.
        cl.setExecutionExceptionHandler(new ExitCodes.ExceptionHandler());
        cl.setParameterExceptionHandler(new ExitCodes.UsageHandler());
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FootfallCommand.class.getPackage().getImplementationVersion();
            return new String[]{"footfall " + (v == null ? "dev" : v)};
        }
    }
}
