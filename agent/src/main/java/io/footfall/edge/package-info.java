/**
 * What an IoT Edge deployment of the agent needs from the agent itself: the deployment manifest
 * generated from a store's configuration ({@link io.footfall.edge.ManifestGenerator}), its checks
 * ({@link io.footfall.edge.ManifestCheck}) and the container's health probe
 * ({@link io.footfall.edge.HealthProbe}). Plain JSON with Jackson; no Azure SDK (only cloud-sync
 * imports Azure packages).
 */
package io.footfall.edge;
