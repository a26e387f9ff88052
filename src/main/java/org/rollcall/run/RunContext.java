package org.rollcall.run;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.rollcall.edfi.UnmappedValues;
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

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final String runId;
    private final District district;
    private final String source;
    private final Path input;
    private final Instant startedAt = Instant.now();
    private final ProblemCollector problems = new ProblemCollector();
    private final UnmappedValues unmapped = new UnmappedValues();
    private volatile PlanSummary plan = new PlanSummary();
    private volatile List<Path> files = List.of();
    private volatile Problem rejection;
    private volatile String failure;
    private volatile java.util.Map<String, Long> statuses = java.util.Map.of();

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

    public UnmappedValues unmapped() {
        return unmapped;
    }

    public PlanSummary plan() {
        return plan;
    }

    void plan(PlanSummary summary) {
        this.plan = summary;
    }

    public List<Path> files() {
        return files;
    }

    void files(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /** Why the whole drop was refused (nothing from it was sent), or null. */
    public Problem rejection() {
        return rejection;
    }

    void reject(Problem problem) {
        this.rejection = problem;
        problems.report(problem);
    }

    public boolean isRejected() {
        return rejection != null;
    }

    /** Why the run could not finish (target unreachable, store down), or null. */
    public String failure() {
        return failure;
    }

    void fail(String why) {
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
