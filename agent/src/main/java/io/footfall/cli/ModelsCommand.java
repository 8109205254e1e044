package io.footfall.cli;

import io.footfall.FootfallPaths;
import io.footfall.model.ModelCatalog;
import io.footfall.model.ModelFetcher;
import io.footfall.model.ModelManifest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code footfall models}: list the known models, install their files. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List and install detector models.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Fetch.class})
public final class ModelsCommand {

    /** Where models are installed, shared by the subcommands. */
    static final class Location {
        @Option(names = "--models-dir", paramLabel = "DIR",
                description = "Installed models folder (default: FOOTFALL_MODELS_DIR or .footfall/models).")
        Path modelsDir;

        Path resolve(FootfallPaths paths) {
            return modelsDir != null ? modelsDir : paths.models();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the models Footfall knows and whether each is installed.")
    static final class ListModels implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Mixin
        Location location;

        @Override
        public Integer call() {
            FootfallPaths paths = FootfallPaths.detect();
            ModelCatalog catalog = ModelCatalog.bundled();
            ModelFetcher fetcher = new ModelFetcher(location.resolve(paths), Optional.empty());
            for (ModelManifest m : catalog.everything()) {
                System.out.printf("%-30s %-12s %-24s %s%s%n", m.name(), m.format(), String.join(",", m.backends()),
                        fetcher.isInstalled(m) ? "installed" : "not installed",
                        m.name().equals(catalog.defaultModel().name()) ? " (default)" : "");
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = {"Install model files from a local mirror or their official URLs, checking sha256.",
                    "A file with the wrong checksum is an error and is not kept."})
    static final class Fetch implements Callable<Integer> {
        @Mixin
        CommonOptions common;
        @Mixin
        Location location;

        @Option(names = "--mirror", paramLabel = "DIR",
                description = "Folder laid out like the models folder (e.g. ../shared/data/models); default: the local mirror's models/ "
                        + "($FOOTFALL_MIRROR_DIR, else ../shared/data) when present.")
        Path mirror;

        @Parameters(paramLabel = "NAME", arity = "0..*", description = "Models to fetch (default: all).")
        List<String> names;

        @Override
        public Integer call() {
            FootfallPaths paths = FootfallPaths.detect();
            ModelCatalog catalog = ModelCatalog.bundled();
            Optional<Path> from = mirror != null ? Optional.of(mirror) : paths.modelMirror();
            if (mirror != null && !java.nio.file.Files.isDirectory(mirror)) {
                throw new io.footfall.BadInputException("mirror " + mirror + " is not a folder");
            }
            ModelFetcher fetcher = new ModelFetcher(location.resolve(paths), from);
            List<ModelManifest> wanted = names == null || names.isEmpty() ? catalog.everything() : names.stream().map(catalog::any).toList();
            for (ModelManifest m : wanted) {
                Path folder = fetcher.fetch(m);
                System.out.println(m.name() + ": " + m.files().size() + " files verified in " + folder);
            }
            return ExitCodes.OK;
        }
    }
}
