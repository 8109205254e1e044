/**
 * The offline-first local store: a durable outbox in one H2 MVStore file ({@value io.footfall.store.Outbox#FILE_NAME}
 * under the {@link io.footfall.store.DataDirectory data directory}).
 *
 * <h2>Pipeline (writer)</h2>
 * <pre>{@code
 * Outbox outbox = Outbox.open(OutboxConfig.builder(DataDirectory.resolve(null), deviceId)
 *         .commitPolicy(CommitPolicy.batch(100, Duration.ofMillis(500))).build());
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
 * <h2>Parts</h2>
 * <table>
 *   <caption>What each class behind the {@link io.footfall.store.Outbox} facade holds</caption>
 *   <tr><td>{@code OutboxLog}, {@code LogOpener}, {@code LogTotals}</td><td>the sequenced log: open, append, commit
 *       and fsync per {@link io.footfall.store.CommitPolicy}, recovery after a failed write, compaction; running
 *       totals</td></tr>
 *   <tr><td>{@code TailerRegistry}, {@link io.footfall.store.OutboxTailer}</td><td>delivery destinations and their
 *       persisted cursors</td></tr>
 *   <tr><td>{@code RetentionPlanner}</td><td>pure: which records go, from their metadata, quota, age, acks and
 *       time</td></tr>
 *   <tr><td>{@code OutboxRetention}</td><td>applies the plan, schedules it, makes room on a full disk</td></tr>
 *   <tr><td>{@link io.footfall.store.ConfigHistory}</td><td>versioned config documents</td></tr>
 *   <tr><td>{@code StatsCollector}</td><td>the {@link io.footfall.store.OutboxStats} snapshot</td></tr>
 *   <tr><td>{@code RecordReader}, {@code RecordCodec}</td><td>record layout with checksum; reads skip and report
 *       damaged records</td></tr>
 *   <tr><td>{@code HighWaterMark}, {@code LossRecovery}</td><td>detecting lost committed records; never reusing a
 *       sequence</td></tr>
 *   <tr><td>{@code StoreFile}, {@code StoreMaps}, {@code StoreSnapshot}</td><td>the MVStore file: create, check,
 *       move aside, rewrite; its maps; a copy of a file in use for read-only tools</td></tr>
 * </table>
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
 * the next call. Before a commit on a nearly full disk the oldest clip files are deleted (clips are the first thing
 * to give up); errors name the file and say "no space left on device".
 *
 * <h2>Lost data</h2>
 * MVStore silently falls back to an older version when a newer chunk is damaged. The outbox keeps the highest
 * durable sequence in {@code outbox.hwm} (fsynced after every commit, apart from the chunks): a store behind it has
 * lost committed records. The writer then keeps the damaged file as {@code *.damaged-<timestamp>}, rewrites what is
 * still readable into a fresh file, records a {@link io.footfall.store.DataLoss} and continues after the mark, so a
 * sequence is never handed out twice. Every record carries a CRC32C: a damaged record is skipped and reported, never
 * delivered changed. {@code footfall store stats} prints losses and exits 1 while one is unrecovered.
 *
 * <h2>Read-only tools on a running store</h2>
 * A read-only open of a store the agent holds locked reads a private copy (see {@code StoreSnapshot}): consistent
 * at the newest commit made before the copy started.
 */
package io.footfall.store;
