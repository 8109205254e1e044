package io.footfall.cloud.cli;

import io.footfall.cli.ReportOutputOptions;
import io.footfall.cloud.cosmos.CosmosCounts;
import io.footfall.cloud.cosmos.CosmosDocuments;
import io.footfall.cloud.report.CosmosReportSource;
import io.footfall.report.ReportBuilder;
import io.footfall.report.ReportInput;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code footfall cloud report}: the footfall report from Cosmos DB, the same report {@code footfall report} prints. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Footfall of one store from Cosmos DB (needs --store and --from): in/out per hour and day, peak "
                + "hour, occupancy, dwell, and gaps. Table on standard output; CSV and PNG charts with --out.")
final class CloudReportCommand extends CloudSubcommand {
    @Mixin
    CosmosOptions cosmos;

    @Mixin
    ReportOutputOptions report;

    @Override
    int run() {
        try (CosmosCounts counts = CosmosCounts.connect(cosmos.settings(env(), null))) {
            counts.requireContainer();
            ReportInput input = CosmosReportSource.read(counts, CosmosDocuments.wire(), report.store,
                    report.fromDay().orElse(null), report.toDay().orElse(null));
            report.emit(ReportBuilder.build(input, report.options()), out(), err());
        }
        return 0;
    }
}
