package io.footfall.cli;

import io.footfall.BadInputException;
import io.footfall.agent.Agent;
import io.footfall.agent.AgentOptions;
import io.footfall.agent.CameraFailedException;
import io.footfall.agent.ShutdownSignals;
import io.footfall.config.CameraConfig;
import io.footfall.config.ClipPolicy;
import io.footfall.config.ConfigLoader;
import io.footfall.config.ConfigRules;
import io.footfall.config.FootfallConfig;
import io.footfall.config.PrivacyPolicy;
import io.footfall.count.CountLine;
import io.footfall.count.Zone;
import io.footfall.job.EvalJob;
import io.footfall.pipeline.CameraPipeline;
import io.footfall.pipeline.JsonLinesSink;
import io.footfall.track.AppearanceConfig;
import io.footfall.track.TrackerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code footfall run}: the main job. Parses, hands a validated configuration to {@link Agent}, reports. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Count people: detect, track, count line crossings and zone occupancy, roll interval aggregates,",
                "write events.jsonl, aggregates.jsonl and annotated video under --data-dir.",
                "Either --config FILE (YAML or JSON, one or many cameras) or a quick start with --source and --line/--zone.",
                "A line x1,y1,x2,y2 (relative 0..1) counts 'in' when a person moves toward the side its normal",
                "(y2-y1, -(x2-x1)) points to: --line 0.8,0,0.8,1 counts left-to-right as in.",
                "SIGTERM or Ctrl-C stops gracefully: open intervals are written as partial aggregates, clips finished, exit 0."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    DetectorOptions detector;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (YAML or JSON).")
    Path config;

    @Option(names = "--source", paramLabel = "SOURCE",
            description = "Quick start: video file, image folder, rtsp:// URL, usb:N or sample:NAME.")
    String source;

    @Mixin
    CountingShapes shapes;

    @Option(names = "--device", paramLabel = "ID", defaultValue = "local", description = "Quick start: device id (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--store-id", paramLabel = "ID", description = "Quick start: store (site) id (default: the device id).")
    String storeId;

    @Option(names = "--start", paramLabel = "ISO-INSTANT",
            description = "Quick start: wall-clock time of the first frame of a file (default: now).")
    String start;

    @Option(names = "--clips", paramLabel = "off|continuous|events", defaultValue = "continuous",
            description = "Quick start: annotated video to keep (default: ${DEFAULT-VALUE}).")
    String clips;

    @Option(names = "--privacy", paramLabel = "heads|people|off",
            description = "Quick start: how people are anonymised in annotated video: heads (default), people, or off.")
    String privacy;

    @Option(names = "--appearance", description = "Quick start: re-identify people by appearance (tracker.appearance, "
            + "person-reidentification-retail-0288): tracks survive occlusions, aggregates count visitors and returns.")
    boolean appearance;

    @Option(names = "--save-tracks", description = "Also write each camera's tracks to DATA-DIR/tracks/<camera>.txt (MOTChallenge format) for 'footfall eval'.")
    boolean saveTracks;

    @Option(names = "--detections", paramLabel = "FILE", description = "Count from a recording of 'footfall detect --out FILE' "
            + "of the same source instead of running the model: recount with other lines, zones or tracker settings in "
            + "seconds, with the same detections on any machine. Record with 'footfall detect --min-score 0.1' (the tracker's "
            + "lowThresh): the tracker follows people through weak detections.")
    Path detections;

    @Option(names = "--ops-port", paramLabel = "PORT", description = "Serve the operations endpoint on this port "
            + "(127.0.0.1 unless ops.bind says otherwise): the status page /, /metrics, /health. 0 picks a free port. "
            + "Off unless given (or set by the config file's ops section); an IoT Edge module has it on at 9600.")
    Integer opsPort;

    @Mixin
    DataDirOption data;

    @Override
    public Integer call() throws Exception {
        // Everything is checked before anything is written: a bad command leaves no data folder behind.
        FootfallConfig cfg = ConfigRules.check(withOps(config != null ? fromFile() : quickStart()));
        Path dataDir = data.resolveForWriting();
        AgentOptions options = AgentOptions.builder(dataDir)
                .trackFolder(saveTracks ? Optional.of(dataDir.resolve(EvalJob.TRACKS_FOLDER)) : Optional.empty())
                .progress(Progress.onStderr("run"))
                .recordedDetections(Optional.ofNullable(detections))
                // One camera typed on the command line that cannot be opened is most likely a typo: say so at once.
                // A configured store waits for cameras that come up later.
                .waitForCameras(config != null)
                .build();
        List<CameraPipeline.Summary> results;
        Exception failed = null;
        long before;
        long after;
        try (Agent agent = Agent.start(cfg, options);
             ShutdownSignals signals = ShutdownSignals.install(agent::shutdown, options.shutdownDeadline())) {
            before = agent.sequenceAtStart() + 1;
            agent.service(io.footfall.ops.OpsService.class).ifPresent(ops -> System.err.println("run: status page " + ops.url()
                    + ", metrics " + ops.url() + "metrics, health " + ops.url() + "health"));
            try {
                results = agent.awaitCameras();
            } catch (CameraFailedException e) {
                // The others' results still count, and are said, before the failure is.
                results = e.finished();
                failed = e.failure();
            }
            after = agent.outbox().flush();
            signals.received().ifPresent(sig -> System.err.println("run: stopped by " + sig + "; open intervals written as partial aggregates"));
        }
        for (CameraPipeline.Summary s : results) {
            StringBuilder sb = new StringBuilder("run: camera " + s.cameraId() + ": " + s.frames() + " frames");
            s.lines().forEach((name, t) -> sb.append(", line ").append(name).append(" in=").append(t.in()).append(" out=").append(t.out()));
            sb.append(", ").append(s.events()).append(" events, ").append(String.format(java.util.Locale.ROOT, "%.1f", s.fps()))
                    .append(" frames/s");
            if (s.stopped() && s.source().frameCount() > 0) {
                sb.append(", stopped at frame ").append(s.frames() + s.droppedFrames()).append(" of ")
                        .append(s.source().frameCount());
            } else if (s.source().endedEarly(s.frames() + s.droppedFrames())) {
                sb.append(", source ended early at frame ").append(s.frames() + s.droppedFrames()).append(" of ")
                        .append(s.source().frameCount()).append(" (truncated or damaged file?)");
            }
            s.clips().forEach(c -> sb.append(", clip ").append(c.file()));
            System.err.println(sb);
        }
        System.err.println("run: outbox " + dataDir + " sequences " + before + ".." + after + " stored; events in "
                + dataDir.resolve(JsonLinesSink.EVENTS) + ", aggregates in " + dataDir.resolve(JsonLinesSink.AGGREGATES));
        if (failed != null) {
            throw failed;
        }
        return ExitCodes.OK;
    }

    private FootfallConfig withOps(FootfallConfig cfg) {
        if (opsPort == null) {
            return cfg;
        }
        if (opsPort < 0 || opsPort > 65_535) {
            throw new BadInputException("--ops-port must be a TCP port 0..65535 (0 picks a free one), got " + opsPort);
        }
        return cfg.toBuilder().ops(cfg.ops().onPort(opsPort)).build();
    }

    private FootfallConfig fromFile() {
        if (source != null || !shapes.isEmpty() || privacy != null || appearance) {
            throw new BadInputException("--config cannot be combined with --source, --line, --zone, --privacy or --appearance; "
                    + "put cameras, privacy and tracker.appearance in the file");
        }
        return ConfigLoader.load(config);
    }

    private FootfallConfig quickStart() {
        if (source == null) {
            throw new BadInputException("run needs --config FILE, or --source SOURCE with --line/--zone");
        }
        List<CountLine> parsedLines = shapes.lines();
        List<Zone> parsedZones = shapes.zones();
        ClipPolicy.Mode mode = ClipPolicy.Mode.parse("--clips", clips);
        PrivacyPolicy.Mode privacyMode = PrivacyPolicy.defaults().mode();
        if (privacy != null) {
            privacyMode = java.util.Arrays.stream(PrivacyPolicy.Mode.values()).filter(m -> m.id().equals(privacy)).findFirst()
                    .orElseThrow(() -> new BadInputException("--privacy must be heads, people or off, got '" + privacy + "'"));
        }
        ClipPolicy d = ClipPolicy.defaults();
        CameraConfig cam = new CameraConfig(shapes.cameraId, source, parseStart(), parsedLines, parsedZones);
        FootfallConfig cfg = FootfallConfig.builder().deviceId(device).storeId(storeId).detector(detector.settings())
                .clips(new ClipPolicy(mode, d.pre(), d.post())).privacy(PrivacyPolicy.defaults().withMode(privacyMode))
                .tracker(appearance ? TrackerConfig.defaults().withAppearance(AppearanceConfig.with(AppearanceConfig.DEFAULT_MODEL))
                        : TrackerConfig.defaults())
                .cameras(List.of(cam)).build();
        if (!saveTracks) {
            ConfigRules.everyCameraCountsSomething(cfg);
        }
        return cfg;
    }

    private Optional<Instant> parseStart() {
        if (start == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(start));
        } catch (DateTimeParseException e) {
            throw new BadInputException("--start must be an ISO-8601 instant such as 2026-11-25T09:00:00Z, got '" + start + "'");
        }
    }
}
