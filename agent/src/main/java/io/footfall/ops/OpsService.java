package io.footfall.ops;

import io.footfall.agent.spi.AgentContext;
import io.footfall.agent.spi.AgentService;
import io.footfall.agent.spi.AgentStatus;
import io.footfall.agent.spi.Snapshot;
import io.footfall.config.OpsSettings;
import io.footfall.count.CountEvent;
import io.footfall.edge.HealthProbe;
import io.footfall.json.Json;
import io.footfall.pipeline.FrameStats;
import io.footfall.pipeline.PipelineObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running operations endpoint of one agent: {@code /metrics}, {@code /health} (with {@code /health/live} and
 * {@code /health/ready}), the status page {@code /} with {@code /api/status} and {@code /snapshot/<camera>.jpg}. It
 * watches the cameras' frames as a {@link PipelineObserver} (the agent hands every pipeline to the services that
 * are one) and reads everything else from the agent's {@link io.footfall.agent.spi.AgentControl}. Thread-safe.
 */
public final class OpsService implements AgentService, PipelineObserver {
    private static final Logger log = LoggerFactory.getLogger(OpsService.class);
    private static final String JSON = "application/json; charset=utf-8";
    private static final Map<String, String> STATIC = Map.of("/static/status.js", "text/javascript; charset=utf-8",
            "/static/status.css", "text/css; charset=utf-8");

    private final AgentContext context;
    private final OpsMetrics metrics;
    private final TodayCounts today;
    private final HealthRule health;
    private final SnapshotCache snapshots;
    /** People per zone after each camera's latest frame: camera → zone → people. */
    private final Map<String, Map<String, Integer>> occupancy = new ConcurrentHashMap<>();
    private final OpsServer server;
    private static final long PROBE_EVERY_NANOS = Duration.ofSeconds(10).toNanos();
    /** The data folder probe's last answer and when (System.nanoTime, 0 before the first). Guarded by {@code this}. */
    private List<String> folderProblems = List.of();
    private long probedAt;

    private OpsService(AgentContext context, OpsSettings settings, String address) {
        this.context = context;
        this.metrics = new OpsMetrics(context.clock());
        this.today = new TodayCounts(context.clock(), ZoneId.systemDefault());
        this.health = new HealthRule(settings.healthDownAfter(), context.clock());
        this.snapshots = new SnapshotCache(() -> context.control().snapshots(), Duration.ofSeconds(1).toNanos());
        this.server = OpsServer.bind(address, settings.port(), this::get);
    }

    /**
     * Binds the port; serving starts with {@link #start()}.
     *
     * @throws io.footfall.BadInputException the port is taken or the address is not this machine's
     */
    static OpsService open(AgentContext context, OpsSettings settings, String address) {
        return new OpsService(context, settings, address);
    }

    @Override
    public void start() {
        server.start();
        log.info("event=ops_started url={} metrics={}metrics health={}health", url(), url(), url());
    }

    @Override
    public void stop(Duration deadline) {
        server.stop(deadline);
        log.info("event=ops_stopped");
    }

    /** Where the status page is, e.g. {@code http://127.0.0.1:9600/} (the bound port when 0 was asked for). */
    public String url() {
        String host = server.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + server.port() + "/";
    }

    public int port() {
        return server.port();
    }

    // ---- PipelineObserver: called from the cameras' threads --------------------------------------------------------

    @Override
    public void frameProcessed(FrameStats stats) {
        metrics.frameProcessed(stats);
        today.frameProcessed(stats);
        occupancy.put(stats.cameraId(), stats.zoneOccupancy());
    }

    @Override
    public void framesDropped(String cameraId, long count) {
        metrics.framesDropped(cameraId, count);
    }

    @Override
    public void eventsFlushed(String cameraId, List<CountEvent> events) {
        metrics.eventsFlushed(cameraId, events);
        today.eventsFlushed(cameraId, events);
    }

    // ---- HTTP ---------------------------------------------------------------------------------------------------

