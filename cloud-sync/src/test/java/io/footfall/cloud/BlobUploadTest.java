package io.footfall.cloud;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlockListType;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.common.sas.AccountSasPermission;
import com.azure.storage.common.sas.AccountSasResourceType;
import com.azure.storage.common.sas.AccountSasService;
import com.azure.storage.common.sas.AccountSasSignatureValues;
import io.footfall.cloud.blob.AzureBlobStore;
import io.footfall.cloud.blob.BlobCredentials;
import io.footfall.cloud.testing.Teardown;
import io.footfall.cloud.testing.Await;
import io.footfall.cloud.testing.AzuriteServer;
import io.footfall.cloud.testing.FaultyStore;
import io.footfall.cloud.testing.LogCapture;
import io.footfall.cloud.testing.TestServers;
import io.footfall.cloud.testing.WireRecords;
import io.footfall.cloud.upload.ClipUploader;
import io.footfall.cloud.upload.CountFileUploader;
import io.footfall.cloud.upload.ObjectStore;
import io.footfall.cloud.upload.ObjectStoreException;
import io.footfall.cloud.upload.RateLimiter;
import io.footfall.config.SyncSettings;
import io.footfall.store.Outbox;
import io.footfall.store.OutboxConfig;
import io.footfall.store.StoreWriteException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Count files and clips to Blob storage, against Azurite on 127.0.0.1 started by the test. */
class BlobUploadTest {
    private static final String DEVICE = "box-1";

    @TempDir
    Path tmp;
    private AzuriteServer azurite;
    private Outbox outbox;
    private AzureBlobStore store;
    private BlobContainerClient reader;

    @BeforeEach
    void setUp() throws Exception {
        azurite = new AzuriteServer(tmp.resolve("azurite")).start();
        outbox = Outbox.open(OutboxConfig.of(tmp.resolve("data"), DEVICE));
        store = AzureBlobStore.create(new BlobCredentials.ConnectionString(azurite.connectionString()));
    }

    @AfterEach
    void tearDown() throws Exception {
        Teardown.closeAll(outbox, azurite);
    }

    private BlobContainerClient container(String name) {
        return admin().getBlobContainerClient(name);
    }

