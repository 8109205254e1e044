package io.footfall.eval;

import io.footfall.schema.CrossingRecord;
import io.footfall.schema.WireCodec;
import io.footfall.schema.WireRecord;
import io.footfall.BadInputException;
import io.footfall.config.CameraConfig;
import io.footfall.count.CountLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crossings a run counted, read back from its {@code events.jsonl}
 * ({@code {"type":"crossing","line":..,"direction":"in"|"out","camera":..,"device":..,"at":..}}).
 *
 * <p>The file is appended to by every run into the same data folder, so only crossings of the given
 * device and camera dated within the run's time span are taken, and an event id seen twice (the same
 * run replayed with the same {@code --start}) counts once. Crossings are final when written (see
 * {@link io.footfall.count.LineCrossing}); cancellations concern crossings never written and are ignored.
 *
 * <p>Stateless and thread-safe.
 */
public final class RunCrossings {
    private static final Logger log = LoggerFactory.getLogger(RunCrossings.class);

    private RunCrossings() {
    }

    /**
     * Crossings of each of the camera's lines, in configuration order; lines the camera does not have are ignored.
     *
     * @param from first instant of the run (its first frame)
     * @param to   last instant of the run (its last frame)
     * @throws BadInputException when the file is missing or a line is not a JSON event
     */
    public static List<LineCount> read(Path eventsFile, String deviceId, CameraConfig camera, Instant from, Instant to) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        camera.lines().forEach(l -> counts.put(l.name(), new int[2]));
        Set<String> seen = new HashSet<>();
        int outside = 0;
        try (BufferedReader in = Files.newBufferedReader(eventsFile, StandardCharsets.UTF_8)) {
            String text;
            int lineNo = 0;
            while ((text = in.readLine()) != null) {
                lineNo++;
                if (text.isBlank()) {
                    continue;
                }
                WireRecord record = parse(text, eventsFile, lineNo);
                if (!(record instanceof CrossingRecord e) || !camera.id().equals(e.camera()) || !deviceId.equals(e.device())
                        || !counts.containsKey(e.line())) {
                    continue;
                }
                Instant at = instant(e, eventsFile, lineNo);
                if (at.isBefore(from) || at.isAfter(to)) {
                    outside++;
                    continue;
                }
                String id = e.id() == null ? "" : e.id();
                if (!id.isEmpty() && !seen.add(id)) {
                    continue;
                }
                int[] c = counts.get(e.line());
                switch (e.direction()) {
                    case "in" -> c[0]++;
                    case "out" -> c[1]++;
                    default -> throw new BadInputException(eventsFile + ":" + lineNo
                            + ": expected direction \"in\" or \"out\", found " + e.direction());
                }
            }
        } catch (NoSuchFileException e) {
            throw new BadInputException(eventsFile + ": file not found; expected the events of a finished 'footfall run'", e);
        } catch (IOException e) {
            throw new BadInputException(eventsFile + ": cannot read (" + e.getMessage() + ")", e);
        }
        if (outside > 0) {
            log.warn("event=eval_events_skipped file={} camera={} crossings={} reason=outside_run_span", eventsFile,
                    camera.id(), outside);
        }
        List<LineCount> out = new ArrayList<>();
        for (CountLine l : camera.lines()) {
            int[] c = counts.get(l.name());
            out.add(new LineCount(l.name(), c[0], c[1]));
        }
        return out;
    }

    private static WireRecord parse(String text, Path file, int lineNo) {
        try {
            return WireCodec.decode(text);
        } catch (WireCodec.WireFormatException e) {
            throw new BadInputException(file + ":" + lineNo + ": expected one JSON event object per line (" + e.getMessage() + ")", e);
        }
    }

    private static Instant instant(CrossingRecord e, Path file, int lineNo) {
        String at = e.at();
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException ex) {
            throw new BadInputException(file + ":" + lineNo + ": expected \"at\" to be an ISO-8601 instant, found '" + at + "'");
        }
    }
}
