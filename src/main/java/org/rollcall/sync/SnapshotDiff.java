package org.rollcall.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollcall.compact.IdTable;
import org.rollcall.edfi.EdFiJson;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.model.Lineage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a complete snapshot has been planned: finds the records the target holds from this source
 * that the snapshot no longer has, and plans what the {@link GonePolicy} says (DELETE, exit, or
 * nothing). A gone StudentSchoolAssociation whose student and school reappear with another entry
 * date is a key change: its CREATE becomes a PUT of the old record. Then the guard: a resource whose
 * removals exceed the policy's share of its records has them held, not sent.
 *
 * <p>Only ever called for a complete snapshot; a partial or failed fetch produces no removals.
 */
public final class SnapshotDiff {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotDiff.class);
    private static final int PAGE = 1000;
    /** A planned create already turned into a key change (seqs are positive). */
    private static final long TAKEN = -1;

    private final StateStore store;
    private final String target;
    private final String source;
    private final String runId;
    private final GonePolicy policy;
    private final PlanSummary summary;
    private final LocalDate today;
    /** Natural key parts ({@code studentUniqueId=600012}) of records left alone: their source rows were unread. */
    private final Set<String> leftAlone = new HashSet<>();
    private final RunKeys seen;
    /** Resources whose source file the snapshot lacks: none of their records is gone. */
    private final Set<EdFiResource> notInSnapshot = EnumSet.noneOf(EdFiResource.class);
    private boolean keepBodies = true;

    public SnapshotDiff(StateStore store, String target, String source, String runId, GonePolicy policy,
                        PlanSummary summary, RunKeys seen, LocalDate today) {
        this(store, target, source, runId, policy, summary, seen, today, Set.of());
    }

    /**
     * @param seen           the keys the snapshot holds ({@link SyncPlanner#keys()})
     * @param unreadStudents studentUniqueIds whose source rows were skipped for a record error in this
     *                       snapshot: their records are not gone, only unreadable tonight, and are left alone
     */
    public SnapshotDiff(StateStore store, String target, String source, String runId, GonePolicy policy,
                        PlanSummary summary, RunKeys seen, LocalDate today, Set<String> unreadStudents) {
        leaveAlone("studentUniqueId", unreadStudents);
        this.seen = seen;
        this.store = store;
        this.target = target;
        this.source = source;
        this.runId = runId;
        this.policy = policy;
        this.summary = summary;
        this.today = today;
    }

    /**
     * Leaves alone every record whose natural key has {@code field} equal to one of {@code values}
     * (e.g. {@code sectionIdentifier} of the sections not processed tonight): not gone, only unread.
     */
    public SnapshotDiff leaveAlone(String field, Set<String> values) {
        values.forEach(v -> leftAlone.add(field + "=" + v));
        return this;
    }

    /** For a plan-only run: removals are counted and sampled, their bodies not stored (they are never sent). */
    public SnapshotDiff planOnly() {
        keepBodies = false;
        return this;
    }

    /**
     * Leaves alone every record of {@code resource}: the snapshot does not carry it tonight (a Clever
     * drop without its optional sections.csv says nothing about section enrollments).
     */
    public SnapshotDiff notInSnapshot(EdFiResource resource) {
        notInSnapshot.add(resource);
        return this;
    }

    /** Plans removals and key changes for every resource; returns how many removals the guard held. */
    public long plan() {
        long held = 0;
        for (EdFiResource resource : EdFiResource.inDependencyOrder()) {
            GonePolicy.Action action = policy.action(resource);
            if (action == GonePolicy.Action.IGNORE && resource.changeableKey() == null
                    || notInSnapshot.contains(resource)) {
                continue;
            }
            held += plan(resource, action);
        }
        return held;
    }

    private long plan(EdFiResource resource, GonePolicy.Action action) {
        long present = store.presentCount(target, resource, source);
        Gone gone = new Gone(resource, action);
        try (SortedSpool<StateStore.PresentRecord> held = presentRecords(resource)) {
            Iterator<StateStore.PresentRecord> notSeen = notSeen(held.sorted(), seen.sorted(resource));
            List<StateStore.PresentRecord> page = new ArrayList<>();
            while (notSeen.hasNext()) {
                StateStore.PresentRecord g = notSeen.next();
                if (!isLeftAlone(g.naturalKey())) {
                    page.add(g);
                }
                if (page.size() >= PAGE) {
                    gone.plan(page);
                    page.clear();
                }
            }
            gone.plan(page);
        }
        long removed = gone.removed;
        long replaced = gone.replaced;
        List<String> samples = gone.samples;
        if (removed + replaced == 0) {
            return 0;
        }
        PlanSummary.Kind kind = action == GonePolicy.Action.DELETE ? PlanSummary.Kind.DELETE : PlanSummary.Kind.EXIT;
        // present counts the records seen in this run too: the share is of what the target holds now
        if (removed > policy.maxShare() * present) {
            int n = store.hold(runId, resource);
            summary.add(resource, PlanSummary.Kind.HELD, n);
            samples.forEach(k -> summary.sample(resource, PlanSummary.Kind.HELD, k));
            LOG.warn("run {}: {} of {} {} would be {}; more than {}%, held until approved", runId, removed, present,
                    resource.collection(), action == GonePolicy.Action.DELETE ? "deleted" : "exited",
                    Math.round(policy.maxShare() * 100));
            return n;
        }
        summary.add(resource, kind, removed + replaced);
        samples.forEach(k -> summary.sample(resource, kind, k));
        return 0;
    }

    /** What one resource's gone records become, a page at a time. */
    private final class Gone {
        final EdFiResource resource;
        final GonePolicy.Action action;
        final List<String> samples = new ArrayList<>();
        long removed;
        /** removals re-posted under a moved key in the same run (not counted by the guard) */
        long replaced;
        /**
         * The run's planned creates by identity without the changeable key, to their seq ({@link #TAKEN}
         * once re-keyed); and by identity without the movable key. Read when the first gone record
         * comes, into tables mapped under the run's folder: a rollover can plan a create per record.
         */
        private IdTable creates;
        private IdTable moved;

        Gone(EdFiResource resource, GonePolicy.Action action) {
            this.resource = resource;
            this.action = action;
        }

        void plan(List<StateStore.PresentRecord> page) {
            if (page.isEmpty()) {
                return;
            }
            Map<String, String> bodies = action == GonePolicy.Action.EXIT ? store.acceptedBodies(target, resource,
                    page.stream().map(StateStore.PresentRecord::naturalKey).toList()) : Map.of();
            List<PlannedChange> removals = new ArrayList<>();
            for (StateStore.PresentRecord p : page) {
                StateStore.PresentRecord record = new StateStore.PresentRecord(p.naturalKey(), p.edfiId(), p.etag(),
                        bodies.get(p.naturalKey()), p.lineage());
                if (resource.changeableKey() != null) {
                    if (creates == null) {
                        creates = new IdTable(seen.dir());
                        store.forEachPlannedCreate(runId, resource,
                                (key, seq) -> creates.put(resource.identityWithoutChangeableKey(key), seq));
                    }
                    String identity = resource.identityWithoutChangeableKey(record.naturalKey());
                    long seq = creates.get(identity);
                    if (seq != IdTable.ABSENT && seq != TAKEN) {
                        creates.put(identity, TAKEN);
                        store.rekey(seq, record);
                        summary.add(resource, PlanSummary.Kind.CREATE, -1);
                        summary.count(resource, PlanSummary.Kind.REKEY, record.naturalKey());
                        continue;
                    }
                }
                PlannedChange change = removal(resource, action, record);
                if (change != null) {
                    removals.add(change);
                    if (resource.movableKey() != null && moved == null) {
                        moved = new IdTable(seen.dir());
                        store.forEachPlannedCreate(runId, resource,
                                (key, seq) -> moved.put(EdFiResource.identityWithout(resource.movableKey(), key), 1));
                    }
                    if (moved != null && moved.contains(EdFiResource.identityWithout(resource.movableKey(),
                            record.naturalKey()))) {
                        replaced++;
                    } else {
                        removed++;
                    }
                    if (samples.size() < PlanSummary.SAMPLES) {
                        samples.add(change.naturalKey());
                    }
                }
            }
            store.plan(removals, keepBodies);
        }
    }

    private PlannedChange removal(EdFiResource resource, GonePolicy.Action action, StateStore.PresentRecord gone) {
        Lineage lineage = gone.lineage();
        return switch (action) {
            case IGNORE -> null;
            case DELETE -> new PlannedChange(0, runId, resource, gone.naturalKey(), PlannedChange.Action.DELETE, "{}",
                    "deleted", lineage, gone.edfiId(), gone.etag(), null, 0);
            case EXIT -> {
                if (gone.lastPayload() == null) {
                    LOG.warn("run {}: a {} record has no stored body to exit; it is left as it is", runId,
                            resource.collection());
                    yield null;
                }
                ObjectNode body = (ObjectNode) EdFiJson.read(gone.lastPayload());
                String dateField = resource.exitDateField();
                if (body.hasNonNull(dateField)) {
                    // the source exited it already (Skyward: an enrollment that left the window a year after
                    // its withdrawal); its exit date and type stand
                    yield null;
                }
                body.put(dateField, policy.exitDate(today).toString());
                if (resource == EdFiResource.STUDENT_SCHOOL_ASSOCIATIONS) {
                    body.put("exitWithdrawTypeDescriptor", policy.exitType());
                }
                String text = EdFiJson.write(body);
                yield new PlannedChange(0, runId, resource, gone.naturalKey(), PlannedChange.Action.EXIT, text,
                        EdFiJson.hash("exit", text), lineage, gone.edfiId(), gone.etag(), null, 0);
            }
        };
    }

    /** The records of this source the target holds now, sorted by natural key here (not by the database's collation). */
    private SortedSpool<StateStore.PresentRecord> presentRecords(EdFiResource resource) {
        SortedSpool<StateStore.PresentRecord> spool = new SortedSpool<>(seen.dir(), "present-" + resource.collection(),
                PRESENT, java.util.Comparator.comparing(StateStore.PresentRecord::naturalKey));
        String after = "";
        while (true) {
            List<StateStore.PresentRecord> page = store.present(target, resource, source, after, PAGE);
            page.forEach(spool::add);
            if (page.size() < PAGE) {
                return spool;
            }
            after = page.get(page.size() - 1).naturalKey();
        }
    }

    /** The present records whose key the snapshot does not hold: both sides sorted by key, merged. */
    private static Iterator<StateStore.PresentRecord> notSeen(Iterator<StateStore.PresentRecord> present,
                                                              Iterator<RunKeys.Entry> seen) {
        return new Iterator<>() {
            private StateStore.PresentRecord next;
            private RunKeys.Entry key = seen.hasNext() ? seen.next() : null;

            @Override
            public boolean hasNext() {
                while (next == null && present.hasNext()) {
                    StateStore.PresentRecord p = present.next();
                    while (key != null && key.naturalKey().compareTo(p.naturalKey()) < 0) {
                        key = seen.hasNext() ? seen.next() : null;
                    }
                    if (key == null || !key.naturalKey().equals(p.naturalKey())) {
                        next = p;
                    }
                }
                return next != null;
            }

            @Override
            public StateStore.PresentRecord next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                StateStore.PresentRecord p = next;
                next = null;
                return p;
            }
        };
    }

    private static final SortedSpool.Codec<StateStore.PresentRecord> PRESENT = new SortedSpool.Codec<>() {
        @Override
        public void write(java.io.DataOutputStream out, StateStore.PresentRecord r) throws java.io.IOException {
            out.writeUTF(r.naturalKey());
            out.writeUTF(r.edfiId());
            out.writeUTF(r.etag() == null ? "" : r.etag());
            out.writeUTF(r.lineage().source() == null ? "" : r.lineage().source());
            out.writeLong(r.lineage().line());
        }

        @Override
        public StateStore.PresentRecord read(java.io.DataInputStream in) throws java.io.IOException {
            String key = in.readUTF();
            String id = in.readUTF();
            String etag = in.readUTF();
            String file = in.readUTF();
            long line = in.readLong();
            return new StateStore.PresentRecord(key, id, etag.isEmpty() ? null : etag, null,
                    Lineage.of(file.isEmpty() ? null : file, line));
        }
    };

    private boolean isLeftAlone(String naturalKey) {
        if (leftAlone.isEmpty()) {
            return false;
        }
        for (String part : naturalKey.split("\\|")) {
            if (leftAlone.contains(part)) {
                return true;
            }
        }
        return false;
    }

}
