package io.footfall.cloud.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.footfall.cloud.cosmos.CosmosCounts;
import io.footfall.cloud.cosmos.CosmosDocuments;
import io.footfall.cloud.cosmos.PartitionKeys;
import io.footfall.report.ReportInput;
import io.footfall.schema.WireRecord;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a store's records for a day range from Cosmos DB for the footfall report: one single-partition query per
 * store-day (the access pattern the partition key was chosen for). The range is widened by a day on each side
 * because partitions are UTC days and the report may be in the store's time zone; the report trims to its days.
 * Data lost upstream is not known here: it shows as gaps. Stateless.
 */
public final class CosmosReportSource {
    /** Longest range one report reads (a year of store-days). */
    static final int MAX_DAYS = 366;

    private CosmosReportSource() {
    }

    public static ReportInput read(CosmosCounts cosmos, CosmosDocuments documents, String store, LocalDate from,
                                   LocalDate to) {
        if (store == null || store.isBlank()) {
            throw new IllegalArgumentException("--store: expected the store id (documents are partitioned by store and day)");
        }
        if (from == null) {
            throw new IllegalArgumentException("--from: expected the first day to report, like 2026-11-25");
        }
        LocalDate last = to == null ? from : to;
        if (ChronoUnit.DAYS.between(from, last) >= MAX_DAYS) {
            throw new IllegalArgumentException("--from " + from + " --to " + last + ": expected at most " + MAX_DAYS + " days");
        }
        List<WireRecord> records = new ArrayList<>();
        for (LocalDate d = from.minusDays(1); !d.isAfter(last.plusDays(1)); d = d.plusDays(1)) {
            for (JsonNode doc : cosmos.partition(PartitionKeys.of(store, d))) {
                records.add(documents.toWire(doc));
            }
        }
        return new ReportInput(store, "Cosmos DB " + cosmos.layout().database() + "/" + cosmos.layout().container(),
                records, List.of());
    }
}
