package io.footfall.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

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

    /**
     * The project's version, from {@code io/footfall/version.properties} that the build writes: the CLI's classes are in
     * the agent jar, whose manifest has no Implementation-Version (only the app jar's launcher manifest has one).
     */
    static final class Version implements CommandLine.IVersionProvider {
        static final String RESOURCE = "/io/footfall/version.properties";

        @Override
        public String[] getVersion() {
            return new String[]{"footfall " + projectVersion()};
        }

        static String projectVersion() {
            Properties p = new Properties();
            try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
                if (in != null) {
                    p.load(in);
                }
            } catch (IOException e) {
                // An unreadable resource of our own jar: say so in the version rather than fail -V.
                return "unknown (" + RESOURCE + ": " + e.getMessage() + ")";
            }
            String v = p.getProperty("version", "");
            // Unfiltered (classes compiled outside Maven, e.g. by an IDE): there is no build version to show.
            return v.isEmpty() || v.startsWith("${") ? "dev" : v;
        }
    }
}
