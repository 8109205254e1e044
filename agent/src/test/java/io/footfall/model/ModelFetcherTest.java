package io.footfall.model;

import io.footfall.BadInputException;
import io.footfall.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelFetcherTest {

    @TempDir
    Path tmp;

    @Test
    void installsFromTheMirrorAndVerifiesEveryChecksum() {
        Path mirror = SharedData.require("models");
        ModelManifest m = ModelCatalog.bundled().get("person-detection-retail-0013");
        ModelFetcher f = new ModelFetcher(tmp.resolve("models"), Optional.of(mirror));
        assertThat(f.isInstalled(m)).isFalse();
        Path folder = f.fetch(m);
        assertThat(f.isInstalled(m)).isTrue();
        for (var file : m.files()) {
            assertThat(ModelFetcher.sha256(folder.resolve(file.path()))).isEqualTo(file.sha256());
        }
    }

    @Test
    void aWrongChecksumIsAnErrorAndTheFileIsNotKept() throws Exception {
        ModelManifest m = ModelCatalog.bundled().get("yolox-nano");
        Path mirror = tmp.resolve("mirror");
        Files.createDirectories(mirror.resolve("yolox-nano"));
        Files.writeString(mirror.resolve("yolox-nano/yolox_nano.onnx"), "tampered");
        Path models = tmp.resolve("models");
        ModelFetcher f = new ModelFetcher(models, Optional.of(mirror));
        assertThatThrownBy(() -> f.fetch(m)).isInstanceOf(BadInputException.class)
                .hasMessageContaining("yolox_nano.onnx").hasMessageContaining("e8af0749").hasMessageContaining("not kept");
        try (var files = Files.walk(models)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aFailedDownloadIsARuntimeFailureAndABadModelsFolderSaysWhy() throws Exception {
        ModelManifest real = ModelCatalog.bundled().get("yolox-nano");
        ModelManifest.ModelFile file = real.files().get(0);
        ModelManifest unreachable = new ModelManifest(real.name(), real.description(), real.license(), real.format(),
                real.backends(), real.defaultVariant(), real.variants(),
                List.of(new ModelManifest.ModelFile(file.path(), file.sha256(), "http://127.0.0.1:1/yolox_nano.onnx")),
                real.input(), real.output(), real.classes(), real.personClass(), real.scoreThreshold(), real.madeVariants());

        // No network is exit 1 (README: network failures are 1), not a bad input.
        assertThatThrownBy(() -> new ModelFetcher(tmp.resolve("models"), Optional.empty()).fetch(unreachable))
                .isInstanceOf(UncheckedIOException.class).isNotInstanceOf(BadInputException.class)
                .hasMessageContaining("cannot download model file " + file.path()).hasMessageContaining("--mirror");

        Path notAFolder = Files.writeString(tmp.resolve("afile"), "x");
        assertThatThrownBy(() -> new ModelFetcher(notAFolder, Optional.empty()).fetch(unreachable))
                .isInstanceOf(BadInputException.class).hasMessageContaining("a folder on its path is a file");
    }

    @Test
    void bundledManifestsMatchTheSharedChecksums() throws Exception {
        Path sums = SharedData.require("SHA256SUMS");
        String all = Files.readString(sums);
        for (ModelManifest m : ModelCatalog.bundled().all()) {
            for (var file : m.files()) {
                assertThat(all).as(m.name() + "/" + file.path()).contains(file.sha256() + "  ./models/" + m.name() + "/" + file.path());
            }
        }
    }

    @Test
    void aMadeVariantNotMadeYetNamesTheCommandThatMakesIt() throws Exception {
        Path mirror = SharedData.require("models");
        ModelManifest m = ModelCatalog.bundled().get("person-detection-retail-0013");
        ModelFetcher f = new ModelFetcher(tmp.resolve("models"), Optional.of(mirror));
        assertThatThrownBy(() -> f.installed(m, "INT8")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("INT8").hasMessageContaining("models/scripts/quantize-int8.sh person-detection-retail-0013");
        Path made = tmp.resolve("models/person-detection-retail-0013/INT8/person-detection-retail-0013.xml");
        Files.createDirectories(made.getParent());
        Files.writeString(made, "<net/>");
        assertThat(f.installed(m, "INT8")).isEqualTo(made);
        assertThatThrownBy(() -> f.installed(m, "INT4")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("[FP16, FP32, INT8]");
    }
}
