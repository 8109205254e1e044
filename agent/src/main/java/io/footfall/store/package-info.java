/**
 * The offline-first local store: a durable outbox in one H2 MVStore file ({@value io.footfall.store.Outbox#FILE_NAME}
 * under the {@link io.footfall.store.DataDirectory data directory}).
 *
 * <h2>Pipeline (writer)</h2>
 * <pre>{@code
 * Outbox outbox = Outbox.open(OutboxConfig.of(DataDirectory.resolve(null), deviceId)
 *         .withCommitPolicy(CommitPolicy.batch(100, Duration.ofMillis(500))));
 * long seq = outbox.append("crossing", crossingId, jsonBytes);         // kinds: crossing, zone, aggregate, ...
 * outbox.appendClip(clipId, clipPath, Files.size(clipPath), jsonBytes); // kind "clip": the store reports the file
 * }</pre>
 *
 * <h2>Uplink (reader)</h2>
 * <pre>{@code
 * OutboxTailer iothub = outbox.tailer("iothub");   // persistent cursor, registered on first use
 * List<OutboxRecord> batch = iothub.poll(500);     // durable records after the cursor, in sequence order
 * send(batch);                                     // receiver de-duplicates on record id
 * iothub.ack(batch.get(batch.size() - 1).sequence());
 * outbox.dropped();                                // what retention dropped undelivered, to report upstream
 * }</pre>
 *
 * <h2>Durability</h2>
 * MVStore auto-commit is off (no background writer, no commit on buffer size). {@code MVStore.commit()} only writes
 * a chunk to the page cache; durability comes from {@code MVStore.sync()}, i.e. {@code FileChannel.force(true)},
 * which the outbox calls after every commit. When that happens is the {@link io.footfall.store.CommitPolicy}.
 * A new store file is created under a temporary name and renamed into place (directory fsynced), so a kill during
 * creation never leaves a half-written file. Bounded chunk rewriting every 16 commits replaces the housekeeping
 * MVStore's auto-commit thread would have done; MVStore's 45 s dead-chunk retention is kept (its crash recovery
 * relies on it).
 *
 * <h2>Failures</h2>
 * Corrupt or unknown-version files are renamed {@code *.corrupt-<timestamp>} and reported
 * ({@link io.footfall.store.StoreCorruptException}); a failed commit (disk full) throws
 * {@link io.footfall.store.StoreWriteException}, keeps the last good version, and the outbox reopens the file on
 * the next call.
 */
package io.footfall.store;
