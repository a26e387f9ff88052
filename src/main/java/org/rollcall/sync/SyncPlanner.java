package org.rollcall.sync;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.rollcall.edfi.EdFiJson;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.report.Problem;
import org.rollcall.report.ProblemSink;

/**
 * Turns a run's stream of mapped records into its sync plan. Each record is compared, by natural
 * key, with what the target is known to hold: the same hash is unchanged (no HTTP call), anything
 * else is planned. Records are handled in batches so memory stays flat however large the drop.
 * A snapshot run reads the store's hashes of each resource once instead ({@link #readStoredHashes}).
 *
 * <p>A key that appears twice in one run (a Clever student listed once per school) is planned once;
 * if the copies differ, the first wins and the later one is reported as an error.
 *
 * <p>The state store work of a batch runs on its resource's lane ({@link PlanLanes}): in order per
 * resource, beside the reading and mapping of the next records.
 */
public final class SyncPlanner implements AutoCloseable {

    static final int BATCH = 500;

    /** A record waiting for its batch; {@code verdict} is the stored hashes' (LOOK_UP when the run has none). */
    private record Pending(EdFiRecord record, String body, String hash, long seq, StoredHashes.Verdict verdict) { }

    private final StateStore store;
    private final String target;
    private final String runId;
    private final String mappingVersion;
    private final ProblemSink problems;
    private final Map<EdFiResource, LinkedHashMap<String, Pending>> buffers = new EnumMap<>(EdFiResource.class);
    private final PlanSummary summary = new PlanSummary();
    private final PlanLanes lanes = new PlanLanes();
    private final RunKeys keys;
    /** Per resource, its stored hashes being read on its lane ({@link #readStoredHashes}); empty otherwise. */
    private final Map<EdFiResource, CompletableFuture<StoredHashes>> stored = new EnumMap<>(EdFiResource.class);
    private long arrivals;

    private final RecordValidator validator;
    private boolean keepBodies = true;

    public SyncPlanner(StateStore store, String target, String runId, String mappingVersion, ProblemSink problems) {
        this(store, target, runId, mappingVersion, problems, RecordValidator.none());
    }

    /** @param validator checks each record before it is planned; an invalid one is reported and never sent */
    public SyncPlanner(StateStore store, String target, String runId, String mappingVersion, ProblemSink problems,
                       RecordValidator validator) {
        this.validator = validator;
        validator.inRun(runId);
        this.store = store;
        this.target = target;
        this.runId = runId;
        this.mappingVersion = mappingVersion;
        this.problems = problems;
        this.keys = new RunKeys(store.runWorkDir(runId));
    }

    /** For a plan-only run: changes are counted and sampled, their bodies not stored (they are never sent). */
    public SyncPlanner planOnly() {
        keepBodies = false;
        return this;
    }

    /**
     * For a run that plans a whole snapshot (a Clever drop, a Skyward sync): reads the store's hashes
     * of every resource now, each on its lane beside the reading of the source ({@link StoredHashes}),
     * so the records the target holds unchanged and the new ones are settled without a lookup each,
     * and a record the target holds byte for byte is not validated again (nothing is sent for it).
     * A run of a few records (a CALPADS Update) does better looking its records up.
     */
    public SyncPlanner readStoredHashes() {
        // every future is in the map before any lane runs, so the lanes only ever read it
        for (EdFiResource resource : EdFiResource.values()) {
            stored.put(resource, new CompletableFuture<>());
        }
        stored.forEach((resource, read) -> lanes.submit(resource, () -> {
            try {
                read.complete(StoredHashes.read(store, target, resource, keys.dir()));
            } catch (RuntimeException e) {
                read.completeExceptionally(e);
                throw e;
            }
        }));
        return this;
    }

    /**
     * Plans a record; true when it passed validation, so its key is in this run's plan (or already
     * up to date) and records referencing it may be sent.
     */
    public boolean accept(EdFiRecord record) {
        String body = EdFiJson.write(record.payload());
        String hash = EdFiJson.hash(mappingVersion, body);
        StoredHashes known = stored(record.resource());
        StoredHashes.Verdict verdict = known == null ? StoredHashes.Verdict.LOOK_UP
                : known.check(record.naturalKey(), hash);
        // a record the target holds as it is is not validated again: nothing is sent for it
        if (verdict != StoredHashes.Verdict.UNCHANGED) {
            List<RecordValidator.Violation> violations = validator.check(record);
            if (!violations.isEmpty()) {
                for (RecordValidator.Violation v : violations) {
                    problems.report(Problem.error(record.lineage().source(), record.lineage().line(), v.path(),
                            record.resource().collection() + ": " + v.message() + "; record not sent"));
                }
                summary.count(record.resource(), PlanSummary.Kind.INVALID, record.naturalKey());
                // the source still has the record: an invalid record is not gone from the snapshot
                keys.add(record.resource(), new RunKeys.Entry(record.naturalKey(), arrivals++, null,
                        RunKeys.Kind.INVALID, record.lineage().source(), record.lineage().line()));
                return false;
            }
        }
        validator.accepted(record);
        LinkedHashMap<String, Pending> buffer = buffers.computeIfAbsent(record.resource(), r -> new LinkedHashMap<>());
        Pending earlier = buffer.get(record.naturalKey());
        if (earlier != null) {
            if (!earlier.hash().equals(hash)) {
                conflict(record);
            }
            return true;
        }
        buffer.put(record.naturalKey(), new Pending(record, body, hash, arrivals++, verdict));
        if (buffer.size() >= BATCH) {
            handOver(record.resource(), buffer);
        }
        return true;
    }

