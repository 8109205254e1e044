/**
 * Appearance of people for the tracker: a re-identification model turns person crops into {@link
 * io.footfall.track.Embedding}s. Embeddings stay in memory on the device; nothing here writes them anywhere.
 */
package io.footfall.appearance;
