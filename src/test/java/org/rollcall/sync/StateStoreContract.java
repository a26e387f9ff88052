package org.rollcall.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollcall.edfi.EdFiJson;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.model.Lineage;
import org.rollcall.report.Problem;

/**
 * What the state store and planner must do on any database: run against H2 ({@link StateStoreTest})
 * and a real PostgreSQL ({@link StateStorePostgresIT}).
 */
abstract class StateStoreContract {

    static final String TARGET = "demo@sandbox";

    abstract StateStore store();

    private final List<Problem> problems = new ArrayList<>();

    static EdFiRecord student(String id, String lastName, long line) {
        ObjectNode body = EdFiJson.object().put("studentUniqueId", id).put("firstName", "A").put("lastSurname", lastName)
                .put("birthDate", "2015-01-01");
        return EdFiRecord.of(EdFiResource.STUDENTS, body, Lineage.of("students.csv", line));
    }

    PlanSummary plan(String runId, List<EdFiRecord> records) {
        return plan(runId, records, RecordValidator.none(), false);
    }

    /** @param snapshot plan as a snapshot run does, reading the stored hashes first */
    PlanSummary plan(String runId, List<EdFiRecord> records, RecordValidator validator, boolean snapshot) {
        store().openRun(runId, "demo", TARGET, "clever", "test");
        try (SyncPlanner planner = new SyncPlanner(store(), TARGET, runId, "v1", problems::add, validator)) {
            if (snapshot) {
                planner.readStoredHashes();
            }
            records.forEach(planner::accept);
            return planner.finish();
        }
    }

    void deliverAll(String runId, Outcome outcome) {
        List<PlannedChange> page = store().pending(runId, EdFiResource.STUDENTS, 0, 100_000);
        for (PlannedChange ch : page) {
            store().recordOutcome(TARGET, ch, outcome, outcome == Outcome.FAILED ? 400 : 201,
                    outcome == Outcome.FAILED ? "bad" : null, outcome == Outcome.FAILED ? null : "id-" + ch.naturalKey(), "e1");
        }
    }

    @Test
    void newRecordsArePlannedThenUnchangedOnceDelivered() {
        List<EdFiRecord> records = List.of(student("1", "A", 2), student("2", "B", 3), student("3", "C", 4));
        PlanSummary first = plan("r1", records);
        assertThat(first.toCreate(EdFiResource.STUDENTS)).isEqualTo(3);
        assertThat(store().pending("r1", EdFiResource.STUDENTS, 0, 2)).extracting(PlannedChange::naturalKey)
                .containsExactly("studentUniqueId=1", "studentUniqueId=2");
        deliverAll("r1", Outcome.CREATED);
        assertThat(store().outcomeCounts("r1").get(EdFiResource.STUDENTS)).containsEntry("created", 3L);

        PlanSummary second = plan("r2", records);
        assertThat(second.toSend()).isZero();
        assertThat(second.unchangedCount(EdFiResource.STUDENTS)).isEqualTo(3);
        assertThat(store().states(TARGET, EdFiResource.STUDENTS, List.of("studentUniqueId=1")))
                .extractingByKey("studentUniqueId=1").satisfies(s -> assertThat(s.edfiId()).isEqualTo("id-studentUniqueId=1"));
    }

