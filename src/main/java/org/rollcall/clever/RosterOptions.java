package org.rollcall.clever;

/**
 * Per-district choices for reading the rostering files (teachers.csv, sections.csv, staff.csv,
 * enrollments.csv). The grades whose sections are not processed (seed 001) are
 * {@link CleverOptions#unprocessedGrades()}, the same list as for students.
 *
 * @param schoolCourses whether a Course belongs to its section's school rather than to the LEA
 */
public record RosterOptions(boolean schoolCourses) {

    /** The configuration's default: courses in the LEA's catalogue. */
    public static RosterOptions defaults() {
        return new RosterOptions(false);
    }
}
