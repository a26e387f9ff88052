package org.rollcall.run;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.rollcall.edfi.UnmappedValues;
import org.rollcall.edfi.WithheldValues;
import org.rollcall.report.FileCounts;
import org.rollcall.report.Problem;
import org.rollcall.report.ProblemCollector;
import org.rollcall.sync.PlanSummary;

/**
 * One run in progress: a drop (or pull) on its way through mapping, planning and delivery. It rides
 * on the exchange as the {@value #PROPERTY} property so every step of the run's routes sees it.
 */
public final class RunContext {

    public static final String PROPERTY = "rollcallRun";
    public static final String DISTRICT_PROPERTY = "rollcallDistrict";
    /** Set true on the exchange that starts a run to plan it only ({@code ./rollcall plan}). */
    public static final String PLAN_ONLY_PROPERTY = "rollcallPlanOnly";
    /** The district's done-marker file name (clever.done-marker), empty when it has none: archived with the drop. */
    public static final String DONE_MARKER_PROPERTY = "rollcallDoneMarker";

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final String runId;
    private final District district;
    private final String source;
    private final Path input;
    private final Instant startedAt = Instant.now();
    private final ProblemCollector problems = new ProblemCollector();
    private final FileCounts fileCounts = new FileCounts();
    private final UnmappedValues unmapped = new UnmappedValues();
    private final WithheldValues withheld = new WithheldValues();
    private volatile PlanSummary plan = new PlanSummary();
    private volatile List<Path> files = List.of();
    private volatile Problem rejection;
    private volatile String failure;
    private volatile java.util.Map<String, Long> statuses = java.util.Map.of();
    private volatile boolean planOnly;

    public RunContext(District district, String source, Path input) {
        this.runId = ID_TIME.format(startedAt) + "-" + district.id() + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        this.district = district;
        this.source = source;
        this.input = input;
    }

    public String runId() {
        return runId;
    }

    public District district() {
        return district;
    }

    public String source() {
        return source;
    }

    /** The drop folder (or other input) this run reads. */
    public Path input() {
        return input;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public ProblemCollector problems() {
        return problems;
    }

    /** Per file of the drop: encoding, rows read, accepted and rejected, as the readers counted them. */
    public FileCounts fileCounts() {
        return fileCounts;
    }

    public UnmappedValues unmapped() {
        return unmapped;
    }

    /** Sensitive values the district's target does not receive, per field (seed 000). */
    public WithheldValues withheld() {
        return withheld;
    }

    public PlanSummary plan() {
        return plan;
    }

    public void plan(PlanSummary summary) {
        this.plan = summary;
    }

    public List<Path> files() {
        return files;
    }

    public void files(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /** Why the whole drop was refused (nothing from it was sent), or null. */
    public Problem rejection() {
        return rejection;
    }

    public void reject(Problem problem) {
        this.rejection = problem;
        problems.report(problem);
    }

    public boolean isRejected() {
        return rejection != null;
    }

    /** A plan run ({@code ./rollcall plan}) reads, maps and plans, and sends nothing. */
    public boolean isPlanOnly() {
        return planOnly;
    }

    public void planOnly(boolean value) {
        this.planOnly = value;
    }

    /** Whether the delivery route sends this run's plan: not when the drop was rejected or only planned. */
    public boolean isDelivering() {
        return rejection == null && !planOnly;
    }

    /** Why the run could not finish (target unreachable, store down), or null. */
    public String failure() {
        return failure;
    }

    public void fail(String why) {
        this.failure = why;
    }

    /** Students per enrollment status, for sources that determine one (Skyward, seed 002); empty otherwise. */
    public java.util.Map<String, Long> statuses() {
        return statuses;
    }

    void statuses(java.util.Map<String, Long> counts) {
        this.statuses = java.util.Map.copyOf(counts);
    }
}
