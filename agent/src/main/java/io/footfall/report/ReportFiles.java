package io.footfall.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes every file form of a report (CSV tables and PNG charts) into one folder. Stateless. */
public final class ReportFiles {
    private ReportFiles() {
    }

    public static List<Path> write(FootfallReport report, Path dir) {
        List<Path> files = new ArrayList<>(CsvRenderer.write(report, dir));
        files.addAll(ChartRenderer.write(report, dir));
        return files;
    }
}