    /**
     * Plans what is still buffered, waits for every batch, settles the keys the run met more than
     * once, and returns the plan's counts.
     */
    public PlanSummary finish() {
        buffers.forEach(this::handOver);
        lanes.await();
        for (EdFiResource resource : EdFiResource.inDependencyOrder()) {
            settleRepeats(resource);
        }
        return summary;
    }

    /**
     * The keys this run's snapshot holds, by resource (what a snapshot diff compares the target
     * with); valid after {@link #finish}, until {@link #close}.
     */
    public RunKeys keys() {
        return keys;
    }

    /** Removes the run's key files. */
    @Override
    public void close() {
        keys.close();
    }

    /** A full buffer goes to its resource's lane, so reading and mapping go on while the store works. */
    private void handOver(EdFiResource resource, LinkedHashMap<String, Pending> buffer) {
        if (buffer.isEmpty()) {
            return;
        }
        LinkedHashMap<String, Pending> batch = new LinkedHashMap<>(buffer);
        buffer.clear();
        lanes.submit(resource, () -> flush(resource, batch));
    }

    private void flush(EdFiResource resource, LinkedHashMap<String, Pending> buffer) {
        if (buffer.isEmpty()) {
            return;
        }
        List<String> lookUp = buffer.values().stream().filter(p -> p.verdict() == StoredHashes.Verdict.LOOK_UP)
                .map(p -> p.record().naturalKey()).toList();
        Map<String, RecordState> states = lookUp.isEmpty() ? Map.of() : store.states(target, resource, lookUp);
        List<PlannedChange> changes = new ArrayList<>();
        Map<String, Pending> byKey = new LinkedHashMap<>();
        for (Pending p : buffer.values()) {
            String key = p.record().naturalKey();
            RecordState st = states.get(key);
            if (p.verdict() == StoredHashes.Verdict.UNCHANGED || st != null && p.hash().equals(st.payloadHash())) {
                summary.unchanged(resource);
                spool(resource, p, RunKeys.Kind.UNCHANGED);
                continue;
            }
            PlannedChange.Action action = st == null || st.edfiId() == null
                    ? PlannedChange.Action.CREATE : PlannedChange.Action.UPDATE;
            changes.add(new PlannedChange(0, runId, resource, key, action, p.body(), p.hash(), p.record().lineage()));
            byKey.put(key, p);
        }
        Map<String, String> duplicates = store.plan(changes, keepBodies);
        for (PlannedChange ch : changes) {
            Pending p = byKey.get(ch.naturalKey());
            String firstHash = duplicates.get(ch.naturalKey());
            if (firstHash == null) {
                summary.add(resource, ch.action(), ch.naturalKey());
                spool(resource, p, RunKeys.Kind.PLANNED);
            } else if (!firstHash.equals(ch.payloadHash())) {
                conflict(resource, p.record().lineage().source(), p.record().lineage().line());
                spool(resource, p, RunKeys.Kind.REFUSED);
            } else {
                spool(resource, p, RunKeys.Kind.REPEATED);
            }
        }
    }

    /**
     * The resource's stored hashes, or null when the run looks its records up. Waits for its lane to
     * have read them; a lane that failed first (and so never reads them) fails the wait.
     */
    private StoredHashes stored(EdFiResource resource) {
        CompletableFuture<StoredHashes> read = stored.get(resource);
        if (read == null) {
            return null;
        }
        while (true) {
            try {
                return read.get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                lanes.rethrow();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StateStoreException("interrupted while reading the stored hashes", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r
                        : new StateStoreException("cannot read the stored hashes", e.getCause());
            }
        }
    }

    private void spool(EdFiResource resource, Pending p, RunKeys.Kind kind) {
        keys.add(resource, new RunKeys.Entry(p.record().naturalKey(), p.seq(), p.hash(), kind,
                p.record().lineage().source(), p.record().lineage().line()));
    }

    /**
     * A key met in more than one batch: the first copy stands. A later copy was counted unchanged
     * or planned on its own; an identical one is taken back from the counts, a different one is
     * reported and, if planned, taken out of the plan. (Copies in one batch, and planned copies of
     * planned records, were settled as they came.)
     */
    private void settleRepeats(EdFiResource resource) {
        java.util.Iterator<RunKeys.Entry> it = keys.sorted(resource);
        RunKeys.Entry first = null;
        while (it.hasNext()) {
            RunKeys.Entry e = it.next();
            if (first == null || !first.naturalKey().equals(e.naturalKey()) || first.kind() == RunKeys.Kind.INVALID) {
                first = e;
                continue;
            }
            boolean same = e.hash() != null && e.hash().equals(first.hash());
            switch (e.kind()) {
                case UNCHANGED -> {
                    summary.add(resource, PlanSummary.Kind.UNCHANGED, -1);
                    if (!same) {
                        conflict(resource, e.source(), e.line());
                    }
                }
                case PLANNED -> {
                    if (!same) {
                        store.unplan(runId, resource, e.naturalKey()).ifPresent(action ->
                                summary.add(resource, action == PlannedChange.Action.CREATE
                                        ? PlanSummary.Kind.CREATE : PlanSummary.Kind.UPDATE, -1));
                        conflict(resource, e.source(), e.line());
                    }
                }
                case REPEATED -> {
                    if (!same) {
                        conflict(resource, e.source(), e.line());
                    }
                }
                default -> {
                    // REFUSED: reported when it came; INVALID: never planned
                }
            }
        }
    }

    private void conflict(EdFiResource resource, String source, long line) {
        problems.report(Problem.error(source, line, String.join("+", resource.keyPaths()),
                "another row in this run has the same " + resource.collection()
                        + " key with different values; this row is not sent (the first one is)"));
    }

    private void conflict(EdFiRecord record) {
        conflict(record.resource(), record.lineage().source(), record.lineage().line());
    }
}
