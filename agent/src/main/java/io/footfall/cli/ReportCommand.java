package io.footfall.cli;

import io.footfall.report.OutboxReportSource;
import io.footfall.report.ReportBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * {@code footfall report}: the store's footfall from the edge outbox (what this device counted and still keeps);
 * the same report as {@code footfall cloud report} reads from Cosmos DB.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = FootfallCommand.Version.class,
        description = {"Footfall from the outbox: in/out per hour and day per camera and store, peak hour, occupancy, "
                + "dwell, and what is missing (gaps, never zeros). Table on standard output; CSV and PNG charts "
                + "with --out."})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    DataDirOption data;

    @Mixin
    ReportOutputOptions report;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            CommandLine cl = spec.commandLine();
            report.emit(ReportBuilder.build(OutboxReportSource.read(data.resolve(), report.store), report.options()),
                    cl.getOut(), cl.getErr());
            return ExitCodes.OK;
        } catch (Exception e) {
            CommandLine cl = spec.commandLine();
            return new ExitCodes.ExceptionHandler().handleExecutionException(e, cl, cl.getParseResult());
        }
    }
}
