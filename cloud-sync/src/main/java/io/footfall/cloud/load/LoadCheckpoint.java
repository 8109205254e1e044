package io.footfall.cloud.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which count blobs a load has already written to which Cosmos container, so an interrupted or repeated load
 * resumes instead of starting over. A JSON-lines file, one line per loaded blob ({@code target, blob, etag,
 * documents, loadedAt}), appended and fsynced after the blob's documents are all upserted: a crash between upsert and
 * checkpoint only means the blob is upserted again (harmless: same ids). A blob whose ETag changed (rewritten) is
 * loaded again. A torn last line (crash mid-write) is ignored.
 *
 * <p>Not thread-safe: one loader owns it.
 */
public final class LoadCheckpoint {
    private final Path file;
    private final String target;
    private final Map<String, String> loaded = new HashMap<>(); // blob -> etag
    private final ObjectMapper mapper = new ObjectMapper();
    private boolean tornTail; // the file ends without a newline: the next line must not be glued onto the torn one

    private LoadCheckpoint(Path file, String target) {
        this.file = file;
        this.target = target;
    }

    /** Opens (or starts) the checkpoint of loads into {@code target} (e.g. {@code endpoint/database/container}). */
    public static LoadCheckpoint open(Path file, String target) {
        LoadCheckpoint c = new LoadCheckpoint(file, target);
        if (Files.exists(file)) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                String[] lines = text.split("\n");
                for (int i = 0; i < lines.length; i++) {
                    // A line that is not a checkpoint record, nor one torn by a crash, means --checkpoint names someone
                    // else's file (a config, the agent's events), which the load would append to.
                    if (!c.read(lines[i])) {
                        throw notACheckpoint(file, "line " + (i + 1) + " is not a load checkpoint record");
                    }
                }
                c.tornTail = !text.isEmpty() && !text.endsWith("\n");
            } catch (java.nio.charset.CharacterCodingException e) {
                throw notACheckpoint(file, "it is not text");
            } catch (IOException e) {
                throw new UncheckedIOException("checkpoint " + file + ": " + e.getMessage(), e);
            }
        }
        return c;
    }

    /** How every record starts ({@link #markLoaded} writes the target first). */
    private static final String RECORD_START = "{\"target\"";

    private static IllegalArgumentException notACheckpoint(Path file, String why) {
        return new IllegalArgumentException("--checkpoint " + file + ": " + why + "; expected a file 'footfall cloud load' "
                + "wrote, or a new file");
    }

    /** @return whether the line is blank, a checkpoint record (of any target), or the start of one torn by a crash */
    private boolean read(String line) {
        if (line.isBlank()) {
            return true;
        }
        JsonNode n;
        try {
            n = mapper.readTree(line);
        } catch (IOException e) {
            // Torn by a crash while it was written (the next record starts on a new line): that blob loads again.
            return line.startsWith(RECORD_START) || RECORD_START.startsWith(line);
        }
        if (n == null || !n.hasNonNull("blob") || !n.hasNonNull("target")) {
            return false;
        }
        if (target.equals(n.path("target").asText())) {
            loaded.put(n.get("blob").asText(), n.path("etag").asText(""));
        }
        return true;
    }

    public boolean isLoaded(String blob, String etag) {
        String e = loaded.get(blob);
        return e != null && e.equals(etag == null ? "" : etag);
    }

    public int size() {
        return loaded.size();
    }

    public Path file() {
        return file;
    }

    /** Records the blob as loaded, durably (fsync) before returning. */
    public void markLoaded(String blob, String etag, int documents) {
        ObjectNode n = mapper.createObjectNode();
        n.put("target", target);
        n.put("blob", blob);
        n.put("etag", etag == null ? "" : etag);
        n.put("documents", documents);
        n.put("loadedAt", Instant.now().toString());
        byte[] line;
        try {
            line = ((tornTail ? "\n" : "") + mapper.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + file + ": could not record " + blob + ": " + e.getMessage(), e);
        }
        tornTail = false;
        loaded.put(blob, etag == null ? "" : etag);
    }
}
