package io.footfall.edge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.footfall.config.ConfigLoader;
import io.footfall.config.FootfallConfig;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a deployment manifest for what IoT Edge and this module need: the required structure of
 * {@code $edgeAgent} (schema 1.1) and {@code $edgeHub}, createOptions that are valid JSON and chunked
 * only when longer than {@value CreateOptions#CHUNK} characters, the module's route and a
 * store-and-forward TTL at least as long as the outbox keeps records, and desired properties that
 * the agent's own {@link ConfigLoader} accepts within the twin's limits. Independent of
 * {@link ManifestGenerator}'s code paths, so it also checks hand-edited templates. Stateless.
 */
public final class ManifestCheck {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CHUNK_NAME = Pattern.compile("createOptions(\\d{2})?");
    private static final Set<String> STATUSES = Set.of("running", "stopped");
    private static final Set<String> RESTART_POLICIES = Set.of("always", "on-failure", "on-unhealthy", "never");

    private ManifestCheck() {
    }

    /**
     * @return the module's configuration, parsed from its desired properties
     * @throws IllegalArgumentException naming the path of the first problem
     */
    public static FootfallConfig check(JsonNode manifest) {
        JsonNode content = object(manifest, "modulesContent", "");
        JsonNode agent = object(object(content, "$edgeAgent", "modulesContent"), "properties.desired", "modulesContent.$edgeAgent");
        JsonNode hub = object(object(content, "$edgeHub", "modulesContent"), "properties.desired", "modulesContent.$edgeHub");
        String modulePath = "modulesContent." + ManifestGenerator.MODULE;
        JsonNode desired = object(object(content, ManifestGenerator.MODULE, "modulesContent"), "properties.desired", modulePath);

        String a = "$edgeAgent";
        text(agent, "schemaVersion", a, Set.of("1.0", "1.1"));
        JsonNode runtime = object(agent, "runtime", a);
        text(runtime, "type", a + ".runtime", Set.of("docker"));
        object(runtime, "settings", a + ".runtime");
        JsonNode system = object(agent, "systemModules", a);
        for (String sm : List.of("edgeAgent", "edgeHub")) {
            JsonNode s = object(system, sm, a + ".systemModules");
            text(s, "type", a + ".systemModules." + sm, Set.of("docker"));
            JsonNode settings = object(s, "settings", a + ".systemModules." + sm);
            text(settings, "image", a + ".systemModules." + sm + ".settings", null);
            createOptions(settings, a + ".systemModules." + sm + ".settings");
        }
        String mp = a + ".modules." + ManifestGenerator.MODULE;
        JsonNode module = object(object(agent, "modules", a), ManifestGenerator.MODULE, a + ".modules");
        text(module, "version", mp, null);
        text(module, "type", mp, Set.of("docker"));
        text(module, "status", mp, STATUSES);
        text(module, "restartPolicy", mp, RESTART_POLICIES);
        JsonNode settings = object(module, "settings", mp);
        text(settings, "image", mp + ".settings", null);
        JsonNode options = createOptions(settings, mp + ".settings");
        JsonNode binds = options.path("HostConfig").path("Binds");
        String dataBind = ManifestGenerator.DATA_DIR + ":" + ManifestGenerator.DATA_DIR;
        if (!contains(binds, dataBind)) {
            throw new IllegalArgumentException(mp + ".settings.createOptions: HostConfig.Binds must hold '" + dataBind + "'");
        }
        if (!options.path("ExposedPorts").has(ManifestGenerator.METRICS_PORT + "/tcp")) {
            throw new IllegalArgumentException(mp + ".settings.createOptions: ExposedPorts must hold "
                    + ManifestGenerator.METRICS_PORT + "/tcp (metrics)");
        }

        String h = "$edgeHub";
        text(hub, "schemaVersion", h, Set.of("1.0", "1.1", "1.2"));
        JsonNode routes = object(hub, "routes", h);
        List<String> found = new ArrayList<>();
        routes.elements().forEachRemaining(r -> found.add((r.isObject() ? r.path("route") : r).asText().replaceAll("\\s+", " ").strip()));
        if (!found.contains(ManifestGenerator.ROUTE)) {
            throw new IllegalArgumentException(h + ".routes: no route '" + ManifestGenerator.ROUTE + "' (found " + found + ")");
        }
        JsonNode ttl = object(hub, "storeAndForwardConfiguration", h).path("timeToLiveSecs");
        if (!ttl.canConvertToLong() || ttl.asLong() <= 0) {
            throw new IllegalArgumentException(h + ".storeAndForwardConfiguration.timeToLiveSecs: expected a positive integer");
        }

        TwinLimits.check(desired, modulePath + ".properties.desired");
        FootfallConfig config = ConfigLoader.parse(desired, modulePath + ".properties.desired");
        long needed = ManifestGenerator.timeToLiveSeconds(config);
        if (ttl.asLong() < needed) {
            throw new IllegalArgumentException(h + ".storeAndForwardConfiguration.timeToLiveSecs " + ttl.asLong()
                    + " is shorter than the outbox keeps records (store.maxAgeDays = " + needed + " s): edgeHub would drop "
                    + "counts the agent already counts as delivered");
        }
        return config;
    }

    /** Joins createOptions chunks in order and parses them; checks the chunking rule. */
    static JsonNode createOptions(JsonNode settings, String path) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = settings.fieldNames(); it.hasNext(); ) {
            String n = it.next();
            if (n.startsWith("createOptions")) {
                if (!CHUNK_NAME.matcher(n).matches()) {
                    throw new IllegalArgumentException(path + "." + n + ": expected createOptions or createOptions01..99");
                }
                names.add(n);
            }
        }
        if (names.isEmpty()) {
            return JSON.createObjectNode();
        }
        names.sort(null);
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            String expected = CreateOptions.fieldName(i);
            if (!names.get(i).equals(expected)) {
                throw new IllegalArgumentException(path + ": createOptions chunks must be consecutive; missing " + expected);
            }
            JsonNode part = settings.get(expected);
            if (!part.isTextual()) {
                throw new IllegalArgumentException(path + "." + expected + ": expected a string");
            }
            int len = part.asText().codePointCount(0, part.asText().length());
            if (len > CreateOptions.CHUNK) {
                throw new IllegalArgumentException(path + "." + expected + " is " + len + " characters; at most "
                        + CreateOptions.CHUNK + " per field");
            }
            joined.append(part.asText());
        }
        if (names.size() > 1 && joined.codePointCount(0, joined.length()) <= CreateOptions.CHUNK) {
            throw new IllegalArgumentException(path + ": createOptions is split although it fits in one field");
        }
        try {
            JsonNode parsed = JSON.readTree(joined.toString());
            if (parsed == null || !parsed.isObject()) {
                throw new IllegalArgumentException(path + ".createOptions: expected a JSON object in the string");
            }
            return parsed;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(path + ".createOptions is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode object(JsonNode parent, String key, String path) {
        JsonNode n = parent.get(key);
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException((path.isEmpty() ? key : path + "." + key) + ": expected an object");
        }
        return n;
    }

    private static void text(JsonNode parent, String key, String path, Set<String> allowed) {
        JsonNode n = parent.get(key);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new IllegalArgumentException(path + "." + key + ": expected a non-empty string");
        }
        if (allowed != null && !allowed.contains(n.asText())) {
            throw new IllegalArgumentException(path + "." + key + ": expected one of " + allowed + ", got '" + n.asText() + "'");
        }
    }

    private static boolean contains(JsonNode array, String value) {
        if (!array.isArray()) {
            return false;
        }
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
