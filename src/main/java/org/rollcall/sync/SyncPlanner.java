package org.rollcall.sync;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rollcall.edfi.EdFiJson;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.report.Problem;
import org.rollcall.report.ProblemSink;

/**
 * Turns a run's stream of mapped records into its sync plan. Each record is compared, by natural
 * key, with what the target is known to hold: the same hash is unchanged (no HTTP call), anything
 * else is planned. Records are handled in batches so memory stays flat however large the drop.
 *
 * <p>A key that appears twice in one run (a Clever student listed once per school) is planned once;
 * if the copies differ, the first wins and the later one is reported as an error.
 *
 * <p>The state store work of a batch runs on its resource's lane ({@link PlanLanes}): in order per
 * resource, beside the reading and mapping of the next records.
 */
public final class SyncPlanner {

    static final int BATCH = 500;

    private record Pending(EdFiRecord record, String body, String hash) { }

    private final StateStore store;
    private final String target;
    private final String runId;
    private final String mappingVersion;
    private final ProblemSink problems;
    private final Map<EdFiResource, LinkedHashMap<String, Pending>> buffers = new EnumMap<>(EdFiResource.class);
    private final PlanSummary summary = new PlanSummary();
    private final PlanLanes lanes = new PlanLanes();

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
    }

    /** For a plan-only run: changes are counted and sampled, their bodies not stored (they are never sent). */
    public SyncPlanner planOnly() {
        keepBodies = false;
        return this;
    }

    public void accept(EdFiRecord record) {
        List<RecordValidator.Violation> violations = validator.check(record);
        if (!violations.isEmpty()) {
            for (RecordValidator.Violation v : violations) {
                problems.report(Problem.error(record.lineage().source(), record.lineage().line(), v.path(),
                        record.resource().collection() + ": " + v.message() + "; record not sent"));
            }
            summary.count(record.resource(), PlanSummary.Kind.INVALID, record.naturalKey());
            return;
        }
        validator.accepted(record);
        String body = EdFiJson.write(record.payload());
        String hash = EdFiJson.hash(mappingVersion, body);
        LinkedHashMap<String, Pending> buffer = buffers.computeIfAbsent(record.resource(), r -> new LinkedHashMap<>());
        Pending earlier = buffer.get(record.naturalKey());
        if (earlier != null) {
            if (!earlier.hash().equals(hash)) {
                conflict(record);
            }
            return;
        }
        buffer.put(record.naturalKey(), new Pending(record, body, hash));
        if (buffer.size() >= BATCH) {
            handOver(record.resource(), buffer);
        }
    }

    /** Plans what is still buffered, waits for every batch, and returns the plan's counts. */
    public PlanSummary finish() {
        buffers.forEach(this::handOver);
        lanes.await();
        return summary;
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
        Map<String, RecordState> states = store.states(target, resource, buffer.keySet());
        Set<String> seen = new HashSet<>();
        List<PlannedChange> changes = new ArrayList<>();
        Map<String, Pending> byKey = new LinkedHashMap<>();
        for (Pending p : buffer.values()) {
            String key = p.record().naturalKey();
            RecordState st = states.get(key);
            if (st != null && runId.equals(st.lastSeenRun())) {
                checkRepeat(resource, p, st);
                continue;
            }
            if (st != null) {
                seen.add(key);
            }
            if (st != null && p.hash().equals(st.payloadHash())) {
                summary.unchanged(resource);
                continue;
            }
            PlannedChange.Action action = st == null || st.edfiId() == null
                    ? PlannedChange.Action.CREATE : PlannedChange.Action.UPDATE;
            changes.add(new PlannedChange(0, runId, resource, key, action, p.body(), p.hash(), p.record().lineage()));
            byKey.put(key, p);
        }
        store.markSeen(target, resource, seen, runId);
        Map<String, String> duplicates = store.plan(changes, keepBodies);
        for (PlannedChange ch : changes) {
            String firstHash = duplicates.get(ch.naturalKey());
            if (firstHash == null) {
                summary.add(resource, ch.action(), ch.naturalKey());
            } else if (!firstHash.equals(ch.payloadHash())) {
                conflict(byKey.get(ch.naturalKey()).record());
            }
        }
    }

    /** A key already handled earlier in this run: fine if identical, an error if it differs. */
    private void checkRepeat(EdFiResource resource, Pending p, RecordState st) {
        Optional<String> planned = store.plannedHash(runId, resource, p.record().naturalKey());
        String first = planned.orElse(st.payloadHash());
        if (!p.hash().equals(first)) {
            conflict(p.record());
        }
    }

    private void conflict(EdFiRecord record) {
        problems.report(Problem.error(record.lineage().source(), record.lineage().line(),
                String.join("+", record.resource().keyPaths()),
                "another row in this run has the same " + record.resource().collection()
                        + " key with different values; this row is not sent (the first one is)"));
    }
}
