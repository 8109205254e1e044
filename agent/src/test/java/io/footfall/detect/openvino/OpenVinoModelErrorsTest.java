package io.footfall.detect.openvino;

import io.footfall.detect.DetectionException;
import io.footfall.detect.InputSpec;
import io.footfall.detect.ResizeMode;
import io.footfall.video.Frame;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A bad model file or a model that does not match its spec gives one clear DetectionException. */
class OpenVinoModelErrorsTest {

    private static final InputSpec RETAIL = InputSpec.of(OpenVinoTestSupport.RETAIL);
    private static OpenVinoRuntime runtime;
    private static Path retailXml;

    @BeforeEach
    void setUp() {
        if (retailXml != null) {
            return;
        }
        runtime = OpenVinoTestSupport.runtime();
        retailXml = OpenVinoTestSupport.model(OpenVinoTestSupport.RETAIL, "FP32");
    }

    private static OpenVinoBackend open(Path model, InputSpec spec, String output, List<Long> shape) {
        return OpenVinoBackend.open(runtime, model, spec, output, shape, OpenVinoOptions.defaults().withThreads(1));
    }

    @Test
    void missingModelFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("nothing.xml");
        assertThatThrownBy(() -> open(missing, RETAIL, "detection_out", List.of()))
                .isInstanceOf(DetectionException.class)
                .hasMessage("model file " + missing + " does not exist");
    }

    @Test
    void missingWeightsFileIsNamed(@TempDir Path dir) throws IOException {
        Path xml = Files.copy(retailXml, dir.resolve("m.xml"));
        assertThatThrownBy(() -> open(xml, RETAIL, "detection_out", List.of()))
                .isInstanceOf(DetectionException.class)
                .hasMessageContaining("has no weights file m.bin");
    }

    @Test
    void truncatedWeightsFailCleanly(@TempDir Path dir) throws IOException {
        Path xml = Files.copy(retailXml, dir.resolve("m.xml"));
        byte[] bin = Files.readAllBytes(retailXml.resolveSibling("person-detection-retail-0013.bin"));
        Files.write(dir.resolve("m.bin"), java.util.Arrays.copyOf(bin, bin.length / 2));
        assertThatThrownBy(() -> {
            try (OpenVinoBackend b = open(xml, RETAIL, "detection_out", List.of())) {
                b.infer(blankFrame(544, 320));
            }
        }).isInstanceOf(DetectionException.class)
                .hasMessage("model " + xml + " is not a valid OpenVINO IR or ONNX model"
                        + " (GENERAL_ERROR: Incorrect weights in bin file!)");
    }

    @Test
    void garbageModelFileFailsCleanly(@TempDir Path dir) throws IOException {
        Path onnx = Files.writeString(dir.resolve("m.onnx"), "this is not a model");
        assertThatThrownBy(() -> open(onnx, RETAIL, "detection_out", List.of()))
                .isInstanceOf(DetectionException.class)
                .hasMessageStartingWith("model " + onnx + " is not a valid OpenVINO IR or ONNX model (GENERAL_ERROR: ")
                .hasMessageContaining("Unable to read the model");
    }

    @Test
    void inputLayoutMismatchNamesExpectedAndFound() {
        InputSpec wrong = new InputSpec("data", 300, 300, "NHWC", "BGR", 0, 1, ResizeMode.STRETCH, 0);
        assertThatThrownBy(() -> open(retailXml, wrong, "detection_out", List.of()))
                .isInstanceOf(DetectionException.class)
                .hasMessage("model " + retailXml + " input 'data' has shape [1,3,320,544]"
                        + " but the model spec expects [1,300,300,3] (NHWC)");
    }

    @Test
    void aPictureSizeTheModelCannotTakeNamesIt() {
        // Retail-0013's pooling kernels are larger than its feature maps for so small a picture.
        InputSpec tiny = new InputSpec("data", 13, 7, "NCHW", "BGR", 0, 1, ResizeMode.STRETCH, 0);
        assertThatThrownBy(() -> open(retailXml, tiny, "detection_out", List.of()))
                .isInstanceOf(DetectionException.class)
                .hasMessageStartingWith("model " + retailXml + " cannot take input 'data' of shape [1,3,7,13]: ");
    }

    @Test
    void unknownInputNameListsTheModelsInputs() {
        InputSpec wrong = new InputSpec("images", 544, 320, "NCHW", "BGR", 0, 1, ResizeMode.STRETCH, 0);
        assertThatThrownBy(() -> open(retailXml, wrong, "detection_out", List.of()))
                .isInstanceOf(DetectionException.class)
                .hasMessage("model " + retailXml + " has no input named 'images'; its inputs are [data [1,3,320,544] F32]");
    }

    @Test
    void unknownOutputNameListsTheModelsOutputs() {
        assertThatThrownBy(() -> open(retailXml, RETAIL, "output", List.of()))
                .isInstanceOf(DetectionException.class)
                .hasMessage("model " + retailXml + " has no output named 'output';"
                        + " its outputs are [detection_out [1,1,200,7] F32]");
    }

    @Test
    void outputShapeMismatchNamesExpectedAndFound() {
        assertThatThrownBy(() -> open(retailXml, RETAIL, "detection_out", List.of(1L, 3549L, 85L)))
                .isInstanceOf(DetectionException.class)
                .hasMessage("model " + retailXml + " output 'detection_out' has shape [1,1,200,7]"
                        + " but the model spec expects [1,3549,85]");
    }

    @Test
    void matchingSpecOpensAndDescribesItself() {
        try (OpenVinoBackend b = open(retailXml, RETAIL, "detection_out", List.of(1L, 1L, 200L, 7L))) {
            assertThat(b.describe()).isEqualTo("openvino " + runtime.version() + " CPU LATENCY threads=1");
            assertThat(b.inputs()).extracting(OvPort::shapeText).containsExactly("[1,3,320,544]");
        }
    }

    static Frame blankFrame(int w, int h) {
        return new Frame(0, 0, w, h, w * 3, ByteBuffer.allocateDirect(w * h * 3));
    }
}
