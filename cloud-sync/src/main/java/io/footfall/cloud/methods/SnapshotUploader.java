package io.footfall.cloud.methods;

import io.footfall.agent.spi.Snapshot;

import java.util.List;

/** Stores snapshots somewhere the operator can read them (Blob storage); returns where, one name per snapshot. */
public interface SnapshotUploader {
    List<String> upload(List<Snapshot> snapshots) throws Exception;
}
