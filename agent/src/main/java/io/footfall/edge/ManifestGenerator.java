package io.footfall.edge;

import io.footfall.FileErrors;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.footfall.BadInputException;
import io.footfall.config.ConfigLoader;
import io.footfall.config.FootfallConfig;
import io.footfall.video.Redaction;
import io.footfall.video.SourceSecrets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Generates a store's IoT Edge deployment manifest from its configuration file:
 * <ul>
 *   <li>{@code $edgeAgent}: the runtime, the system modules, and the {@value #MODULE} module with its
 *       image, environment and create options ({@link CreateOptions});</li>
 *   <li>{@code $edgeHub}: the route {@value #ROUTE} and store-and-forward with a time to live as long
 *       as the outbox keeps records ({@link #timeToLiveSeconds}): once edgeHub has accepted a message the
 *       agent counts it delivered, so a shorter TTL would silently lose counts during a long outage;</li>
 *   <li>the module's desired properties: the configuration exactly as written in the file, in the
 *       config file's own schema (defaults left out stay device-side defaults).</li>
 * </ul>
 * Stateless; every call validates the configuration with {@link ConfigLoader} and the twin's limits.
 */
public final class ManifestGenerator {
    public static final String MODULE = "footfall";
    public static final String ROUTE_NAME = "footfallToUpstream";
    public static final String ROUTE = "FROM /messages/modules/" + MODULE + "/outputs/* INTO $upstream";
    public static final String EDGE_AGENT_IMAGE = "mcr.microsoft.com/azureiotedge-agent:1.5";
    public static final String EDGE_HUB_IMAGE = "mcr.microsoft.com/azureiotedge-hub:1.5";
    /** The default image: a placeholder to substitute (e.g. with envsubst) before deploying. */
    public static final String IMAGE_PLACEHOLDER = "${FOOTFALL_IMAGE}";
    public static final int METRICS_PORT = 9600;
    public static final String DATA_DIR = "/var/lib/footfall";
    public static final String CONFIG_DIR = "/etc/footfall";
    /** edgeHub's message store on the host, so queued messages survive a re-created edgeHub container. */
    public static final String EDGE_HUB_STORAGE = "/var/lib/iotedge/edgehub";

    /** The OCI distribution reference grammar: [registry[:port]/]path[:tag][@digest]. */
    private static final java.util.regex.Pattern IMAGE_REFERENCE = java.util.regex.Pattern.compile(
            "(?:(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?/)?"
                    + "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*"
                    + "(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
                    + "(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?");
    private static final java.util.regex.Pattern ENV_PLACEHOLDER = java.util.regex.Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*}");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A generated manifest, which holds no secret, and the camera credentials it names as {@code ${secret:NAME}}
     * placeholders, by name, to be put on the device.
     */
    public record Manifest(ObjectNode json, Map<String, String> secrets) {
        public Manifest {
            Objects.requireNonNull(json, "json");
            secrets = Map.copyOf(secrets);
        }
    }

    private ManifestGenerator() {
    }

    /** Reads and validates a YAML or JSON configuration file and generates its manifest. */
    public static Manifest fromFile(Path configFile, String image) {
        ConfigLoader.load(configFile); // its errors name the file, line and field
        String name = configFile.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".json") ? JSON : new ObjectMapper(new YAMLFactory());
        try {
            return generate(mapper.readTree(configFile.toFile()), configFile.toString(), image);
        } catch (IOException e) {
            throw new BadInputException("cannot read config file " + configFile + ": " + FileErrors.reason(e), e);
        }
    }

    /** Generates the manifest for a configuration tree (the future desired properties). */
    public static Manifest generate(JsonNode configTree, String origin, String image) {
        if (image == null || !(IMAGE_REFERENCE.matcher(image).matches() || ENV_PLACEHOLDER.matcher(image).matches())) {
            // edgeAgent would only find out on the device, after the deployment was accepted.
            throw new BadInputException("--image must be an image reference such as myregistry.azurecr.io/footfall:1.0 "
                    + "(lowercase repository, optional :tag or @sha256:digest) or a ${VARIABLE} to substitute, got '"
                    + io.footfall.logging.RedactedMessage.oneLine(String.valueOf(image)) + "'");
        }
        FootfallConfig config = ConfigLoader.parse(configTree, origin);
        ObjectNode desired = configTree.deepCopy();
        Map<String, String> secrets = moveCredentials(desired);
        TwinLimits.check(desired, "the " + MODULE + " module's desired properties (" + origin + ")");

        ObjectNode manifest = F.objectNode();
        ObjectNode content = manifest.putObject("modulesContent");
        content.putObject("$edgeAgent").set("properties.desired", edgeAgent(config, image));
        content.putObject("$edgeHub").set("properties.desired", edgeHub(config));
        content.putObject(MODULE).set("properties.desired", desired);
        return new Manifest(manifest, secrets);
    }

    /**
     * Replaces every credential in the cameras' sources by a {@code ${secret:CAMERA-PART}} placeholder: desired
     * properties are readable by everyone with read access to the hub's twins, and the agent reads the placeholders'
     * values from the device ({@link SourceSecrets}).
     */
    private static Map<String, String> moveCredentials(ObjectNode desired) {
        Map<String, String> secrets = new java.util.LinkedHashMap<>();
        for (JsonNode cam : desired.path("cameras")) {
            if (cam instanceof ObjectNode c && c.path("source").isTextual()) {
                Redaction.Templated t = Redaction.templated(c.get("source").asText(), c.path("id").asText());
                if (!t.secrets().isEmpty()) {
                    c.put("source", t.source());
                    secrets.putAll(t.secrets());
                }
            }
        }
        return secrets;
    }

    /** Store-and-forward TTL: the outbox's maximum record age, rounded up to whole seconds. */
    public static long timeToLiveSeconds(FootfallConfig config) {
        long millis = config.store().maxAge().toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private static ObjectNode edgeAgent(FootfallConfig config, String image) {
        ObjectNode d = F.objectNode();
        d.put("schemaVersion", "1.1");
        ObjectNode runtime = d.putObject("runtime");
        runtime.put("type", "docker");
        ObjectNode rs = runtime.putObject("settings");
        rs.put("minDockerVersion", "v1.25");
        rs.putObject("registryCredentials");
        ObjectNode system = d.putObject("systemModules");
        ObjectNode agent = system.putObject("edgeAgent");
        agent.put("type", "docker");
        agent.putObject("settings").put("image", EDGE_AGENT_IMAGE).put("createOptions", "{}");
        ObjectNode hub = system.putObject("edgeHub");
        hub.put("type", "docker");
        hub.put("status", "running");
        hub.put("restartPolicy", "always");
        hub.put("startupOrder", 0);
        ObjectNode hubSettings = hub.putObject("settings").put("image", EDGE_HUB_IMAGE);
        putCreateOptions(hubSettings, edgeHubCreateOptions());
        hub.putObject("env").putObject("storageFolder").put("value", "/iotedge/storage");

        ObjectNode m = d.putObject("modules").putObject(MODULE);
        m.put("version", "1.0");
        m.put("type", "docker");
        m.put("status", "running");
        m.put("restartPolicy", "always");
        m.put("startupOrder", 1);
        m.put("imagePullPolicy", "on-create");
        ObjectNode settings = m.putObject("settings").put("image", image);
        putCreateOptions(settings, CreateOptions.forCameras(config.cameras()));
        ObjectNode env = m.putObject("env");
        env.putObject("FOOTFALL_DATA_DIR").put("value", DATA_DIR);
        env.putObject("FOOTFALL_LOG_LEVEL").put("value", "INFO");
        return d;
    }

    private static ObjectNode edgeHubCreateOptions() {
        ObjectNode o = F.objectNode();
        ObjectNode host = o.putObject("HostConfig");
        host.putArray("Binds").add(EDGE_HUB_STORAGE + ":/iotedge/storage");
        ObjectNode ports = host.putObject("PortBindings");
        for (String p : List.of("5671", "8883", "443")) {
            ports.putArray(p + "/tcp").addObject().put("HostPort", p);
        }
        return o;
    }

    private static void putCreateOptions(ObjectNode settings, ObjectNode createOptions) {
        for (Map.Entry<String, String> e : CreateOptions.chunk(createOptions.toString()).entrySet()) {
            settings.put(e.getKey(), e.getValue());
        }
    }

    private static ObjectNode edgeHub(FootfallConfig config) {
        long ttl = timeToLiveSeconds(config);
        ObjectNode d = F.objectNode();
        d.put("schemaVersion", "1.1");
        ObjectNode route = d.putObject("routes").putObject(ROUTE_NAME);
        route.put("route", ROUTE);
        route.put("priority", 0);
        route.put("timeToLiveSecs", ttl);
        d.putObject("storeAndForwardConfiguration").put("timeToLiveSecs", ttl);
        return d;
    }

}
