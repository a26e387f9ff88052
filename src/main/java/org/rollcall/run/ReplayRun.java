package org.rollcall.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.rollcall.ops.RecordMetrics;
import org.rollcall.report.RunReport;
import org.rollcall.report.RunReportWriter;
import org.rollcall.sync.Outcome;
import org.rollcall.sync.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs that send again what an earlier run planned: {@code approve} releases the changes the guard
 * held, {@code retry-failed} replays dead letters now instead of waiting for the next drop. Each is
 * a new run (its own report) whose plan is a copy of the earlier run's changes, delivered by the
 * district's {@code edfi-delivery} route like any other run.
 */
public final class ReplayRun {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayRun.class);

    private final Districts districts;
    private final StateStore store;
    private final RunReportWriter reports;
    private final RecordMetrics metrics;
    private final ProducerTemplate producer;

    public ReplayRun(Districts districts, StateStore store, RunReportWriter reports, RecordMetrics metrics,
                     ProducerTemplate producer) {
        this.districts = districts;
        this.store = store;
        this.reports = reports;
        this.metrics = metrics;
        this.producer = producer;
    }

    /** Sends the changes the guard held in {@code runId}. */
    public RunReport approve(String runId) {
        StateStore.RunRow earlier = earlier(runId);
        if (store.count(runId, Outcome.HELD) == 0) {
            throw new IllegalArgumentException("run " + runId + " has no held changes");
        }
        return replay(earlier, "approve " + runId, Outcome.HELD, Outcome.RELEASED);
    }

    /** Drops the changes the guard held in {@code runId}; returns how many. */
    public int discard(String runId) {
        earlier(runId);
        int n = store.endHeld(runId, Outcome.DISCARDED);
        if (n == 0) {
            throw new IllegalArgumentException("run " + runId + " has no held changes");
        }
        LOG.info("run {}: {} held changes discarded", runId, n);
        return n;
    }

    /**
     * Sends again the records that failed in {@code runId}, or in each district's latest run with
     * failures when it is null, and that no later run has delivered since.
     */
    public List<RunReport> retryFailed(String runId) {
        List<StateStore.RunRow> runs = new ArrayList<>();
        if (runId != null) {
            runs.add(earlier(runId));
        } else {
            for (District d : districts.all()) {
                store.latestRunWith(d.id(), Outcome.FAILED).flatMap(store::run).ifPresent(runs::add);
            }
        }
        List<RunReport> out = new ArrayList<>();
        for (StateStore.RunRow r : runs) {
            out.add(replay(r, "retry-failed " + r.runId(), Outcome.FAILED, null));
        }
        return out;
    }

    private RunReport replay(StateStore.RunRow earlier, String why, Outcome which, Outcome endEarlier) {
        District d = districts.get(earlier.district());
        if (!d.targetKey().equals(earlier.target())) {
            throw new IllegalArgumentException("run " + earlier.runId() + " sent to another target than district "
                    + d.id() + " has now; its changes are not replayed");
        }
        // the earlier run's source, so the records stay that source's in the state store
        RunContext run = new RunContext(d, earlier.source(), Path.of(earlier.runId()));
        store.openRun(run.runId(), d.id(), d.targetKey(), earlier.source(), why);
        int copied = store.copyChanges(earlier.runId(), run.runId(), which, d.targetKey());
        if (endEarlier != null) {
            store.endHeld(earlier.runId(), endEarlier);
        }
        LOG.info("run {}: {} ({} changes)", run.runId(), why, copied);
        if (copied > 0) {
            Exchange result = producer.send("direct:edfi-delivery-" + d.id(),
                    ex -> ex.setProperty(RunContext.PROPERTY, run));
            if (result.getException() != null) {
                run.fail("the replay could not finish: " + Optional.ofNullable(result.getException().getMessage())
                        .orElse(result.getException().getClass().getSimpleName()));
            }
        }
        RunReport report = RunReports.build(run, store);
        reports.write(report);
        store.finishRun(run.runId(), report.status());
        metrics.run(report);
        return report;
    }

    private StateStore.RunRow earlier(String runId) {
        StateStore.RunRow r = store.run(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        if (districts.all().stream().noneMatch(d -> d.id().equals(r.district()))) {
            throw new IllegalArgumentException("run " + runId + " belongs to district " + r.district()
                    + ", which is not configured");
        }
        return r;
    }
}
