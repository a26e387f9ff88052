package org.rollcall.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a run did, as written to {@code <reports>/<runId>.json} and {@code latest.json}: per Ed-Fi
 * resource how many records were created, updated, unchanged, deleted, failed or held; the
 * target's failures grouped by message with their source lines; the input problems; the source
 * values no crosswalk entry covered; for sources that determine one, students per enrollment status;
 * and how many students had each sensitive field withheld from the target (seed 000).
 */
public record RunReport(
        String runId,
        String district,
        String source,
        String status,
        Instant startedAt,
        Instant finishedAt,
        Map<String, Counts> resources,
        List<Failure> failures,
        List<ProblemCollector.Group> problems,
        List<Unmapped> unmapped,
        String message,
        Map<String, Long> statuses,
        List<Withheld> withheld) {

    public RunReport {
        statuses = statuses == null ? Map.of() : statuses;
        withheld = withheld == null ? List.of() : withheld;
    }

    /** A report without withheld counts. */
    public RunReport(String runId, String district, String source, String status, Instant startedAt, Instant finishedAt,
                     Map<String, Counts> resources, List<Failure> failures, List<ProblemCollector.Group> problems,
                     List<Unmapped> unmapped, String message, Map<String, Long> statuses) {
        this(runId, district, source, status, startedAt, finishedAt, resources, failures, problems, unmapped, message,
                statuses, List.of());
    }

    /** A report without per-status counts (sources that determine no enrollment status). */
    public RunReport(String runId, String district, String source, String status, Instant startedAt, Instant finishedAt,
                     Map<String, Counts> resources, List<Failure> failures, List<ProblemCollector.Group> problems,
                     List<Unmapped> unmapped, String message) {
        this(runId, district, source, status, startedAt, finishedAt, resources, failures, problems, unmapped, message,
                Map.of(), List.of());
    }

    /** Run statuses: everything sent; some records failed; the drop was rejected; the run could not finish. */
    public static final String SUCCEEDED = "succeeded";
    public static final String COMPLETED_WITH_FAILURES = "completed_with_failures";
    public static final String REJECTED = "rejected";
    public static final String FAILED = "failed";
    /** The guard held deletes or exits: everything else was sent; {@code ./rollcall approve} releases them. */
    public static final String HELD = "held";

    /**
     * Record outcomes of one resource. {@code exited} enrollments got an exit date because they left
     * the snapshot; {@code failed} records are dead letters (the target refused them, or they were
     * invalid and never sent), each with its reason in {@link #failures()}.
     */
    public record Counts(long created, long updated, long unchanged, long deleted, long exited, long failed,
                         long held) {

        public long total() {
            return created + updated + unchanged + deleted + exited + failed + held;
        }
    }

    /** Records the target refused for the same reason, with the source lines they came from. */
    public record Failure(String resource, int status, String message, String source, List<Long> lines, long count) { }

    /** A sensitive field the target's allow-list does not name, and how many students had a value for it. */
    public record Withheld(String field, long count) { }

    /** A source value with no descriptor in the crosswalk, and how many records carried it. */
    public record Unmapped(String field, String value, long count) { }

    /**
     * Exit code for orchestrators: 0 all good, 1 some records failed or the drop was rejected or the
     * run could not finish, 3 changes are held by the guard and wait for approval.
     */
    public int exitCode() {
        return switch (status) {
            case SUCCEEDED -> 0;
            case HELD -> 3;
            default -> 1;
        };
    }
}
