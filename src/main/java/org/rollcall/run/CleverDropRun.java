package org.rollcall.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;
import org.rollcall.clever.CleverDrop;
import org.rollcall.clever.CleverRoster;
import org.rollcall.clever.DropRejectedException;
import org.rollcall.edfi.ContactMapper;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.edfi.MappingContext;
import org.rollcall.model.School;
import org.rollcall.ops.RecordMetrics;
import org.rollcall.registry.RegistryIntake;
import org.rollcall.registry.StudentRegistry;
import org.rollcall.report.ProcessingReport;
import org.rollcall.report.ProcessingReportWriter;
import org.rollcall.report.RunReport;
import org.rollcall.report.RunReportWriter;
import org.rollcall.sync.PlanSummary;
import org.rollcall.sync.RecordValidator;
import org.rollcall.sync.SnapshotDiff;
import org.rollcall.sync.StateStore;
import org.rollcall.sync.SyncPlanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps of a Clever drop run that the {@code clever-drop} route calls: {@link #ingest} reads,
 * maps and plans the drop (or rejects it whole), delivery runs in between, and {@link #complete}
 * files the drop away and writes the report. {@link #abort} ends a run that could not finish and
 * leaves the drop in the inbox for the next attempt.
 */
public final class CleverDropRun {

    private static final Logger LOG = LoggerFactory.getLogger(CleverDropRun.class);

    private final Districts districts;
    private final StateStore store;
    private final RunReportWriter reports;
    private final RecordMetrics metrics;

    private final Set<RecordValidator.Check> checks;

    public CleverDropRun(Districts districts, StateStore store, RunReportWriter reports, RecordMetrics metrics) {
        this(districts, store, reports, metrics, EnumSet.allOf(RecordValidator.Check.class));
    }

    /** @param checks what rollcall.validate switches on */
    public CleverDropRun(Districts districts, StateStore store, RunReportWriter reports, RecordMetrics metrics,
                         Set<RecordValidator.Check> checks) {
        this.checks = checks;
        this.districts = districts;
        this.store = store;
        this.reports = reports;
        this.metrics = metrics;
    }

    /** Body: the drop folder. Leaves the run on the exchange; marks it rejected if the drop is unusable. */
    public void ingest(Exchange exchange) {
        District d = districts.get(exchange.getProperty(RunContext.DISTRICT_PROPERTY, String.class));
        Path drop = Path.of(exchange.getIn().getBody(String.class));
        RunContext run = new RunContext(d, "clever", drop);
        run.planOnly(exchange.getProperty(RunContext.PLAN_ONLY_PROPERTY, false, Boolean.class));
        exchange.setProperty(RunContext.PROPERTY, run);
        store.openRun(run.runId(), d.id(), d.targetKey(), run.source(), drop.toString());
        LOG.info("run {}: reading Clever drop in {}", run.runId(), drop);
        CleverDrop cleverDrop;
        String marker = exchange.getProperty(RunContext.DONE_MARKER_PROPERTY, "", String.class);
        try {
            cleverDrop = CleverDrop.open(drop, d.cleverOptions(), run.fileCounts());
        } catch (DropRejectedException e) {
            run.files(withMarker(DropFolders.waiting(drop), drop, marker));
            run.reject(e.problem());
            LOG.warn("run {}: drop rejected: {}", run.runId(), e.getMessage());
            return;
        }
        run.files(withMarker(cleverDrop.files(), drop, marker));
        MappingContext mc = new MappingContext(d.namespace(), d.cleverCrosswalk(), d.lea().id(), run.problems(),
                run.unmapped(), d.programs());
        RecordValidator validator = new RecordValidator(checks, store, d.targetKey());
        SyncPlanner planner = new SyncPlanner(store, d.targetKey(), run.runId(),
                // the crosswalk is not part of the version: the mapped body carries its values, so a crosswalk
                // edit re-sends exactly the records whose body it changes
                d.mapper().version() + "/" + ContactMapper.VERSION, run.problems(), validator).readStoredHashes();
        if (run.isPlanOnly()) {
            planner.planOnly();
        }
        d.mapper().localEducationAgency(d.lea(), mc).forEach(planner::accept);
        Map<String, School> schools = cleverDrop.readSchools(run.problems());
        schools.values().forEach(s -> d.mapper().school(s, mc).forEach(planner::accept));
        // rostering before students: what a record references is planned before it
        CleverRoster roster = cleverDrop.readRoster(schools, run.problems());
        roster.staff().forEach(s -> d.mapper().staff(s, mc).forEach(planner::accept));
        roster.courses().forEach(c -> d.mapper().course(c, mc).forEach(planner::accept));
        roster.terms().forEach(t -> d.mapper().session(t, mc).forEach(planner::accept));
        roster.sections().forEach(s -> d.mapper().section(s, mc).forEach(planner::accept));
        // students go through the registry, which adds what CALPADS imports gave them (SSID, ELA status)
        Path workDir = store.runWorkDir(run.runId());
        RegistryIntake registry = new RegistryIntake(new StudentRegistry(store), d.id(), run.runId(), run.isPlanOnly(),
                d.mapper(), workDir);
        CleverStudents students = new CleverStudents(d, registry, mc, run.withheld(), planner::accept, workDir);
        validator.vouch(EdFiResource.STUDENTS, students::planned);
        students.programs(registry.hasEnglishLearners());
        Set<String> unread = new HashSet<>();
        cleverDrop.readStudentRows(schools, students::accept, unread::add, workDir, run.problems());
        registry.finish();
        cleverDrop.readEnrollments(students::uniqueId, schools, roster,
                e -> d.mapper().sectionEnrollment(e, mc).forEach(planner::accept), run.problems());
        PlanSummary summary = planner.finish();
        // an accepted drop is a complete snapshot: what it no longer has is gone
        // a student whose row was skipped tonight has not left: their records are not gone; nor has a
        // section that was not processed (a record error, or seed 001)
        try (planner) {
            SnapshotDiff diff = new SnapshotDiff(store, d.targetKey(), run.source(), run.runId(), d.gone(), summary,
                    planner.keys(), LocalDate.now(), unread).leaveAlone("sectionIdentifier", roster.notProcessed());
            if (!roster.hasSections()) {
                // rostering files are optional: a drop that lacks sections.csv tonight has not emptied the sections
                diff.notInSnapshot(EdFiResource.STAFF_SECTION_ASSOCIATIONS)
                        .notInSnapshot(EdFiResource.STUDENT_SECTION_ASSOCIATIONS);
                LOG.info("run {}: no sections.csv in the drop: the target's section enrollments and teacher "
                        + "assignments are left as they are", run.runId());
            }
            if (run.isPlanOnly()) {
                diff.planOnly();
            }
            diff.plan();
        }
        run.plan(summary);
        run.unmapped().gaps().forEach(g -> LOG.warn("run {}: {} value '{}' has no crosswalk entry ({} records); "
                + "it is left out of what is sent", run.runId(), g.field(), g.value(), g.count()));
        run.withheld().counts().forEach(w -> LOG.info("run {}: {} withheld from the target for {} students "
                + "(not on rollcall.district.{}.share)", run.runId(), w.field(), w.count(), d.id()));
        LOG.info("run {}: {} records to send", run.runId(), run.plan().toSend());
    }

    /** Files the drop away, writes the report and returns it as the body. */
    public RunReport complete(Exchange exchange) {
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        Path inbox = run.input();
        if (run.isPlanOnly()) {
            return finish(exchange, run);
        }
        if (run.isRejected()) {
            DropFolders.reject(inbox, run.runId(), run.files(), run.rejection().describe());
        } else {
            DropFolders.archive(inbox, run.runId(), run.files());
        }
        return finish(exchange, run);
    }

    /** The run failed before it could finish: report why, keep the drop in the inbox to try again. */
    public RunReport abort(Exchange exchange) {
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        RunContext run = exchange.getProperty(RunContext.PROPERTY, RunContext.class);
        String why = cause == null ? "unknown error" : cause.getMessage() == null
                ? cause.getClass().getSimpleName() : cause.getMessage();
        if (run == null) {
            LOG.error("a Clever drop could not be started: {}", why);
            throw new IllegalStateException("a Clever drop could not be started: " + why, cause);
        }
        run.fail("run could not finish, the drop stays in the inbox for the next attempt: " + why);
        LOG.error("run {}: {}", run.runId(), run.failure());
        return finish(exchange, run);
    }

    /** The drop's files and, when the district has one and it came, its done marker: it is archived with them. */
    private static List<Path> withMarker(List<Path> files, Path drop, String marker) {
        if (marker.isEmpty() || !Files.isRegularFile(drop.resolve(marker))) {
            return files;
        }
        List<Path> all = new ArrayList<>(files);
        all.add(drop.resolve(marker));
        return all;
    }

    private RunReport finish(Exchange exchange, RunContext run) {
        if (run.isPlanOnly()) {
            store.endPlanned(run.runId());
        }
        RunReport report = RunReports.build(run, store);
        if (run.isPlanOnly()) {
            store.finishRun(run.runId(), "planned");
            exchange.getIn().setBody(report);
            return report;
        }
        Path file = reports.write(report);
        new ProcessingReportWriter(file.getParent()).write(ProcessingReport.of(run.runId(), run.district().id(),
                report.status(), report.message(), run.input().toString(),
                run.files().stream().map(f -> f.getFileName().toString()).toList(), run.fileCounts(),
                report.problems()));
        store.finishRun(run.runId(), report.status());
        metrics.run(report);
        LOG.info("run {}: {}; report {}", run.runId(), report.status(), file);
        exchange.getIn().setBody(report);
        return report;
    }
}
