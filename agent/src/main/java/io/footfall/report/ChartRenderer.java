package io.footfall.report;

import io.footfall.FileErrors;
import io.footfall.report.FootfallReport.DwellBucket;
import io.footfall.report.FootfallReport.Gap;
import io.footfall.report.FootfallReport.HourRow;
import io.footfall.report.FootfallReport.OccupancyPoint;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryMarker;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.FixedMillisecond;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * Draws a {@link FootfallReport} as PNG charts for a store manager (JFreeChart, headless): per day, people in and
 * out per hour with hours without data shaded grey and labelled "no data" (no bar, never a zero bar), and
 * occupancy over the day per zone with the line broken where nothing was watched; and the dwell distribution.
 * Stateless.
 */
public final class ChartRenderer {
    static final int WIDTH = 1000;
    static final int HEIGHT = 520;
    static final Color IN = new Color(0x1f77b4);
    static final Color OUT = new Color(0xff7f0e);
    static final Color NO_DATA = new Color(0, 0, 0, 40);
    static final Color PARTLY_WATCHED = new Color(0, 0, 0, 15);

    private ChartRenderer() {
    }

    /** Writes the charts into {@code dir} (created if needed) and returns them. */
    public static List<Path> write(FootfallReport r, Path dir) {
        List<Path> files = new ArrayList<>();
        Map<LocalDate, List<HourRow>> storeHours = new TreeMap<>();
        r.hours().stream().filter(h -> h.camera().equals(FootfallReport.STORE))
                .forEach(h -> storeHours.computeIfAbsent(h.day(), d -> new ArrayList<>()).add(h));
        storeHours.forEach((day, hours) -> files.add(save(hourly(r, day, hours), dir.resolve("footfall-" + day + ".png"))));
        Map<LocalDate, List<OccupancyPoint>> occupancy = new TreeMap<>();
        r.occupancyTimeline().forEach(p -> occupancy.computeIfAbsent(p.start().atZone(r.zone()).toLocalDate(),
                d -> new ArrayList<>()).add(p));
        occupancy.forEach((day, points) -> files.add(save(occupancy(r, day, points), dir.resolve("occupancy-" + day + ".png"))));
        if (!r.dwell().isEmpty()) {
            files.add(save(dwell(r), dir.resolve("dwell.png")));
        }
        return files;
    }

