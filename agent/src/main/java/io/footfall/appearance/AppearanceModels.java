package io.footfall.appearance;

import io.footfall.FootfallPaths;
import io.footfall.detect.DetectorSetupException;
import io.footfall.detect.openvino.OpenVinoOptions;
import io.footfall.detect.openvino.PerformanceHint;
import io.footfall.identity.StaffGallery;
import io.footfall.model.ModelCatalog;
import io.footfall.model.ModelFetcher;
import io.footfall.model.ModelManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Opens re-identification models from the catalogue, installing their files first when missing (from the local
 * mirror or the official URL, checked by sha256), on OpenVINO with the camera's detector threads and library.
 */
public final class AppearanceModels {
    private static final Logger log = LoggerFactory.getLogger(AppearanceModels.class);

    private static final int REQUESTS = 2;

    private final ModelCatalog catalog;
    private final ModelFetcher fetcher;

    public AppearanceModels(ModelCatalog catalog, ModelFetcher fetcher) {
        this.catalog = catalog;
        this.fetcher = fetcher;
    }

    public static AppearanceModels standard(FootfallPaths paths) {
        return new AppearanceModels(ModelCatalog.bundled(), new ModelFetcher(paths.models(), paths.modelMirror()));
    }

    /**
     * An opener for one camera: the detector's thread budget and OpenVINO library; the staff gallery's key from
     * {@code env} ({@link StaffGallery#KEY_ENV}).
     */
    public AppearanceOpener opener(int threads, Optional<Path> openVinoLib, Map<String, String> env) {
        return new AppearanceOpener() {
            @Override
            public AppearanceModel open(String model) {
                return AppearanceModels.this.open(model, threads, openVinoLib);
            }

            @Override
            public StaffGallery staff(Path file, double distance) {
                StaffGallery g = StaffGallery.read(file, StaffGallery.key(env.get(StaffGallery.KEY_ENV), StaffGallery.KEY_ENV),
                        distance);
                log.info("event=staff_gallery_loaded file={} enrolled={}", file, g.size());
                return g;
            }
        };
    }

    public AppearanceModel open(String model, int threads, Optional<Path> openVinoLib) {
        ModelManifest m = catalog.appearanceModel(model);
        Path file = fetcher.installed(m, null);
        if (!Files.isRegularFile(file)) {
            throw new DetectorSetupException("model file " + file + " does not exist");
        }
        // Two requests under the throughput hint: a frame's crops run side by side, a thread each, which on vtest cost
        // 7.6-8.6 ms a crop inside the running pipeline against 11.3-11.9 ms for one two-thread latency request
        // (docs/benchmarks.md); the lone crop of a quiet frame pays a little more for it.
        OpenVinoOptions o = OpenVinoOptions.defaults().withHint(PerformanceHint.THROUGHPUT).withThreads(threads)
                .withInferRequests(REQUESTS);
        if (openVinoLib.isPresent()) {
            o = o.withLibPath(openVinoLib.get());
        }
        AppearanceModel opened = OpenVinoAppearanceModel.open(m, file, o);
        log.info("event=appearance_ready model={} file={} runtime=\"{}\"", m.name(), file, opened.describe());
        return opened;
    }
}
