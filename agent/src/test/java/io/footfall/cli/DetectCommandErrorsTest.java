package io.footfall.cli;

import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gives exit code 2 and one clear line naming it, with no stack trace unless --verbose. */
class DetectCommandErrorsTest {

    @TempDir
    Path tmp;

    record Outcome(int code, String err) {
        String[] lines() {
            return err.strip().split("\n");
        }
    }

    static Outcome run(String... args) {
        var cl = FootfallCommand.newCommandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int code = cl.execute(args);
        return new Outcome(code, err.toString());
    }

    private String clip() {
        return SharedData.require(SharedData.ONE_BY_ONE).toString();
    }

    private static void assertOneLine(Outcome o, String... fragments) {
        assertThat(o.code()).as(o.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(o.lines()).as(o.err()).hasSize(1);
        assertThat(o.err()).doesNotContain("\tat ").contains(Arrays.asList(fragments));
    }

    @Test
    void missingModelFile() {
        Path missing = tmp.resolve("nowhere.xml");
        assertOneLine(run("detect", "--source", clip(), "--model-file", missing.toString(), "--out", tmp.resolve("o.jsonl").toString()),
                missing.toString(), "does not exist");
    }

    @Test
    void corruptIrWeightsOnOpenVino() throws Exception {
        Path xml = SharedData.require("models/person-detection-retail-0013/FP16/person-detection-retail-0013.xml");
        Path dir = Files.createDirectories(tmp.resolve("corrupt"));
        Files.copy(xml, dir.resolve(xml.getFileName()));
        byte[] bin = Files.readAllBytes(xml.resolveSibling("person-detection-retail-0013.bin"));
        Files.write(dir.resolve("person-detection-retail-0013.bin"), Arrays.copyOf(bin, bin.length / 3));
        Outcome o = run("detect", "--source", clip(), "--model-file", dir.resolve(xml.getFileName()).toString(),
                "--out", tmp.resolve("o.jsonl").toString());
        assertOneLine(o, "person-detection-retail-0013");
    }

    @Test
    void corruptOnnxOnOnnxRuntime() throws Exception {
        Path bad = tmp.resolve("yolox_nano.onnx");
        byte[] onnx = Files.readAllBytes(SharedData.require("models/yolox-nano/yolox_nano.onnx"));
        Files.write(bad, Arrays.copyOf(onnx, onnx.length / 2));
        assertOneLine(run("detect", "--source", clip(), "--model", "yolox-nano", "--backend", "onnxruntime",
                "--model-file", bad.toString(), "--out", tmp.resolve("o.jsonl").toString()), bad.toString());
    }

    @Test
    void unreadableVideo() throws Exception {
        Path notVideo = tmp.resolve("clip.mp4");
        Files.writeString(notVideo, "this is not a video\n");
        Outcome o = run("detect", "--source", notVideo.toString(), "--out", tmp.resolve("o.jsonl").toString());
        assertOneLine(o, notVideo.toString(), "cannot open", "Invalid data found when processing input", "expected a video file");
        assertThat(o.err()).doesNotContain("setFormat").doesNotContain("FFmpegLogCallback").doesNotContain("avformat_open_input");
    }

    @Test
    void missingVideo() {
        assertOneLine(run("detect", "--source", tmp.resolve("none.mp4").toString()), "none.mp4", "does not exist");
    }

    @Test
    void openVinoLibFolderThatDoesNotExist() {
        Path missing = tmp.resolve("nonexistent");
        assertOneLine(run("detect", "--source", clip(), "--openvino-lib", missing.toString(), "--out", tmp.resolve("o.jsonl").toString()),
                missing.toString(), "does not exist", "--openvino-lib", "expected a folder containing libopenvino_c.so");
    }

    @Test
    void wrongBackend() {
        assertOneLine(run("detect", "--source", clip(), "--backend", "tensorflow"), "tensorflow", "openvino", "onnxruntime");
    }

    @Test
    void modelThatCannotRunOnTheBackend() {
        assertOneLine(run("detect", "--source", clip(), "--backend", "onnxruntime"), "person-detection-retail-0013", "openvino");
    }

    @Test
    void unknownModel() {
        assertOneLine(run("detect", "--source", clip(), "--model", "resnet"), "resnet", "yolox-nano");
    }

    @Test
    void verbosePrintsTheStackTrace() {
        Outcome o = run("detect", "--verbose", "--source", tmp.resolve("none.mp4").toString());
        assertThat(o.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(o.err()).contains("\tat ");
    }

    @Test
    void missingRequiredOptionIsBadUsage() {
        Outcome o = run("detect");
        assertThat(o.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(o.err()).contains("--source");
    }

    @Test
    void everySubcommandHasHelp() {
        var cl = FootfallCommand.newCommandLine();
        for (String name : cl.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            StringWriter out = new StringWriter();
            var sub = FootfallCommand.newCommandLine();
            sub.setOut(new PrintWriter(out, true));
            assertThat(sub.execute(name, "--help")).as(name).isZero();
            assertThat(out.toString()).as(name).contains("Usage: footfall " + name);
        }
    }
}
