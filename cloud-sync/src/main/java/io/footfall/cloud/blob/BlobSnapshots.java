package io.footfall.cloud.blob;

import io.footfall.agent.spi.Snapshot;
import io.footfall.cloud.methods.SnapshotUploader;
import io.footfall.cloud.upload.BlobLayout;
import io.footfall.cloud.upload.ObjectStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Uploads snapshots (annotated, anonymised JPEGs) under {@link BlobLayout#snapshot}. Thread-safe. */
public final class BlobSnapshots implements SnapshotUploader {
    private final ObjectStore store;
    private final String container;
    private final String storeId;
    private final String deviceId;

    public BlobSnapshots(ObjectStore store, String container, String storeId, String deviceId) {
        this.store = store;
        this.container = container;
        this.storeId = storeId;
        this.deviceId = deviceId;
    }

    @Override
    public List<String> upload(List<Snapshot> snapshots) {
        List<String> names = new ArrayList<>();
        for (Snapshot s : snapshots) {
            String name = BlobLayout.snapshot(storeId, deviceId, s.cameraId(), s.at());
            store.createIfAbsent(container, name, s.jpeg(), "image/jpeg", Map.of("camera", s.cameraId(),
                    "at", s.at().toString(), "frame", Long.toString(s.frame())));
            names.add(container + "/" + name);
        }
        return names;
    }
}
