package org.rollcall.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.rollcall.edfi.ContactMapper;
import org.rollcall.edfi.MappingContext;
import org.rollcall.model.StudentStatus;
import org.rollcall.ops.RecordMetrics;
import org.rollcall.registry.RegistryIntake;
import org.rollcall.registry.StudentRegistry;
import org.rollcall.report.RunReport;
import org.rollcall.report.RunReportWriter;
import org.rollcall.skyward.QmlativClient;
import org.rollcall.skyward.SkywardDistricts;
import org.rollcall.skyward.SkywardFetch;
import org.rollcall.skyward.SkywardMapping;
import org.rollcall.skyward.SkywardSnapshot;
import org.rollcall.sync.PlanSummary;
import org.rollcall.sync.RecordValidator;
import org.rollcall.sync.SnapshotDiff;
import org.rollcall.sync.StateStore;
import org.rollcall.sync.SyncPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a Skyward sync that the {@code skyward-sync} route calls: {@link #begin} opens the run
 * (or skips the trigger when the district's previous sync is still running: quartz may fire twice
 * at start-up), {@link #fetchAndPlan} pulls the district and, only when the pull is complete, maps
 * and plans it; delivery runs in between; {@link #complete} and {@link #abort} write the report.
 * "Today" is the injected clock's date in the district's time zone.
 */
public final class SkywardSyncRun {

    private static final Logger LOG = LoggerFactory.getLogger(SkywardSyncRun.class);
    /** Exchange property: whether what the run fetched is a complete snapshot of the district. */
    public static final String COMPLETE_PROPERTY = "rollcallSnapshotComplete";

    private final Districts districts;
    private final SkywardDistricts skyward;
    private final StateStore store;
    private final RunReportWriter reports;
    private final RecordMetrics metrics;
    private final Path dataDir;
    private final Clock clock;
    private final Set<RecordValidator.Check> checks;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public SkywardSyncRun(Districts districts, SkywardDistricts skyward, StateStore store, RunReportWriter reports,
                          RecordMetrics metrics, Path dataDir, Clock clock, Set<RecordValidator.Check> checks) {
        this.districts = districts;
        this.skyward = skyward;
        this.store = store;
        this.reports = reports;
        this.metrics = metrics;
        this.dataDir = dataDir;
        this.clock = clock;
        this.checks = checks;
    }

    /** Opens a run for the district, or leaves no run on the exchange when one is already in progress. */
    public void begin(Exchange exchange) {
        District d = districts.get(exchange.getProperty(RunContext.DISTRICT_PROPERTY, String.class));
        SkywardDistricts.Setup setup = skyward.get(d.id())
                .orElseThrow(() -> new IllegalStateException("district " + d.id() + " has no skyward.url"));
        if (!running.add(d.id())) {
            LOG.info("district {}: a Skyward sync is already running; this trigger is skipped", d.id());
            exchange.getIn().setBody(null);
            return;
        }
        try {
            RunContext run = new RunContext(d, "skyward", spool(d.id()).getParent());
            store.openRun(run.runId(), d.id(), d.targetKey(), run.source(), setup.options().baseUrl().toString());
            exchange.setProperty(RunContext.PROPERTY, run);
        } catch (RuntimeException e) {
            running.remove(d.id());
            throw e;
        }
    }

    /** Pulls the district; plans it only if the pull completed. */
    public void fetchAndPlan(Exchange exchange) {
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        District d = run.district();
        SkywardDistricts.Setup setup = skyward.get(d.id()).orElseThrow();
        LocalDate today = LocalDate.now(clock.withZone(setup.options().timeZone()));
        Path spool = spool(run.runId());
        QmlativClient client = new QmlativClient(setup.options(), clock);
        LOG.info("run {}: reading Skyward as of {}", run.runId(), today);
        try {
            SkywardSnapshot snap = new SkywardFetch(client, setup.options()).fetch(today, spool);
            exchange.setProperty(COMPLETE_PROPERTY, snap.complete());
            LOG.info("run {}: Skyward read {} ({} requests, {} retried, {} tokens)", run.runId(), snap.objectsRead(),
                    client.requests(), client.retried(), client.tokens().issued());
            if (!snap.complete()) {
                run.fail("the Skyward fetch did not complete, so nothing was planned or sent (no exits, no deletes); "
                        + "the next run fetches again: " + snap.failure());
                LOG.warn("run {}: {}", run.runId(), run.failure());
                return;
            }
            MappingContext mc = new MappingContext(d.namespace(), setup.crosswalk(), d.lea().id(), run.problems(),
                    run.unmapped());
            SyncPlanner planner = new SyncPlanner(store, d.targetKey(), run.runId(),
                    d.mapper().version() + "/" + ContactMapper.VERSION, run.problems(),
                    new RecordValidator(checks, store, d.targetKey())).readStoredHashes();
            d.mapper().localEducationAgency(d.lea(), mc).forEach(planner::accept);
            // students go through the registry, which adds what CALPADS imports gave them (SSID, ELA status)
            RegistryIntake registry = new RegistryIntake(new StudentRegistry(store), d.id(), run.runId(), false,
                    d.mapper(), store.runWorkDir(run.runId()));
            SkywardMapping mapping = new SkywardMapping(snap, setup.options(), registry, mc);
            mapping.run(planner::accept, s -> { });
            registry.finish();
            PlanSummary summary = planner.finish();
            // only a complete pull is a snapshot: what it no longer has is gone (per rollcall.district.<id>.gone)
            try (planner) {
                new SnapshotDiff(store, d.targetKey(), run.source(), run.runId(), d.gone(), summary, planner.keys(),
                        today).plan();
            }
            run.plan(summary);
            Map<String, Long> statuses = new LinkedHashMap<>();
            for (StudentStatus s : StudentStatus.values()) {
                statuses.put(s.label(), mapping.statuses().getOrDefault(s, 0L));
            }
            run.statuses(statuses);
            LOG.info("run {}: students by status {}; {} records to send", run.runId(), statuses, run.plan().toSend());
        } finally {
            try {
                Files.deleteIfExists(spool);
            } catch (IOException e) {
                LOG.warn("run {}: could not delete the names spool: {}", run.runId(), e.getMessage());
            }
        }
    }

    /** Writes the report and returns it as the body. */
    public RunReport complete(Exchange exchange) {
        return finish(exchange, exchange.getProperty(RunContext.PROPERTY, RunContext.class));
    }

    /** The run failed before it could finish: report why. */
    public RunReport abort(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        String why = cause == null ? "unknown error" : cause.getMessage() == null
                ? cause.getClass().getSimpleName() : cause.getMessage();
        if (run == null) {
            throw new IllegalStateException("a Skyward sync could not be started: " + why, cause);
        }
        if (run.failure() == null) {
            run.fail("run could not finish; the next run starts again: " + why);
        }
        LOG.error("run {}: {}", run.runId(), run.failure());
        return finish(exchange, run);
    }

    private RunReport finish(Exchange exchange, RunContext run) {
        try {
            RunReport report = RunReports.build(run, store);
            Path file = reports.write(report);
            store.finishRun(run.runId(), report.status());
            metrics.run(report);
            LOG.info("run {}: {}; report {}", run.runId(), report.status(), file);
            exchange.getIn().setBody(report);
            return report;
        } finally {
            running.remove(run.district().id());
        }
    }

    private Path spool(String name) {
        return dataDir.resolve("skyward").resolve(name + "-names.jsonl");
    }
}
