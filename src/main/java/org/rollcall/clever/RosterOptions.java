package org.rollcall.clever;

import java.util.List;
import java.util.Objects;

/**
 * Per-district choices for reading the rostering files (teachers.csv, sections.csv, staff.csv,
 * enrollments.csv).
 *
 * @param unprocessedGrades section grades whose sections are not processed (seed 001: "Students and
 *                          courses with "other", "null", or "Post Grad" as their grade level will not
 *                          be processed"); matched as {@link UnprocessedGrades} says
 * @param schoolCourses     whether a Course belongs to its section's school rather than to the LEA
 */
public record RosterOptions(List<String> unprocessedGrades, boolean schoolCourses) {

    /** Seed 001's list: "other", "null", "Post Grad", and Clever's own PostGraduate. */
    public static final List<String> SEED_001_GRADES = List.of("Other", "null", "Post Grad", "PostGraduate");

    public RosterOptions {
        unprocessedGrades = List.copyOf(Objects.requireNonNull(unprocessedGrades, "unprocessedGrades"));
    }

    /** The configuration's defaults: seed 001's grades, courses in the LEA's catalogue. */
    public static RosterOptions defaults() {
        return new RosterOptions(SEED_001_GRADES, false);
    }
}