    static JFreeChart hourly(FootfallReport r, LocalDate day, List<HourRow> hours) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> gaps = new ArrayList<>();
        List<String> incomplete = new ArrayList<>();
        for (HourRow h : hours) {
            String note = cameraNote(r, h);
            String label = LocalTimes.hour(h.start()) + (note.isEmpty() ? "" : " " + note);
            if (h.gap()) {
                gaps.add(label);
            } else if (!note.isEmpty()) {
                incomplete.add(label);
            }
            data.addValue(h.in().orElse(null), "in", label);
            data.addValue(h.out().orElse(null), "out", label);
        }
        JFreeChart chart = ChartFactory.createBarChart("People in and out per hour - store " + r.store() + ", " + day,
                "hour (" + r.zone() + ")", "people", data, PlotOrientation.VERTICAL, true, false, false);
        chart.addSubtitle(new TextTitle("Dark grey: no data (cameras offline or data lost), not zero. "
                + "Light grey: incomplete hour (a camera without data or watching part of the hour).",
                new Font("SansSerif", Font.PLAIN, 12)));
        CategoryPlot plot = chart.getCategoryPlot();
        style(chart);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, IN);
        bars.setSeriesPaint(1, OUT);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font("SansSerif", Font.BOLD, 13));
        bars.setMaximumBarWidth(0.08);
        plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        plot.getDomainAxis().setMaximumCategoryLabelLines(4);
        plot.getDomainAxis().setTickLabelFont(new Font("SansSerif", Font.PLAIN, 11));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        y.setUpperMargin(0.15);
        gaps.forEach(g -> plot.addDomainMarker(hourMarker(g, NO_DATA, "no data"), Layer.BACKGROUND));
        incomplete.forEach(g -> plot.addDomainMarker(hourMarker(g, PARTLY_WATCHED, ""), Layer.BACKGROUND));
        return chart;
    }

    private static CategoryMarker hourMarker(String category, Color paint, String label) {
        CategoryMarker m = new CategoryMarker(category, paint, new BasicStroke(1f));
        m.setDrawAsLine(false);
        m.setLabel(label);
        m.setLabelFont(new Font("SansSerif", Font.ITALIC, 12));
        m.setLabelAnchor(RectangleAnchor.CENTER);
        m.setLabelTextAnchor(TextAnchor.CENTER);
        return m;
    }

    /** Which cameras of an hour had no data or watched only part of it, for the hour's label ("" = complete). */
    private static String cameraNote(FootfallReport r, HourRow store) {
        List<String> notes = new ArrayList<>();
        for (HourRow h : r.hours()) {
            if (h.start().isEqual(store.start()) && !h.camera().equals(FootfallReport.STORE)) {
                if (h.gap()) {
                    notes.add(r.cameras().size() > 1 ? h.camera() + " no data" : "no data");
                } else if (h.coverage() < 0.995) {
                    notes.add((r.cameras().size() > 1 ? h.camera() + " " : "")
                            + String.format("%.0f%% watched", h.coverage() * 100));
                }
            }
        }
        return String.join(", ", notes);
    }

    static JFreeChart occupancy(FootfallReport r, LocalDate day, List<OccupancyPoint> points) {
        Map<String, TimeSeries> series = new LinkedHashMap<>();
        Map<String, Instant> lastEnd = new TreeMap<>();
        for (OccupancyPoint p : points) {
            String key = r.cameras().size() > 1 ? p.camera() + " / " + p.zone() : p.zone();
            TimeSeries s = series.computeIfAbsent(key, TimeSeries::new);
            Instant prev = lastEnd.get(key);
            if (prev != null && p.start().isAfter(prev)) {
                s.addOrUpdate(new FixedMillisecond(Date.from(prev.plusMillis(1))), null); // break the line: no data
            }
            s.addOrUpdate(new FixedMillisecond(Date.from(p.start())), p.mean());
            s.addOrUpdate(new FixedMillisecond(Date.from(p.end().minusMillis(1))), p.mean());
            lastEnd.put(key, p.end());
        }
        TimeSeriesCollection data = new TimeSeriesCollection();
        series.values().forEach(data::addSeries);
        JFreeChart chart = ChartFactory.createTimeSeriesChart("People present per zone - store " + r.store() + ", "
                + day, "time (" + r.zone() + ")", "people present (mean per interval)", data, true, false, false);
        chart.addSubtitle(new TextTitle("Line breaks and grey bands: not watched (no data), not an empty zone. "
                + "Light bands: intervals the camera only partly watched.",
                new Font("SansSerif", Font.PLAIN, 12)));
        style(chart);
        XYPlot plot = chart.getXYPlot();
        plot.setRenderer(new XYStepRenderer());
        plot.getRenderer().setDefaultStroke(new BasicStroke(2.5f));
        for (int i = 0; i < series.size(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2.5f));
        }
        ((DateAxis) plot.getDomainAxis()).setTimeZone(TimeZone.getTimeZone(r.zone()));
        NumberAxis y = (NumberAxis) plot.getRangeAxis();
        y.setAutoRangeIncludesZero(true);
        y.setUpperMargin(0.2);
        for (Gap g : r.gaps()) {
            if (g.from().atZone(r.zone()).toLocalDate().equals(day)) {
                boolean partly = g.kind() == Gap.Kind.PARTLY_WATCHED;
                IntervalMarker m = new IntervalMarker(g.from().toEpochMilli(), g.to().toEpochMilli(),
                        partly ? PARTLY_WATCHED : NO_DATA);
                long length = Duration.between(g.from(), g.to()).toMillis();
                m.setLabel(partly ? "partly watched (" + g.camera() + ": "
                        + FootfallReport.seconds(length - g.missingMillis()) + " of " + FootfallReport.seconds(length)
                        + " s)" : "no data (" + g.camera() + ")");
                m.setLabelFont(new Font("SansSerif", Font.ITALIC, 12));
                m.setLabelAnchor(RectangleAnchor.TOP);
                m.setLabelTextAnchor(TextAnchor.TOP_CENTER);
                plot.addDomainMarker(m, Layer.BACKGROUND);
            }
        }
        return chart;
    }

    static JFreeChart dwell(FootfallReport r) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (DwellBucket b : r.dwell()) {
            String key = r.cameras().size() > 1 ? b.camera() + " / " + b.zone() : b.zone();
            data.addValue(b.visits(), key, b.label());
        }
        JFreeChart chart = ChartFactory.createBarChart("How long visits lasted - store " + r.store(),
                "time in the zone", "visits", data, PlotOrientation.VERTICAL, true, false, false);
        chart.addSubtitle(new TextTitle("Finished visits per zone, by length.", new Font("SansSerif", Font.PLAIN, 12)));
        style(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, IN);
        bars.setMaximumBarWidth(0.1);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        bars.setDefaultItemLabelsVisible(true);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot.getRangeAxis().setUpperMargin(0.15);
        return chart;
    }

    private static void style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 18));
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        if (chart.getPlot() instanceof CategoryPlot p) {
            p.setRangeGridlinePaint(Color.LIGHT_GRAY);
        } else if (chart.getPlot() instanceof XYPlot p) {
            p.setRangeGridlinePaint(Color.LIGHT_GRAY);
            p.setDomainGridlinePaint(Color.LIGHT_GRAY);
        }
    }

    private static Path save(JFreeChart chart, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            ChartUtils.saveChartAsPNG(file.toFile(), chart, WIDTH, HEIGHT);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + FileErrors.describe(e), e);
        }
    }
}