    @Test
    void azuriteStoppedInTheMiddleOfAClipUpload_theUploadResumesAndTheBlobIsByteIdentical() throws Exception {
        Path clip = tmp.resolve("clips/entrance-20261125T090030Z.mp4");
        Files.createDirectories(clip.getParent());
        Files.copy(TestServers.sharedFile("videos/one-by-one-person-detection.mp4"), clip);
        long seq = WireRecords.clip(outbox, DEVICE, "entrance", "box-1:entrance:clip:20261125T090030Z",
                "2026-11-25T09:00:30Z", "2026-11-25T09:02:49Z", clip);
        outbox.flush();
        // 3.3 MB in 128 KB blocks at 640 KB/s: about five seconds, time to take storage away in the middle.
        SyncSettings.Blob settings = SyncSettings.Blob.defaults().withBandwidth(640, 128);
        ClipUploader uploader = new ClipUploader(outbox, store, settings, RateLimiter.ofKilobytesPerSecond(640), "store-9",
                Duration.ofSeconds(2));
        uploader.start();
        String name = "store-9/box-1/entrance/2026/11/25/20261125T090030Z-clip.mp4";
        BlobContainerClient clips = container("clips");
        Await.until(Duration.ofSeconds(30), "some blocks staged", () -> {
            try {
                return clips.getBlobClient(name).getBlockBlobClient().listBlocks(BlockListType.UNCOMMITTED)
                        .getUncommittedBlocks().size() >= 6;
            } catch (RuntimeException e) {
                return false;
            }
        });
        azurite.stop();
        Thread.sleep(1500);
        assertThat(outbox.cursors().get(ClipUploader.TAILER)).as("not acked while storage is down").isLessThan(seq);
        azurite.start();
        Await.until(Duration.ofSeconds(90), "the clip's record to be acknowledged",
                () -> outbox.cursors().get(ClipUploader.TAILER) >= seq);
        uploader.stop(Duration.ofSeconds(2));

        byte[] uploaded = clips.getBlobClient(name).downloadContent().toBytes();
        assertThat(MessageDigest.getInstance("SHA-256").digest(uploaded))
                .isEqualTo(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(clip)));
        BlobProperties p = clips.getBlobClient(name).getProperties();
        assertThat(p.getContentType()).isEqualTo("video/mp4");
        assertThat(p.getContentMd5()).isEqualTo(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(clip)));
        assertThat(p.getMetadata()).containsEntry("recordid", "box-1:entrance:clip:20261125T090030Z")
                .containsEntry("camera", "entrance").containsEntry("start", "2026-11-25T09:00:30Z")
                .containsEntry("end", "2026-11-25T09:02:49Z");
        assertThat(uploader.stats().blocksReused()).as("blocks staged before the outage were not sent again")
                .isGreaterThan(0);
    }

    @Test
    void aMalformedClipRecordIsSkippedAndAnyOtherFailureIsRetried_theUploaderThreadSurvives() throws Exception {
        Path clip = tmp.resolve("clips/entrance-20261125T100000Z.mp4");
        Files.createDirectories(clip.getParent());
        Files.write(clip, randomBytes(300 * 1024));
        WireRecords.clip(outbox, DEVICE, "entrance", "box-1:entrance:clip:bad", "yesterday", "today", clip);
        long good = WireRecords.clip(outbox, DEVICE, "entrance", "box-1:entrance:clip:20261125T100000Z",
                "2026-11-25T10:00:00Z", "2026-11-25T10:01:00Z", clip);
        outbox.flush();
        // The exception the outbox throws when an ack cannot be stored on a full disk: not an ObjectStoreException.
        FaultyStore faulty = new FaultyStore(store).failCall(1, new StoreWriteException("cannot write outbox store "
                + "(no space left on device)", good - 1, null));
        ClipUploader uploader = new ClipUploader(outbox, faulty, SyncSettings.Blob.defaults(), new RateLimiter(0),
                "store-9", Duration.ofSeconds(1));
        try (LogCapture logs = new LogCapture()) {
            uploader.start();
            Await.until(Duration.ofSeconds(30), "the good clip to be acknowledged",
                    () -> outbox.cursors().get(ClipUploader.TAILER) >= good, logs::text);
            uploader.stop(Duration.ofSeconds(2));
            assertThat(logs.text()).contains("event=clip_record_malformed id=box-1:entrance:clip:bad")
                    .contains("event=clip_uploader_error id=box-1:entrance:clip:20261125T100000Z");
        }
        byte[] uploaded = container("clips").getBlobClient("store-9/box-1/entrance/2026/11/25/20261125T100000Z-clip.mp4")
                .downloadContent().toBytes();
        assertThat(uploaded).isEqualTo(Files.readAllBytes(clip));
        assertThat(uploader.stats().malformed()).isEqualTo(1);
        assertThat(uploader.stats().uploaded()).isEqualTo(1);
    }

    @Test
    void storageDown_countRecordsHeldInMemoryStayBounded_andEveryRecordIsWrittenOnceWhenItIsBack() throws Exception {
        Instant h9 = Instant.parse("2026-11-25T09:00:00Z");
        int records = 3000; // one every 7 s: about 514 an hour, hours 09 to 14
        for (int i = 1; i <= records; i++) {
            WireRecords.crossing(outbox, DEVICE, "entrance", i, h9.plusSeconds(7L * i));
        }
        outbox.flush();
        azurite.stop();
        SyncSettings.Blob settings = SyncSettings.Blob.defaults().withHourCloseDelay(Duration.ofSeconds(1));
        CountFileUploader uploader = new CountFileUploader(outbox, store, settings, "store-9", java.time.Clock.systemUTC());
        int[] mostHeld = {0};
        try (LogCapture logs = new LogCapture()) {
            uploader.start();
            Await.until(Duration.ofSeconds(60), "three failed write cycles", () -> {
                mostHeld[0] = Math.max(mostHeld[0], uploader.heldRecords());
                return logs.text().contains("event=count_file_upload_failed attempt=3");
            });
            // Two polls of 500: the first hour closes in the second; before the fix each failed cycle added 500.
            assertThat(mostHeld[0]).as("records held while storage is down").isPositive().isLessThanOrEqualTo(1000);
            assertThat(outbox.cursors().get(CountFileUploader.TAILER)).isZero();

            azurite.start();
            Await.until(Duration.ofSeconds(90), "everything acked",
                    () -> outbox.cursors().get(CountFileUploader.TAILER) == outbox.durableSequence(), logs::text);
        } finally {
            uploader.stop(Duration.ofSeconds(2));
        }
        BlobContainerClient counts = container("counts");
        List<String> names = counts.listBlobs().stream().map(BlobItem::getName).toList();
        assertThat(names).containsExactlyInAnyOrder("store-9/box-1/2026/11/25/09/entrance.jsonl",
                "store-9/box-1/2026/11/25/10/entrance.jsonl", "store-9/box-1/2026/11/25/11/entrance.jsonl",
                "store-9/box-1/2026/11/25/12/entrance.jsonl", "store-9/box-1/2026/11/25/13/entrance.jsonl",
                "store-9/box-1/2026/11/25/14/entrance.jsonl");
        List<String> lines = names.stream()
                .flatMap(n -> counts.getBlobClient(n).downloadContent().toString().lines()).toList();
        assertThat(lines).hasSize(records).doesNotHaveDuplicates();
        assertThat(uploader.heldRecords()).isZero();
    }

    @Test
    void aWriteFailingAfterAnotherHourWasWritten_theRecordsReadAgainAreNotWrittenTwice() throws Exception {
        Instant h9 = Instant.parse("2026-11-25T09:00:00Z");
        for (int i = 1; i <= 4; i++) { // interleaved: entrance 1, till 1, entrance 2, till 2, ...
            WireRecords.crossing(outbox, DEVICE, "entrance", i, h9.plusSeconds(600L * i));
            WireRecords.crossing(outbox, DEVICE, "till", i, h9.plusSeconds(600L * i + 5));
        }
        WireRecords.crossing(outbox, DEVICE, "entrance", 5, h9.plusSeconds(3635));
        outbox.flush();
        // Entrance's 09 hour closes first (its records passed 10:00) and is written; the tailer is acknowledged up to
        // till's first record. Till's 09 hour closes 3 s later (idle) and that write fails: the tailer goes back
        // to the acknowledgement, and entrance's records 2 to 4 are read again although their blob exists.
        FaultyStore faulty = new FaultyStore(store).failCall(2, new ObjectStoreException("storage down", null));
        SyncSettings.Blob settings = SyncSettings.Blob.defaults().withHourCloseDelay(Duration.ofSeconds(3));
        CountFileUploader uploader = new CountFileUploader(outbox, faulty, settings, "store-9", java.time.Clock.systemUTC());
        uploader.start();
        try {
            Await.until(Duration.ofSeconds(30), "everything acked",
                    () -> outbox.cursors().get(CountFileUploader.TAILER) == outbox.durableSequence());
        } finally {
            uploader.stop(Duration.ofSeconds(2));
        }
        BlobContainerClient counts = container("counts");
        assertThat(counts.listBlobs().stream().map(BlobItem::getName)).containsExactlyInAnyOrder(
                "store-9/box-1/2026/11/25/09/entrance.jsonl", "store-9/box-1/2026/11/25/09/till.jsonl",
                "store-9/box-1/2026/11/25/10/entrance.jsonl");
        assertThat(counts.getBlobClient("store-9/box-1/2026/11/25/09/entrance.jsonl").downloadContent().toString()
                .lines()).hasSize(4);
        assertThat(counts.getBlobClient("store-9/box-1/2026/11/25/09/till.jsonl").downloadContent().toString()
                .lines()).hasSize(4);
    }

    @Test
    void aMalformedCountRecordIsSkippedAlone_theRestOfItsBatchIsWritten() throws Exception {
        Instant h9 = Instant.parse("2026-11-25T09:00:00Z");
        WireRecords.crossing(outbox, DEVICE, "entrance", 1, h9.plusSeconds(60));
        String bad = "{\"schema\":1,\"id\":\"box-1:entrance:crossing:door:bad\",\"type\":\"crossing\",\"camera\":"
                + "\"entrance\",\"at\":\"five past nine\"}";
        outbox.append("crossing", "box-1:entrance:crossing:door:bad", h9.plusSeconds(300).toEpochMilli(),
                bad.getBytes(StandardCharsets.UTF_8));
        WireRecords.crossing(outbox, DEVICE, "entrance", 2, h9.plusSeconds(600));
        WireRecords.crossing(outbox, DEVICE, "entrance", 3, h9.plusSeconds(3630));
        outbox.flush();
        SyncSettings.Blob settings = SyncSettings.Blob.defaults().withHourCloseDelay(Duration.ofSeconds(1));
        CountFileUploader uploader = new CountFileUploader(outbox, store, settings, "store-9", java.time.Clock.systemUTC());
        try (LogCapture logs = new LogCapture()) {
            uploader.start();
            Await.until(Duration.ofSeconds(30), "both hours written and everything acked",
                    () -> uploader.blobsWritten() == 2
                            && outbox.cursors().get(CountFileUploader.TAILER) == outbox.durableSequence(), logs::text);
            assertThat(logs.text()).contains("event=count_record_malformed id=box-1:entrance:crossing:door:bad");
        } finally {
            uploader.stop(Duration.ofSeconds(2));
        }
        List<String> lines = container("counts").getBlobClient("store-9/box-1/2026/11/25/09/entrance.jsonl")
                .downloadContent().toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).contains("door:1\"");
        assertThat(lines.get(1)).contains("door:2\"");
    }

    @Test
    void aLeastPrivilegeAccountSasWritesToExistingContainersAndNamesAMissingOne() throws Exception {
        container("counts").create();
        String sas = admin().generateAccountSas(new AccountSasSignatureValues(OffsetDateTime.now().plusHours(1),
                AccountSasPermission.parse("rwc"), new AccountSasService().setBlobAccess(true),
                AccountSasResourceType.parse("o"))); // objects only: may not create containers
        AzureBlobStore leastPrivilege = AzureBlobStore.create(new BlobCredentials.SasUrl(azurite.blobEndpoint() + "?" + sas));
        byte[] line = "{}\n".getBytes(StandardCharsets.UTF_8);
        try (LogCapture logs = new LogCapture()) {
            assertThat(leastPrivilege.createIfAbsent("counts", "s/d/2026/11/25/09/a.jsonl", line, "application/x-ndjson",
                    Map.of())).isEqualTo(ObjectStore.Created.CREATED);
            assertThat(leastPrivilege.createIfAbsent("counts", "s/d/2026/11/25/09/b.jsonl", line, "application/x-ndjson",
                    Map.of())).isEqualTo(ObjectStore.Created.CREATED);
            assertThat(logs.text()).containsOnlyOnce("event=blob_container_create_denied container=counts")
                    .doesNotContain("sig=");

            assertThatThrownBy(() -> leastPrivilege.createIfAbsent("clips", "x.mp4", line, "video/mp4", Map.of()))
                    .isInstanceOf(ObjectStoreException.class)
                    .hasMessageContaining("container 'clips' does not exist").hasMessageContaining("create it")
                    .hasMessageNotContaining("sig=");
        }
        assertThat(container("counts").getBlobClient("s/d/2026/11/25/09/b.jsonl").downloadContent().toBytes())
                .isEqualTo(line);
    }

    @Test
    void aContainerSasUrlIsTheContainerForEveryKind() throws Exception {
        container("uploads").create();
        String sas = container("uploads").generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
                new BlobContainerSasPermission().setReadPermission(true).setCreatePermission(true)
                        .setWritePermission(true)));
        AzureBlobStore containerSas = AzureBlobStore.create(
                new BlobCredentials.SasUrl(azurite.blobEndpoint() + "/uploads?" + sas));
        Path clip = tmp.resolve("clip.mp4");
        Files.write(clip, randomBytes(200 * 1024));
        byte[] line = "{}\n".getBytes(StandardCharsets.UTF_8);

        assertThat(containerSas.createIfAbsent("counts", "s/d/2026/11/25/09/a.jsonl", line, "application/x-ndjson",
                Map.of())).isEqualTo(ObjectStore.Created.CREATED);
        assertThat(containerSas.uploadFile("clips", "s/d/cam/2026/11/25/x-clip.mp4", clip, "video/mp4", Map.of(),
                64 * 1024, new RateLimiter(0)).bytes()).isEqualTo(200 * 1024);

        assertThat(container("uploads").listBlobs().stream().map(BlobItem::getName))
                .containsExactlyInAnyOrder("s/d/2026/11/25/09/a.jsonl", "s/d/cam/2026/11/25/x-clip.mp4");
        assertThat(admin().listBlobContainers().stream().map(c -> c.getName())).containsExactly("uploads");
    }

    private BlobServiceClient admin() {
        return new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient();
    }

    @Test
    void twoClipsOfACameraStartingInTheSameSecond_theSecondGoesToPart2AndTheQueueMovesOn() throws Exception {
        Path first = tmp.resolve("clips/entrance-a.mp4");
        Path second = tmp.resolve("clips/entrance-b.mp4");
        Path later = tmp.resolve("clips/entrance-c.mp4");
        Files.createDirectories(first.getParent());
        Files.write(first, randomBytes(100 * 1024));
        Files.write(second, randomBytes(120 * 1024));
        Files.write(later, randomBytes(90 * 1024));
        WireRecords.clip(outbox, DEVICE, "entrance", "box-1:entrance:clip:a", "2026-11-25T10:00:00.100Z",
                "2026-11-25T10:00:30Z", first);
        WireRecords.clip(outbox, DEVICE, "entrance", "box-1:entrance:clip:b", "2026-11-25T10:00:00.900Z",
                "2026-11-25T10:00:40Z", second);
        long last = WireRecords.clip(outbox, DEVICE, "entrance", "box-1:entrance:clip:c", "2026-11-25T10:05:00Z",
                "2026-11-25T10:05:30Z", later);
        outbox.flush();
        ClipUploader uploader = new ClipUploader(outbox, store, SyncSettings.Blob.defaults(), new RateLimiter(0),
                "store-9", Duration.ofSeconds(1));
        uploader.start();
        try {
            Await.until(Duration.ofSeconds(30), "all three clips acknowledged",
                    () -> outbox.cursors().get(ClipUploader.TAILER) >= last);
        } finally {
            uploader.stop(Duration.ofSeconds(2));
        }
        String day = "store-9/box-1/entrance/2026/11/25/";
        BlobContainerClient clips = container("clips");
        assertThat(clips.listBlobs().stream().map(BlobItem::getName)).containsExactlyInAnyOrder(
                day + "20261125T100000Z-clip.mp4", day + "20261125T100000Z-clip.part2.mp4", day + "20261125T100500Z-clip.mp4");
        assertThat(clips.getBlobClient(day + "20261125T100000Z-clip.mp4").downloadContent().toBytes())
                .isEqualTo(Files.readAllBytes(first));
        assertThat(clips.getBlobClient(day + "20261125T100000Z-clip.part2.mp4").downloadContent().toBytes())
                .isEqualTo(Files.readAllBytes(second));
        assertThat(clips.getBlobClient(day + "20261125T100000Z-clip.part2.mp4").getProperties().getMetadata())
                .containsEntry("recordid", "box-1:entrance:clip:b");

        // A retry of the second clip (its acknowledgement lost) finds part 1 taken and part 2 its own.
        assertThat(store.uploadFile("clips", day + "20261125T100000Z-clip.mp4", second, "video/mp4", Map.of(), 64 * 1024,
                new RateLimiter(0)).result()).isEqualTo(ObjectStore.Created.EXISTS_DIFFERENT);
        assertThat(store.uploadFile("clips", day + "20261125T100000Z-clip.part2.mp4", second, "video/mp4", Map.of(),
                64 * 1024, new RateLimiter(0)).result()).isEqualTo(ObjectStore.Created.ALREADY_IDENTICAL);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new java.util.Random(n).nextBytes(b);
        return b;
    }

    @Test
    void countFilesOnePerCameraPerHourWrittenWhenTheHourClosesLateRecordsGoToANewPartRetriesAreIdempotent()
            throws Exception {
        Instant h9 = Instant.parse("2026-11-25T09:00:00Z");
        for (int i = 1; i <= 4; i++) {
            WireRecords.crossing(outbox, DEVICE, "entrance", i, h9.plusSeconds(600L * i));
            WireRecords.crossing(outbox, DEVICE, "till", i, h9.plusSeconds(600L * i + 5));
        }
        WireRecords.aggregate(outbox, DEVICE, "entrance", h9.plusSeconds(3540), 4);
        WireRecords.crossing(outbox, DEVICE, "entrance", 5, h9.plusSeconds(3600 + 30)); // 10:00:30
        outbox.flush();
        SyncSettings.Blob settings = SyncSettings.Blob.defaults().withHourCloseDelay(Duration.ofSeconds(1));
        CountFileUploader uploader = new CountFileUploader(outbox, store, settings, "store-9", java.time.Clock.systemUTC());
        uploader.start();
        try {
            Await.until(Duration.ofSeconds(30), "three count files", () -> uploader.blobsWritten() == 3);
            BlobContainerClient counts = container("counts");
            String entrance9 = "store-9/box-1/2026/11/25/09/entrance.jsonl";
            List<String> lines = List.of(counts.getBlobClient(entrance9).downloadContent().toString().split("\n"));
            assertThat(lines).hasSize(5);
            assertThat(lines.get(0)).contains("\"id\":\"box-1:entrance:crossing:door:1\"");
            assertThat(lines.get(4)).contains("\"type\":\"aggregate\"");
            assertThat(counts.getBlobClient("store-9/box-1/2026/11/25/09/till.jsonl").downloadContent().toString()
                    .split("\n")).hasSize(4);
            assertThat(counts.getBlobClient("store-9/box-1/2026/11/25/10/entrance.jsonl").downloadContent().toString())
                    .contains("door:5");
            BlobProperties p = counts.getBlobClient(entrance9).getProperties();
            assertThat(p.getContentMd5()).isEqualTo(MessageDigest.getInstance("MD5")
                    .digest(counts.getBlobClient(entrance9).downloadContent().toBytes()));
            Await.until(Duration.ofSeconds(10), "everything acked",
                    () -> outbox.cursors().get(CountFileUploader.TAILER) == outbox.durableSequence());

            // A late crossing for 09:00, after that hour was written: a new part, the first blob untouched.
            WireRecords.crossing(outbox, DEVICE, "entrance", 6, h9.plusSeconds(3000));
            outbox.flush();
            Await.until(Duration.ofSeconds(30), "the late part", () -> uploader.blobsWritten() == 4);
            assertThat(counts.getBlobClient("store-9/box-1/2026/11/25/09/entrance.part2.jsonl").downloadContent()
                    .toString()).contains("door:6").doesNotContain("door:1\"");
            assertThat(counts.getBlobClient(entrance9).getProperties().getETag()).isEqualTo(p.getETag());
            assertThat(counts.listBlobs(new ListBlobsOptions().setPrefix("store-9/"), null).stream()
                    .map(BlobItem::getName)).hasSize(4);
        } finally {
            uploader.stop(Duration.ofSeconds(2));
        }

        // Create-only: the same name and bytes again is success; other bytes are refused, nothing overwritten.
        byte[] same = container("counts").getBlobClient("store-9/box-1/2026/11/25/10/entrance.jsonl").downloadContent()
                .toBytes();
        assertThat(store.createIfAbsent("counts", "store-9/box-1/2026/11/25/10/entrance.jsonl", same,
                "application/x-ndjson", Map.of())).isEqualTo(ObjectStore.Created.ALREADY_IDENTICAL);
        assertThat(store.createIfAbsent("counts", "store-9/box-1/2026/11/25/10/entrance.jsonl",
                "{}\n".getBytes(StandardCharsets.UTF_8), "application/x-ndjson", Map.of()))
                .isEqualTo(ObjectStore.Created.EXISTS_DIFFERENT);
    }
}