    @Test
    void everyPlannedCreateIsReadBackInSeqOrderAcrossPagesAndNothingElse() {
        int n = 10_050; // more than a page
        List<EdFiRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(student("s" + i, "A", i + 2));
        }
        plan("r1", records.subList(0, 10));
        deliverAll("r1", Outcome.CREATED);
        records.set(0, student("s0", "Changed", 2)); // an update in r2, not a create
        plan("r2", records);
        List<String> keys = new ArrayList<>();
        List<Long> seqs = new ArrayList<>();
        store().forEachPlannedCreate("r2", EdFiResource.STUDENTS, (key, seq) -> {
            keys.add(key);
            seqs.add(seq);
        });
        assertThat(keys).hasSize(n - 10).doesNotHaveDuplicates().contains("studentUniqueId=s10", "studentUniqueId=s"
                + (n - 1)).doesNotContain("studentUniqueId=s0", "studentUniqueId=s9");
        assertThat(seqs).isSorted();
    }

    @Test
    void aSnapshotRunSettlesUnchangedChangedNewAndFailedRecordsFromTheStoredHashesAsALookupWould() {
        int n = 10_050; // more stored records than a page of the hashes' read
        List<EdFiRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(student("s" + i, "A", i + 2));
        }
        plan("r1", records);
        deliverAll("r1", Outcome.CREATED);
        plan("r1b", List.of(student("s900", "Failed", 902)));
        deliverAll("r1b", Outcome.FAILED); // its hash is gone: sent again, by id, though unchanged since r1
        List<String> stored = new ArrayList<>();
        store().forEachPayloadHash(TARGET, EdFiResource.STUDENTS, (key, hash) -> stored.add(key));
        assertThat(stored).hasSize(n).doesNotHaveDuplicates();

        records.set(700, student("s700", "Changed", 702));
        records.set(n - 1, student("s" + (n - 1), "Changed", n + 1));
        for (int i = 0; i < 10; i++) {
            records.add(student("new" + i, "B", n + 10 + i));
        }
        PlanSummary second = plan("r2", records, RecordValidator.none(), true);
        assertThat(second.toUpdate(EdFiResource.STUDENTS)).isEqualTo(3);
        assertThat(second.toCreate(EdFiResource.STUDENTS)).isEqualTo(10);
        assertThat(second.unchangedCount(EdFiResource.STUDENTS)).isEqualTo(n - 3);
        assertThat(store().pending("r2", EdFiResource.STUDENTS, 0, 100)).extracting(PlannedChange::naturalKey,
                PlannedChange::action).contains(
                org.assertj.core.groups.Tuple.tuple("studentUniqueId=s700", PlannedChange.Action.UPDATE),
                org.assertj.core.groups.Tuple.tuple("studentUniqueId=s900", PlannedChange.Action.UPDATE),
                org.assertj.core.groups.Tuple.tuple("studentUniqueId=new0", PlannedChange.Action.CREATE));
    }

    @Test
    void aSnapshotRunDoesNotValidateAgainARecordTheTargetHoldsAsItIsButValidatesAChangedOne() {
        // sent before descriptor checks were switched on; the target took them
        java.util.function.Function<String, EdFiRecord> withBogusSex = id -> {
            EdFiRecord r = student(id, "A", 2);
            r.payload().put("birthSexDescriptor", "uri://ed-fi.org/SexDescriptor#Bogus");
            return r;
        };
        plan("r1", List.of(withBogusSex.apply("1"), withBogusSex.apply("2")));
        deliverAll("r1", Outcome.CREATED);
        RecordValidator descriptors = new RecordValidator(java.util.EnumSet.of(RecordValidator.Check.DESCRIPTORS),
                store(), TARGET);
        EdFiRecord changed = withBogusSex.apply("2");
        changed.payload().put("lastSurname", "Changed");
        PlanSummary second = plan("r2", List.of(withBogusSex.apply("1"), changed), descriptors, true);
        assertThat(second.unchangedCount(EdFiResource.STUDENTS)).as("held as it is: nothing to send, nothing to check")
                .isEqualTo(1);
        assertThat(second.get(EdFiResource.STUDENTS, PlanSummary.Kind.INVALID)).isEqualTo(1);
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.message()).contains("SexDescriptor"));
        // a run that looks its records up validates them all
        problems.clear();
        PlanSummary lookedUp = plan("r3", List.of(withBogusSex.apply("1")), descriptors, false);
        assertThat(lookedUp.get(EdFiResource.STUDENTS, PlanSummary.Kind.INVALID)).isEqualTo(1);
    }

    @Test
    void aChangedRecordIsAnUpdateAndOnlyIt() {
        plan("r1", List.of(student("1", "A", 2), student("2", "B", 3)));
        deliverAll("r1", Outcome.CREATED);
        PlanSummary second = plan("r2", List.of(student("1", "A", 2), student("2", "Changed", 3)));
        assertThat(second.toUpdate(EdFiResource.STUDENTS)).isEqualTo(1);
        assertThat(second.unchangedCount(EdFiResource.STUDENTS)).isEqualTo(1);
        assertThat(store().pending("r2", EdFiResource.STUDENTS, 0, 10)).singleElement()
                .satisfies(ch -> assertThat(ch.action()).isEqualTo(PlannedChange.Action.UPDATE));
    }

    @Test
    void aFailedRecordIsSentAgainNextRunEvenIfItDidNotChange() {
        plan("r1", List.of(student("1", "A", 2)));
        deliverAll("r1", Outcome.FAILED);
        assertThat(store().failures("r1")).singleElement().satisfies(f -> {
            assertThat(f.httpStatus()).isEqualTo(400);
            assertThat(f.lineage().line()).isEqualTo(2);
        });
        PlanSummary second = plan("r2", List.of(student("1", "A", 2)));
        assertThat(second.toSend()).isEqualTo(1);
    }

    @Test
    void aKeyRepeatedInARunIsPlannedOnceAndAConflictingCopyIsReported() {
        List<EdFiRecord> records = new ArrayList<>();
        records.add(student("dup", "Same", 2));
        for (int i = 0; i < SyncPlanner.BATCH + 10; i++) {
            records.add(student("s" + i, "X", 10 + i));
        }
        records.add(student("dup", "Same", 900));
        records.add(student("dup", "Different", 901));
        PlanSummary summary = plan("r1", records);
        assertThat(summary.toCreate(EdFiResource.STUDENTS)).isEqualTo(SyncPlanner.BATCH + 11);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(901);
            assertThat(p.message()).contains("same students key with different values");
        });
        deliverAll("r1", Outcome.CREATED);
        problems.clear();
        // next run: the first copy is unchanged; the conflicting one is still caught across batches
        plan("r2", records);
        assertThat(problems).singleElement().extracting(Problem::line).isEqualTo(901L);
    }

    @Test
    void outcomesRecordedFromManyThreadsAtOnceAreAllThereForTheNextReadWithTheirBodies() throws Exception {
        int n = OutcomeWriter.BATCH * 3 + 17;
        List<EdFiRecord> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            records.add(student("m" + i, "M", 2 + i));
        }
        plan("r1", records);
        List<PlannedChange> page = store().pending("r1", EdFiResource.STUDENTS, 0, 100_000);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (PlannedChange ch : page) {
                sent.add(pool.submit(() -> store().recordOutcome(TARGET, ch, Outcome.CREATED, 201, null,
                        "id-" + ch.naturalKey(), "e1")));
            }
            for (java.util.concurrent.Future<?> f : sent) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        // no flush: a read sees every outcome the delivery threads queued
        assertThat(store().outcomeCounts("r1").get(EdFiResource.STUDENTS)).containsOnly(Map.entry("created", (long) n));
        assertThat(store().pending("r1", EdFiResource.STUDENTS, 0, 10)).isEmpty();
        // the bodies the target accepted are kept: a run that no longer has the records can exit them
        List<StateStore.PresentRecord> present = store().present(TARGET, EdFiResource.STUDENTS, "clever", "", 5);
        Map<String, String> bodies = store().acceptedBodies(TARGET, EdFiResource.STUDENTS,
                present.stream().map(StateStore.PresentRecord::naturalKey).toList());
        assertThat(present).hasSize(5).allSatisfy(r -> {
            assertThat(r.edfiId()).isEqualTo("id-" + r.naturalKey());
            assertThat(EdFiJson.read(bodies.get(r.naturalKey())).get("studentUniqueId").asText())
                    .isEqualTo(r.naturalKey().substring("studentUniqueId=".length()));
        });
    }

    @Test
    void aDeletedRecordKeepsNoBodyAndAPlanOnlyRunStoresNone() {
        plan("r1", List.of(student("1", "A", 2)));
        deliverAll("r1", Outcome.CREATED);
        PlannedChange delete = new PlannedChange(0, "r2", EdFiResource.STUDENTS, "studentUniqueId=1",
                PlannedChange.Action.DELETE, "{}", "deleted", Lineage.of("students.csv", 2), "id-studentUniqueId=1",
                "e1", null, 0);
        store().openRun("r2", "demo", TARGET, "clever", "test");
        store().plan(List.of(delete));
        store().recordOutcome(TARGET, store().pending("r2", EdFiResource.STUDENTS, 0, 10).get(0), Outcome.DELETED,
                204, null, null, null);
        assertThat(store().present(TARGET, EdFiResource.STUDENTS, "clever", "", 5)).isEmpty();
        assertThat(store().acceptedBodies(TARGET, EdFiResource.STUDENTS, List.of("studentUniqueId=1"))).isEmpty();

        store().openRun("p1", "demo", TARGET, "clever", "plan");
        SyncPlanner planner = new SyncPlanner(store(), TARGET, "p1", "v1", problems::add).planOnly();
        planner.accept(student("1", "A", 2));
        assertThat(planner.finish().toCreate(EdFiResource.STUDENTS)).isEqualTo(1);
        assertThat(store().pending("p1", EdFiResource.STUDENTS, 0, 10)).singleElement()
                .satisfies(ch -> assertThat(ch.payload()).isNull());
    }

    @Test
    void anUnchangedRecordMetAgainInALaterBatchIsCountedOnceAndADifferentLaterCopyIsRefused() {
        List<EdFiRecord> records = new ArrayList<>();
        records.add(student("a", "Same", 2));
        records.add(student("b", "Same", 3));
        for (int i = 0; i < SyncPlanner.BATCH; i++) {
            records.add(student("f" + i, "X", 10 + i));
        }
        plan("r1", records);
        deliverAll("r1", Outcome.CREATED);
        problems.clear();

        // next run: a and b come first unchanged; a batch later, a again identical and b changed
        List<EdFiRecord> next = new ArrayList<>(records);
        next.add(student("a", "Same", 900));
        next.add(student("b", "Changed", 901));
        PlanSummary second = plan("r2", next);
        assertThat(second.unchangedCount(EdFiResource.STUDENTS)).isEqualTo(SyncPlanner.BATCH + 2);
        assertThat(second.toSend()).isZero();
        assertThat(store().pending("r2", EdFiResource.STUDENTS, 0, 10)).isEmpty();
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(901);
            assertThat(p.message()).contains("same students key with different values");
        });

        // and the other way round: a changed first copy is sent, an unchanged later one refused
        problems.clear();
        List<EdFiRecord> third = new ArrayList<>();
        third.add(student("a", "Newer", 2));
        third.addAll(records.subList(1, records.size()));
        third.add(student("a", "Same", 950));
        PlanSummary t = plan("r3", third);
        assertThat(t.toUpdate(EdFiResource.STUDENTS)).isEqualTo(1);
        assertThat(t.unchangedCount(EdFiResource.STUDENTS)).isEqualTo(SyncPlanner.BATCH + 1);
        assertThat(problems).singleElement().extracting(Problem::line).isEqualTo(950L);
    }

    @Test
    void runStatusIsKept() {
        store().openRun("r9", "demo", TARGET, "clever", "x");
        store().finishRun("r9", "succeeded");
        assertThat(store().runStatus("r9")).contains("succeeded");
        assertThat(store().outcomeCounts("r9")).isEqualTo(Map.of());
    }
}
