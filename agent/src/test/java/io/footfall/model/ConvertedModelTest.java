package io.footfall.model;

import io.footfall.detect.BackendKind;
import io.footfall.detect.Detector;
import io.footfall.detect.DetectorSettings;
import io.footfall.detect.FrameDetections;
import io.footfall.testing.SharedData;
import io.footfall.testing.TestDetectors;
import io.footfall.testing.TestFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** models/scripts/convert-to-ir.sh turns yolox-nano's ONNX into an FP16 IR that detects the same person. */
class ConvertedModelTest {

    @TempDir
    Path tmp;

    @Test
    void yoloxConvertedToFp16IrFindsThePersonInFrame600() throws Exception {
        SharedData.venvPython();
        Path models = tmp.resolve("models");
        new ModelFetcher(models, Optional.of(SharedData.require("models"))).fetch(ModelCatalog.bundled().get("yolox-nano"));
        ProcessBuilder pb = new ProcessBuilder(SharedData.projectRoot().resolve("models/scripts/convert-to-ir.sh").toString(), "yolox-nano")
                .redirectErrorStream(false).redirectError(tmp.resolve("ovc.log").toFile());
        pb.environment().put("FOOTFALL_MODELS_DIR", models.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertThat(p.waitFor()).as(tmp.resolve("ovc.log").toString()).isZero();
        Path xml = Path.of(out);
        assertThat(xml).exists().hasFileName("yolox_nano.xml");
        assertThat(xml.resolveSibling("yolox_nano.bin")).exists();

        var frame = TestFrames.at(SharedData.require(SharedData.ONE_BY_ONE), 600).get(0);
        DetectorSettings ir = new DetectorSettings("yolox-nano", Optional.empty(), Optional.of(xml), BackendKind.OPENVINO, 2,
                false, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        try (Detector d = TestDetectors.open(ir)) {
            FrameDetections found = d.detect(frame);
            assertThat(found.detections()).hasSize(1);
            assertThat(found.detections().get(0).box().iou(new io.footfall.geometry.Box(410, 0, 150, 400))).isGreaterThan(0.7);
        }
    }
}
