package io.footfall.cli;

import io.footfall.FootfallPaths;
import io.footfall.job.DetectJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code footfall detect}: people per frame as JSON lines. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Detect people in a video, image folder or camera and write one JSON line per frame:",
                "{\"frame\":600,\"ptsMillis\":60000,\"detections\":[{\"x\":..,\"y\":..,\"w\":..,\"h\":..,\"score\":..,\"label\":\"person\"}]}",
                "Boxes are in source pixels; frame is the 0-based decode index."})
public final class DetectCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Mixin
    DetectorOptions detector;

    @Option(names = "--source", required = true, paramLabel = "SOURCE",
            description = "Video file, image folder, rtsp:// URL, usb:N, or sample:NAME (Intel sample video).")
    String source;

    @Option(names = "--out", paramLabel = "FILE", description = "Write JSON lines here (default: standard output).")
    Path out;

    @Option(names = "--max-frames", paramLabel = "N", description = "Stop after N frames.")
    long maxFrames = Long.MAX_VALUE;

    @Override
    public Integer call() throws Exception {
        if (maxFrames < 1) {
            throw new io.footfall.BadInputException("--max-frames " + maxFrames + ": expected a whole number of frames, 1 or more");
        }
        if (out != null) {
            OutputFile.check("--out", out, new OutputFile.Input("--source", Path.of(source)));
        }
        DetectJob.Summary s = new DetectJob(FootfallPaths.detect())
                .run(source, detector.settings(), Optional.ofNullable(out), maxFrames, Progress.onStderr("detect"));
        System.err.printf("detect: %d frames, %d detections, %s; per frame: preprocess %.2f ms, infer %.2f ms, decode %.2f ms (%.1f fps)%n",
                s.frames(), s.detections(), s.detector(), s.meanPreprocessMillis(), s.meanInferMillis(), s.meanDecodeMillis(), s.fps());
        return ExitCodes.OK;
    }
}
