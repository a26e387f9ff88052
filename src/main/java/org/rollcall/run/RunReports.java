package org.rollcall.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.report.RunReport;
import org.rollcall.sync.PlanSummary;
import org.rollcall.sync.StateStore;

/** Builds a run's report from its context and what the state store recorded of its deliveries. */
public final class RunReports {

    private static final int MAX_LINES = 100;

    private RunReports() {
    }

    public static RunReport build(RunContext run, StateStore store) {
        Map<String, RunReport.Counts> resources = new LinkedHashMap<>();
        Map<EdFiResource, Map<String, Long>> outcomes = run.isRejected() ? Map.of() : store.outcomeCounts(run.runId());
        long failed = 0;
        long held = 0;
        long undelivered = 0;
        for (EdFiResource r : EdFiResource.inDependencyOrder()) {
            // HashMap: "not sent yet" is counted under the null outcome
            Map<String, Long> o = new java.util.HashMap<>(outcomes.getOrDefault(r, Map.of()));
            long unchanged = run.plan().unchangedCount(r);
            long notSent = o.getOrDefault(null, 0L);
            RunReport.Counts c = new RunReport.Counts(o.getOrDefault("created", 0L), o.getOrDefault("updated", 0L),
                    unchanged, o.getOrDefault("deleted", 0L), o.getOrDefault("exited", 0L),
                    o.getOrDefault("failed", 0L) + run.plan().get(r, PlanSummary.Kind.INVALID) + notSent,
                    o.getOrDefault("held", 0L));
            failed += c.failed();
            held += c.held();
            undelivered += notSent;
            if (c.total() > 0) {
                resources.put(r.collection(), c);
            }
        }
        List<RunReport.Failure> failures = run.isRejected() ? List.of() : failures(run, store);
        String status;
        String message = null;
        if (run.failure() != null) {
            status = RunReport.FAILED;
            message = run.failure();
        } else if (run.isRejected()) {
            status = RunReport.REJECTED;
            message = "drop rejected, nothing sent: " + run.rejection().describe();
        } else if (held > 0) {
            status = RunReport.HELD;
            message = held + " deletes/exits held by the guard (more than the allowed share of a resource); "
                    + "release them with './rollcall approve " + run.runId() + "' or drop them with "
                    + "'./rollcall discard " + run.runId() + "'" + (failed > 0 ? "; " + failed + " records failed" : "");
        } else if (failed > 0) {
            status = RunReport.COMPLETED_WITH_FAILURES;
            if (undelivered > 0) {
                message = undelivered + " planned records were not delivered; they are sent again next run";
            }
        } else {
            status = RunReport.SUCCEEDED;
        }
        return new RunReport(run.runId(), run.district().id(), run.source(), status, run.startedAt(), Instant.now(),
                resources, failures, run.problems().groups(),
                run.unmapped().gaps().stream().map(g -> new RunReport.Unmapped(g.field(), g.value(), g.count())).toList(),
                message, run.statuses(),
                run.withheld().counts().stream().map(w -> new RunReport.Withheld(w.field(), w.count())).toList());
    }

    private static List<RunReport.Failure> failures(RunContext run, StateStore store) {
        Map<List<Object>, List<Long>> lines = new LinkedHashMap<>();
        Map<List<Object>, Long> counts = new LinkedHashMap<>();
        for (StateStore.FailedRecord f : store.failures(run.runId())) {
            List<Object> key = List.of(f.resource().collection(), f.httpStatus(), String.valueOf(f.message()),
                    f.lineage().source());
            counts.merge(key, 1L, Long::sum);
            List<Long> l = lines.computeIfAbsent(key, k -> new ArrayList<>());
            if (l.size() < MAX_LINES && f.lineage().line() > 0) {
                l.add(f.lineage().line());
            }
        }
        List<RunReport.Failure> out = new ArrayList<>();
        counts.forEach((k, n) -> out.add(new RunReport.Failure((String) k.get(0), (Integer) k.get(1), (String) k.get(2),
                (String) k.get(3), lines.get(k), n)));
        return out;
    }
}
