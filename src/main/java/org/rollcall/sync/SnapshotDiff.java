package org.rollcall.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    private final StateStore store;
    private final String target;
    private final String source;
    private final String runId;
    private final GonePolicy policy;
    private final PlanSummary summary;
    private final LocalDate today;
    private final Set<String> unreadStudents;
    private boolean keepBodies = true;

    public SnapshotDiff(StateStore store, String target, String source, String runId, GonePolicy policy,
                        PlanSummary summary, LocalDate today) {
        this(store, target, source, runId, policy, summary, today, Set.of());
    }

    /**
     * @param unreadStudents studentUniqueIds whose source rows were skipped for a record error in this
     *                       snapshot: their records are not gone, only unreadable tonight, and are left alone
     */
    public SnapshotDiff(StateStore store, String target, String source, String runId, GonePolicy policy,
                        PlanSummary summary, LocalDate today, Set<String> unreadStudents) {
        this.unreadStudents = unreadStudents;
        this.store = store;
        this.target = target;
        this.source = source;
        this.runId = runId;
        this.policy = policy;
        this.summary = summary;
        this.today = today;
    }

    /** For a plan-only run: removals are counted and sampled, their bodies not stored (they are never sent). */
    public SnapshotDiff planOnly() {
        keepBodies = false;
        return this;
    }

    /** Plans removals and key changes for every resource; returns how many removals the guard held. */
    public long plan() {
        long held = 0;
        for (EdFiResource resource : EdFiResource.inDependencyOrder()) {
            GonePolicy.Action action = policy.action(resource);
            if (action == GonePolicy.Action.IGNORE && resource.changeableKey() == null) {
                continue;
            }
            held += plan(resource, action);
        }
        return held;
    }

    private long plan(EdFiResource resource, GonePolicy.Action action) {
        long present = store.presentCount(target, resource, source);
        Map<String, Long> creates = null;
        List<PlannedChange> removals = new ArrayList<>();
        List<String> samples = new ArrayList<>();
        long removed = 0;
        String after = "";
        while (true) {
            List<StateStore.PresentRecord> page = store.unseen(target, resource, source, runId, after, PAGE);
            for (StateStore.PresentRecord gone : page) {
                if (ofUnreadStudent(gone.naturalKey())) {
                    continue;
                }
                if (resource.changeableKey() != null) {
                    if (creates == null) {
                        creates = byIdentity(resource, store.plannedCreates(runId, resource));
                    }
                    Long seq = creates.remove(resource.identityWithoutChangeableKey(gone.naturalKey()));
                    if (seq != null) {
                        store.rekey(seq, gone);
                        summary.add(resource, PlanSummary.Kind.CREATE, -1);
                        summary.count(resource, PlanSummary.Kind.REKEY, gone.naturalKey());
                        continue;
                    }
                }
                PlannedChange change = removal(resource, action, gone);
                if (change != null) {
                    removals.add(change);
                    removed++;
                    if (samples.size() < PlanSummary.SAMPLES) {
                        samples.add(change.naturalKey());
                    }
                }
            }
            if (removals.size() >= PAGE || page.size() < PAGE) {
                store.plan(removals, keepBodies);
                removals.clear();
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).naturalKey();
        }
        if (removed == 0) {
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
        summary.add(resource, kind, removed);
        samples.forEach(k -> summary.sample(resource, kind, k));
        return 0;
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

    private boolean ofUnreadStudent(String naturalKey) {
        if (unreadStudents.isEmpty()) {
            return false;
        }
        for (String part : naturalKey.split("\\|")) {
            if (part.startsWith("studentUniqueId=") && unreadStudents.contains(part.substring("studentUniqueId=".length()))) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Long> byIdentity(EdFiResource resource, Map<String, Long> creates) {
        Map<String, Long> out = new HashMap<>();
        creates.forEach((key, seq) -> out.put(resource.identityWithoutChangeableKey(key), seq));
        return out;
    }
}
