package io.footfall.agent;

import io.footfall.store.ClipReference;
import io.footfall.store.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * At agent start, before any camera writes: clip files no outbox record names are removed. A clip is registered when
 * it is finished, so such a file was being written when the process died (kill -9, power loss, a forced halt after
 * the shutdown deadline): its mp4 usually lacks its index and does not play, and, with no record, it would never be
 * uploaded, counted against the quota or deleted by retention. Files are matched by name (clip names are unique in
 * the folder), so a data folder given once as a relative and once as an absolute path loses nothing. Nothing is
 * removed from a store that lost records to damage: the clips those records named are unrecorded too.
 */
final class UnrecordedClips {
    private static final Logger log = LoggerFactory.getLogger(UnrecordedClips.class);

    private UnrecordedClips() {
    }

    /** Removes the unrecorded {@code .mp4} files of {@code clipsFolder}; returns them. */
    static List<Path> remove(Outbox outbox, Path clipsFolder) {
        if (!Files.isDirectory(clipsFolder)) {
            return List.of();
        }
        if (!outbox.dataLoss().isEmpty()) {
            // Records were lost to a damaged store: the clips they named are unrecorded now, and still worth keeping.
            log.warn("event=unrecorded_clips_kept folder={} reason=\"the outbox lost records; its clips stay for "
                    + "inspection\"", clipsFolder);
            return List.of();
        }
        Set<String> recorded = outbox.clipReferences().stream().map(ClipReference::file).map(Path::getFileName)
                .map(Path::toString).collect(Collectors.toSet());
        List<Path> unrecorded;
        try (Stream<Path> files = Files.list(clipsFolder)) {
            unrecorded = files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".mp4"))
                    .filter(f -> !recorded.contains(f.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            log.warn("event=clip_folder_unreadable folder={} error=\"{}\"", clipsFolder, e.getMessage());
            return List.of();
        }
        for (Path f : unrecorded) {
            try {
                long bytes = Files.size(f);
                Files.delete(f);
                log.warn("event=unrecorded_clip_removed file={} bytes={} reason=\"no clip record: it was being written "
                        + "when the agent stopped without finishing it\"", f.getFileName(), bytes);
            } catch (IOException e) {
                log.warn("event=unrecorded_clip_kept file={} error=\"{}\"", f.getFileName(), e.getMessage());
            }
        }
        return unrecorded;
    }
}
