package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.report.RunReport;
import org.rollcall.run.District;
import org.rollcall.run.RunContext;
import org.rollcall.sync.PlanSummary;
import org.rollcall.edfi.EdFiResource;

/**
 * Full snapshots make absence meaningful, and the guard keeps a truncated drop from exiting half a
 * roster: the delivery engine's rules on snapshots, deletes and the guard, end to end through the
 * routes and the sandbox.
 */
class SnapshotGuardIT {

    static final String SSA = "studentSchoolAssociations";

    @TempDir
    Path data;

    private RollcallApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void start(Map<String, String> extra) throws Exception {
        if (app != null) {
            app.close();
        }
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data, extra, "demo"),
                RollcallApp.Mode.ONCE, Map.of());
    }

    private District demo() {
        return app.districts().get("demo");
    }

    private RunReport runOnce() {
        List<RunReport> reports = app.runWaiting();
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    /** Drops the sample without every keepEvery-th student, all their rows (a truncated students.csv). */
    private int dropWithStudentsRemoved(int keepEvery) {
        TestDistricts.dropSample(demo().cleverInbox());
        AtomicInteger removed = new AtomicInteger();
        AtomicInteger n = new AtomicInteger();
        java.util.Map<String, Boolean> gone = new java.util.HashMap<>();
        TestDistricts.editCsv(demo().cleverInbox().resolve("students.csv"), row -> {
            // a student with two contacts has two rows: both go
            boolean remove = gone.computeIfAbsent(row.get("Student_id"), id -> {
                boolean g = n.incrementAndGet() % keepEvery == 0;
                if (g) {
                    removed.incrementAndGet();
                }
                return g;
            });
            return remove ? null : row;
        });
        return removed.get();
    }

    private long exitedAtTarget() {
        return new SandboxReader(app.sandbox()).all(SSA).stream().filter(j -> j.hasNonNull("exitWithdrawDate")).count();
    }

    @Test
    void aTruncatedStudentsFileIsHeldByTheGuardAndNothingIsExitedUntilApproved() throws Exception {
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        RunReport first = runOnce();
        long enrolled = first.resources().get(SSA).created();
        assertThat(enrolled).isPositive();

        int removed = dropWithStudentsRemoved(2);
        RunReport truncated = runOnce();

        assertThat(truncated.status()).isEqualTo(RunReport.HELD);
        assertThat(truncated.exitCode()).isEqualTo(3);
        assertThat(truncated.resources().get(SSA).held()).isBetween(removed - 3L, (long) removed);
        assertThat(truncated.resources().get(SSA).exited()).isZero();
        assertThat(truncated.message()).contains("./rollcall approve " + truncated.runId());
        assertThat(exitedAtTarget()).as("nothing exited before approval").isZero();
        // students are never deleted (seed 004), so nothing at all was removed
        assertThat(app.sandbox().counts().total("DELETE")).isZero();

        RunReport approval = app.replays().approve(truncated.runId());

        assertThat(approval.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(approval.resources().get(SSA).exited()).isEqualTo(truncated.resources().get(SSA).held());
        assertThat(exitedAtTarget()).isEqualTo(truncated.resources().get(SSA).held());
        assertThatThrownBy(() -> app.replays().approve(truncated.runId()))
                .hasMessageContaining("has no held changes");
    }

    @Test
    void discardedHeldChangesAreNeverSent() throws Exception {
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        runOnce();
        dropWithStudentsRemoved(2);
        RunReport truncated = runOnce();
        assertThat(truncated.status()).isEqualTo(RunReport.HELD);

        int discarded = app.replays().discard(truncated.runId());

        assertThat(discarded).isEqualTo((int) truncated.resources().get(SSA).held());
        assertThat(exitedAtTarget()).isZero();
        assertThatThrownBy(() -> app.replays().approve(truncated.runId())).hasMessageContaining("has no held changes");
    }

    @Test
    void anEnrollmentThatLeavesTheSnapshotIsExitedNotDeleted() throws Exception {
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        runOnce();
        // one student in 60 leaves: well under the guard's 10%
        int removed = dropWithStudentsRemoved(60);

        RunReport next = runOnce();

        assertThat(next.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(next.resources().get(SSA).exited()).isEqualTo(removed);
        assertThat(next.resources().get("students").deleted()).isZero();
        assertThat(app.sandbox().counts().total("DELETE")).isZero();
        List<JsonNode> exited = new SandboxReader(app.sandbox()).all(SSA).stream()
                .filter(j -> j.hasNonNull("exitWithdrawDate")).toList();
        assertThat(exited).hasSize(removed);
        assertThat(exited.get(0).get("exitWithdrawTypeDescriptor").asText())
                .isEqualTo("uri://ed-fi.org/ExitWithdrawTypeDescriptor#Withdrawn");

        // the same drop again: already exited, nothing more happens
        dropWithStudentsRemoved(60);
        RunReport again = runOnce();
        assertThat(again.resources().get(SSA).exited()).isZero();
        assertThat(again.resources().get(SSA).updated()).isZero();
    }

    @Test
    void aStudentWhoseRowIsBadTonightIsNotTakenForOneWhoLeft() throws Exception {
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        runOnce();
        TestDistricts.dropSample(demo().cleverInbox());
        AtomicInteger blanked = new AtomicInteger();
        TestDistricts.editCsv(demo().cleverInbox().resolve("students.csv"), row -> {
            if (blanked.get() < 2 && !row.get("First_name").isBlank() && !row.get("School_id").equals("rdd-annex")) {
                row.put("First_name", "");
                blanked.incrementAndGet();
            }
            return row;
        });

        RunReport next = runOnce();

        assertThat(next.problems()).anySatisfy(g -> {
            assertThat(g.field()).isEqualTo("First_name");
            assertThat(g.count()).isEqualTo(3);
        });
        assertThat(next.resources().get(SSA).exited()).as("skipped rows exit nobody").isZero();
        assertThat(next.resources().get(SSA).held()).isZero();
        assertThat(exitedAtTarget()).isZero();
    }

    @Test
    void aDeletePolicyDeletesWhatLeftTheSnapshotInReverseDependencyOrder() throws Exception {
        start(Map.of("rollcall.district.demo.gone",
                "studentSchoolAssociations=delete,studentEducationOrganizationAssociations=delete"));
        TestDistricts.dropSample(demo().cleverInbox());
        runOnce();
        int removed = dropWithStudentsRemoved(60);

        RunReport next = runOnce();

        assertThat(next.resources().get(SSA).deleted()).isEqualTo(removed);
        assertThat(next.resources().get("studentEducationOrganizationAssociations").deleted()).isEqualTo(removed);
        assertThat(app.sandbox().counts().get("DELETE", SSA, 204)).isEqualTo(removed);
        // a deleted record comes back as a new one when the student returns
        TestDistricts.dropSample(demo().cleverInbox());
        RunReport back = runOnce();
        assertThat(back.resources().get(SSA).created()).isEqualTo(removed);
    }

    @Test
    void aChangedEntryDateIsAPutOfTheSameEnrollmentNotANewOne() throws Exception {
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        long enrolled = runOnce().resources().get(SSA).created();

        start(Map.of("rollcall.district.demo.school-year-start", "2026-08-24"));
        TestDistricts.dropSample(demo().cleverInbox());
        RunReport moved = runOnce();

        assertThat(moved.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(moved.resources().get(SSA).updated()).isEqualTo(enrolled);
        assertThat(moved.resources().get(SSA).created()).isZero();
        assertThat(moved.resources().get(SSA).exited()).isZero();
        assertThat(app.sandbox().counts().get("PUT", SSA, 204) + app.sandbox().counts().get("PUT", SSA, 200))
                .isEqualTo(enrolled);
        List<JsonNode> atTarget = new SandboxReader(app.sandbox()).all(SSA);
        assertThat(atTarget).hasSize((int) enrolled).allSatisfy(j ->
                assertThat(j.get("entryDate").asText()).isEqualTo("2026-08-24"));
    }

    @Test
    void aPlanCountsWhatWouldHappenAndChangesNothing() throws Exception {
        start(Map.of());
        TestDistricts.dropSample(demo().cleverInbox());
        runOnce();
        int removed = dropWithStudentsRemoved(2);
        Map<String, Long> before = app.sandbox().counts().asMap();

        List<RunContext> plans = app.planWaiting();

        assertThat(plans).hasSize(1);
        PlanSummary plan = plans.get(0).plan();
        assertThat(plan.get(EdFiResource.STUDENT_SCHOOL_ASSOCIATIONS, PlanSummary.Kind.HELD))
                .isBetween(removed - 3L, (long) removed);
        assertThat(plan.samples(EdFiResource.STUDENT_SCHOOL_ASSOCIATIONS, PlanSummary.Kind.HELD)).isNotEmpty();
        assertThat(plan.unchangedCount(EdFiResource.STUDENTS)).isPositive();
        Map<String, Long> after = app.sandbox().counts().asMap();
        after.keySet().removeIf(k -> k.contains("oauth"));
        before.keySet().removeIf(k -> k.contains("oauth"));
        assertThat(after).as("no request but tokens reached the target").isEqualTo(before);
        assertThat(Files.exists(demo().cleverInbox().resolve("students.csv"))).as("the drop stays").isTrue();

        // the plan held nothing for later: the real run decides afresh
        RunReport real = runOnce();
        assertThat(real.status()).isEqualTo(RunReport.HELD);
        assertThatThrownBy(() -> app.replays().approve(plans.get(0).runId())).hasMessageContaining("no held changes");
    }
}
