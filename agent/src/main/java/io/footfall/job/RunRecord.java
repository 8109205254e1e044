package io.footfall.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.BadInputException;
import io.footfall.config.ConfigLoader;
import io.footfall.config.ConfigWriter;
import io.footfall.config.FootfallConfig;
import io.footfall.pipeline.CameraPipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code run.json} beside a run's results: the exact configuration it used (in the config file schema)
 * and what each camera's source turned out to be, so {@code footfall eval} applies the same rules.
 */
public final class RunRecord {
    public static final String FILE = "run.json";

    /** What was learned of one camera's source. */
    public record CameraRun(String cameraId, int width, int height, double fps, long frames, Instant start) {
    }

    private final FootfallConfig config;
    private final Map<String, CameraRun> cameras;

    private RunRecord(FootfallConfig config, Map<String, CameraRun> cameras) {
        this.config = config;
        this.cameras = cameras;
    }

    public FootfallConfig config() {
        return config;
    }

    public CameraRun camera(String id) {
        CameraRun c = cameras.get(id);
        if (c == null) {
            throw new BadInputException(FILE + " has no camera '" + id + "'; it has " + cameras.keySet());
        }
        return c;
    }

    public static void write(Path dataDir, FootfallConfig config, Iterable<CameraPipeline.Summary> results) throws IOException {
        ObjectMapper json = io.footfall.json.Json.mapper();
        ObjectNode root = json.createObjectNode();
        root.set("config", ConfigWriter.toTree(config));
        ArrayNode cams = root.putArray("cameras");
        for (CameraPipeline.Summary s : results) {
            ObjectNode c = cams.addObject();
            c.put("id", s.cameraId());
            c.put("width", s.source().width());
            c.put("height", s.source().height());
            c.put("fps", s.source().fps());
            c.put("frames", s.frames());
            c.put("start", s.start().toString());
        }
        Files.createDirectories(dataDir);
        json.writerWithDefaultPrettyPrinter().writeValue(dataDir.resolve(FILE).toFile(), root);
    }

    public static RunRecord read(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + " does not exist: expected the data folder of a finished 'footfall run'");
        }
        try {
            JsonNode root = io.footfall.json.Json.mapper().readTree(file.toFile());
            FootfallConfig config = ConfigLoader.parse(root.get("config"), file + " config");
            Map<String, CameraRun> cams = new HashMap<>();
            for (JsonNode c : root.withArray("cameras")) {
                cams.put(c.get("id").asText(), new CameraRun(c.get("id").asText(), c.get("width").asInt(), c.get("height").asInt(),
                        c.get("fps").asDouble(), c.get("frames").asLong(), Instant.parse(c.get("start").asText())));
            }
            return new RunRecord(config, cams);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BadInputException b) {
                throw b;
            }
            throw new BadInputException(file + " is not a readable run record: " + e.getMessage(), e);
        }
    }
}
