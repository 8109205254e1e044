package io.footfall.cloud.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.footfall.cloud.cosmos.CosmosCounts;
import io.footfall.cloud.cosmos.CosmosDocuments;
import io.footfall.schema.WireRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Copies count files from Blob storage into Cosmos DB: what the Data Factory pipeline does, done by the CLI for
 * places without Data Factory and for local runs, with the same document mapping ({@link CosmosDocuments}).
 *
 * <p>Bulk: documents of several blobs are upserted together (Cosmos bulk execution) in batches of about
 * {@value #BATCH_DOCUMENTS}; the blobs of a batch are checkpointed once all of its documents are written.
 * Resumable: blobs in the {@link LoadCheckpoint} (same ETag) are skipped. Idempotent: documents are upserted by
 * deterministic id, so loading a blob twice changes nothing. A line that is not a wire record stops the load with
 * the blob and line named; what was loaded before stays loaded and checkpointed.
 *
 * <p>Not thread-safe: one load at a time.
 */
public final class CountLoader {
    static final int BATCH_DOCUMENTS = 1000;
    private static final Logger log = LoggerFactory.getLogger(CountLoader.class);

    private final CountBlobs blobs;
    private final CosmosCounts cosmos;
    private final CosmosDocuments documents;
    private final LoadCheckpoint checkpoint;

    public CountLoader(CountBlobs blobs, CosmosCounts cosmos, CosmosDocuments documents, LoadCheckpoint checkpoint) {
        this.blobs = Objects.requireNonNull(blobs);
        this.cosmos = Objects.requireNonNull(cosmos);
        this.documents = Objects.requireNonNull(documents);
        this.checkpoint = Objects.requireNonNull(checkpoint);
    }

    /**
     * Which blobs to load.
     *
     * @param store    only this store (null: all)
     * @param from     only hours on or after this day (UTC; null: no bound)
     * @param to       only hours on or before this day (UTC; null: no bound)
     * @param maxBlobs stop after loading this many blobs (0: no limit), e.g. to spread a backfill over several runs
     */
    public record Selection(String store, LocalDate from, LocalDate to, int maxBlobs) {
        public Selection {
            if (maxBlobs < 0) {
                throw new IllegalArgumentException("--max-blobs " + maxBlobs + ": expected 0 (no limit) or more");
            }
        }

        public static Selection all() {
            return new Selection(null, null, null, 0);
        }

        boolean includes(CountBlobName n) {
            return (store == null || store.equals(n.store())) && (from == null || !n.day().isBefore(from))
                    && (to == null || !n.day().isAfter(to));
        }
    }

    /** What a load did. {@code complete} is false when it stopped at {@code maxBlobs} with blobs left. */
    public record Result(int listed, int loaded, int alreadyLoaded, int notCountFiles, int documents, boolean complete) {
    }

    public Result load(Selection selection) {
        List<CountBlobs.Listed> listed = blobs.list(selection.store() == null ? "" : selection.store() + "/");
        Batch batch = new Batch();
        int loaded = 0;
        int already = 0;
        int foreign = 0;
        int written = 0;
        boolean complete = true;
        for (CountBlobs.Listed blob : listed) {
            Optional<CountBlobName> name = CountBlobName.parse(blob.name());
            if (name.isEmpty()) {
                foreign++;
                log.warn("event=load_skipped_blob blob={}/{} reason=not_a_count_file", blobs.containerName(), blob.name());
                continue;
            }
            if (!selection.includes(name.get())) {
                continue;
            }
            if (checkpoint.isLoaded(blob.name(), blob.etag())) {
                already++;
                continue;
            }
            if (selection.maxBlobs() > 0 && loaded == selection.maxBlobs()) {
                complete = false;
                break;
            }
            List<ObjectNode> docs;
            try {
                docs = documentsOf(name.get());
            } catch (RuntimeException e) {
                written += batch.flush(); // keep what is already read: it is good
                throw e;
            }
            batch.add(blob, docs);
            loaded++;
            if (batch.size() >= BATCH_DOCUMENTS) {
                written += batch.flush();
            }
        }
        written += batch.flush();
        log.info("event=load_done container={} listed={} loaded={} alreadyLoaded={} notCountFiles={} documents={} complete={}",
                blobs.containerName(), listed.size(), loaded, already, foreign, written, complete);
        return new Result(listed.size(), loaded, already, foreign, written, complete);
    }

    private List<ObjectNode> documentsOf(CountBlobName name) {
        String text = blobs.read(name.name());
        List<ObjectNode> docs = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            WireRecord record = documents.parseLine(line, "blob " + blobs.containerName() + "/" + name.name() + " line " + (i + 1));
            docs.add(documents.toDocument(record, name.store()));
        }
        return docs;
    }

    /** Documents read but not yet written, and the blobs they came from. */
    private final class Batch {
        private final List<ObjectNode> docs = new ArrayList<>();
        private final List<CountBlobs.Listed> sources = new ArrayList<>();
        private final List<Integer> counts = new ArrayList<>();

        void add(CountBlobs.Listed blob, List<ObjectNode> blobDocs) {
            docs.addAll(blobDocs);
            sources.add(blob);
            counts.add(blobDocs.size());
        }

        int size() {
            return docs.size();
        }

        int flush() {
            int n = cosmos.upsertAll(docs);
            for (int i = 0; i < sources.size(); i++) {
                checkpoint.markLoaded(sources.get(i).name(), sources.get(i).etag(), counts.get(i));
                log.info("event=count_blob_loaded blob={}/{} documents={}", blobs.containerName(),
                        sources.get(i).name(), counts.get(i));
            }
            docs.clear();
            sources.clear();
            counts.clear();
            return n;
        }
    }
}
