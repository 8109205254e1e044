package io.footfall.cloud;

import io.footfall.config.FootfallConfig;
import io.footfall.config.SyncSettings;

/** Reads the sync settings and store id from the agent's configuration. */
final class SyncConfig {
    private SyncConfig() {
    }

    static SyncSettings settings(FootfallConfig config) {
        return config.sync();
    }

    static String storeId(FootfallConfig config) {
        return config.storeId();
    }
}
