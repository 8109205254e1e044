package io.footfall.edge;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.config.CameraConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The module's Docker create options (the JSON IoT Edge passes to Docker's container create) and
 * their storage in the manifest: a string, split into {@value #CHUNK}-character pieces
 * {@code createOptions}, {@code createOptions01}, ... only when it is longer than one piece (the
 * edge agent joins them in name order). Stateless.
 */
public final class CreateOptions {
    /** The longest string one createOptions field may hold. */
    public static final int CHUNK = 512;
    /** The edge agent reads at most createOptions + createOptions01..99. */
    public static final int MAX_CHUNKS = 100;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private CreateOptions() {
    }

    /**
     * The data folder bound from the host, the configuration folder read-only, each USB camera the
     * cameras use ({@code usb:N} or {@code /dev/videoN}; none when no camera is local, since Docker
     * refuses a missing device), the metrics port exposed to the edge network only, and bounded logs.
     */
    public static ObjectNode forCameras(List<CameraConfig> cameras) {
        ObjectNode root = F.objectNode();
        root.putObject("ExposedPorts").putObject(ManifestGenerator.METRICS_PORT + "/tcp");
        ObjectNode host = root.putObject("HostConfig");
        ArrayNode binds = host.putArray("Binds");
        binds.add(ManifestGenerator.DATA_DIR + ":" + ManifestGenerator.DATA_DIR);
        binds.add(ManifestGenerator.CONFIG_DIR + ":" + ManifestGenerator.CONFIG_DIR + ":ro");
        TreeSet<String> devices = new TreeSet<>();
        cameras.forEach(c -> videoDevice(c.source()).ifPresent(devices::add));
        if (!devices.isEmpty()) {
            ArrayNode list = host.putArray("Devices");
            for (String d : devices) {
                list.addObject().put("PathOnHost", d).put("PathInContainer", d).put("CgroupPermissions", "rwm");
            }
        }
        ObjectNode log = host.putObject("LogConfig");
        log.put("Type", "json-file");
        log.putObject("Config").put("max-size", "10m").put("max-file", "3");
        return root;
    }

    /** {@code usb:2} → {@code /dev/video2}; {@code /dev/video0} as is; anything else: none. */
    static Optional<String> videoDevice(String source) {
        String s = source.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("usb:")) {
            return Optional.of("/dev/video" + s.substring(4));
        }
        if (lower.startsWith("/dev/video")) {
            return Optional.of(s);
        }
        return Optional.empty();
    }

    /** The manifest fields for one createOptions string: one field, or 512-character chunks. */
    public static Map<String, String> chunk(String json) {
        Map<String, String> fields = new LinkedHashMap<>();
        int[] cps = json.codePoints().toArray();
        if (cps.length <= CHUNK) {
            fields.put("createOptions", json);
            return fields;
        }
        int n = (cps.length + CHUNK - 1) / CHUNK;
        if (n > MAX_CHUNKS) {
            throw new IllegalArgumentException("createOptions is " + cps.length + " characters; at most "
                    + CHUNK * MAX_CHUNKS + " fit in " + MAX_CHUNKS + " chunks");
        }
        for (int i = 0; i < n; i++) {
            int from = i * CHUNK;
            int to = Math.min(cps.length, from + CHUNK);
            fields.put(fieldName(i), new String(cps, from, to - from));
        }
        return fields;
    }

    /** Chunk 0 is {@code createOptions}, then {@code createOptions01}, {@code createOptions02}, ... */
    static String fieldName(int index) {
        return index == 0 ? "createOptions" : String.format(Locale.ROOT, "createOptions%02d", index);
    }
}