    private OpsServer.Response get(String path) throws IOException {
        switch (path) {
            case "/metrics" -> {
                Optional<AgentStatus> status = status(new ArrayList<>());
                HealthReport h = checkHealth();
                ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
                metrics.scrape(status.orElse(null), h, out);
                return new OpsServer.Response(200, OpsMetrics.contentType(), out.toByteArray(), Map.of());
            }
            case "/health", "/health/ready" -> {
                HealthReport h = checkHealth();
                return OpsServer.Response.json(h.healthy() ? 200 : 503, Json.mapper().writeValueAsString(healthJson(h)));
            }
            case "/health/live" -> {
                // Alive while it answers and its outbox can be read: restarting helps with neither a stuck agent nor a
                // store that failed.
                List<String> problems = new ArrayList<>();
                status(problems);
                return OpsServer.Response.json(problems.isEmpty() ? 200 : 503, Json.mapper().writeValueAsString(
                        Map.of("status", problems.isEmpty() ? "alive" : "unhealthy", "problems", problems)));
            }
            case "/api/status" -> {
                return OpsServer.Response.json(200, Json.mapper().writeValueAsString(model()));
            }
            case "/", "/index.html" -> {
                return OpsServer.Response.text(200, "text/html; charset=utf-8", StatusPage.render(model()));
            }
            default -> {
                if (STATIC.containsKey(path)) {
                    return new OpsServer.Response(200, STATIC.get(path), resource(path.substring("/static/".length())), Map.of());
                }
                if (path.startsWith("/snapshot/") && path.endsWith(".jpg")) {
                    String camera = path.substring("/snapshot/".length(), path.length() - ".jpg".length());
                    Optional<Snapshot> s = snapshots.of(camera);
                    if (s.isPresent()) {
                        return new OpsServer.Response(200, "image/jpeg", s.get().jpeg(),
                                Map.of("X-Frame-Index", String.valueOf(s.get().frame())));
                    }
                    return notFound("no frame yet for this camera");
                }
                return notFound("no such page; try /, /metrics, /health or /api/status");
            }
        }
    }

    private static OpsServer.Response notFound(String why) throws IOException {
        return OpsServer.Response.json(404, Json.mapper().writeValueAsString(Map.of("error", why)));
    }

    private com.fasterxml.jackson.databind.node.ObjectNode model() {
        HealthReport h = checkHealth();
        return StatusModel.of(context.control().current(), status(new ArrayList<>()), h, today, occupancy, context.clock());
    }

    /** The agent's status; what went wrong reading it is added to {@code problems}. */
    private Optional<AgentStatus> status(List<String> problems) {
        try {
            return Optional.of(context.control().status());
        } catch (RuntimeException e) {
            problems.add("outbox: cannot read its state (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private HealthReport checkHealth() {
        List<String> problems = new ArrayList<>();
        Optional<AgentStatus> status = status(problems);
        folderProblems().forEach(p -> problems.add("outbox: " + p));
        return health.check(status, problems);
    }

    /**
     * Whether the data folder takes a new file: the outbox lives there, so a full or read-only disk shows here before
     * the next commit fails. Probed at most every {@link #PROBE_EVERY_NANOS}: each probe writes a file, and an edge box's
     * flash should not pay for every scrape.
     */
    private synchronized List<String> folderProblems() {
        long now = System.nanoTime();
        if (probedAt == 0 || now - probedAt > PROBE_EVERY_NANOS) {
            folderProblems = HealthProbe.check(context.dataDir(), Optional.empty(), context.clock()).problems();
            probedAt = now;
        }
        return folderProblems;
    }

    private static Map<String, Object> healthJson(HealthReport h) {
        return Map.of("status", h.healthy() ? "ok" : "unhealthy", "problems", h.problems(),
                "cameras", h.cameras().stream().map(c -> Map.of("id", c.id(), "state", c.state(), "downSeconds", c.downSeconds()))
                        .toList());
    }

    private static byte[] resource(String name) {
        try (InputStream in = OpsService.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource io/footfall/ops/" + name + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
