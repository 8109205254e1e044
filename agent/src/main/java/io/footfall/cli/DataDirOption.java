package io.footfall.cli;

import io.footfall.store.DataDirectory;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --data-dir}, resolved the same way by every command that reads or writes a data folder. */
public final class DataDirOption {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Data folder: outbox, events, aggregates, clips (default: FOOTFALL_DATA_DIR, else /var/lib/footfall "
                    + "when it exists and is writable, as in the edge module, else ./footfall-data).")
    Path option;

    public Path resolve() {
        return DataDirectory.resolve(option);
    }
}
