package org.rollcall.clever;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * Per-district choices for reading a Clever drop.
 *
 * @param schoolIdColumn    the schools.csv column holding the numeric Ed-Fi schoolId (State_id, School_number or School_id)
 * @param studentIdColumn   the students.csv column that becomes the Ed-Fi studentUniqueId (Student_id, Student_number or State_id)
 * @param defaultEntryDate  the enrollment entry date: Clever's students.csv carries no start date
 * @param unprocessedGrades the Grade values whose students.csv rows are not processed (seed 001)
 * @param multiracial       what race M (Multiracial) becomes: {@code unmapped} (through the crosswalk, which
 *                          has no line for it, so it is counted under unmapped) or {@code omit} (dropped quietly)
 */
public record CleverOptions(String schoolIdColumn, String studentIdColumn, LocalDate defaultEntryDate,
                            UnprocessedGrades unprocessedGrades, String multiracial) {

    static final Set<String> SCHOOL_ID_COLUMNS = Set.of("State_id", "School_number", "School_id");
    static final Set<String> STUDENT_ID_COLUMNS = Set.of("Student_id", "Student_number", "State_id");
    public static final Set<String> MULTIRACIAL_POLICIES = Set.of("unmapped", "omit");

    public CleverOptions {
        if (!SCHOOL_ID_COLUMNS.contains(schoolIdColumn)) {
            throw new IllegalArgumentException("schoolIdColumn must be State_id, School_number or School_id, not "
                    + schoolIdColumn);
        }
        if (!STUDENT_ID_COLUMNS.contains(studentIdColumn)) {
            throw new IllegalArgumentException("studentIdColumn must be Student_id, Student_number or State_id, not "
                    + studentIdColumn);
        }
        Objects.requireNonNull(defaultEntryDate, "defaultEntryDate");
        Objects.requireNonNull(unprocessedGrades, "unprocessedGrades");
        if (!MULTIRACIAL_POLICIES.contains(multiracial)) {
            throw new IllegalArgumentException("multiracial must be unmapped or omit, not " + multiracial);
        }
    }

    /** The seed's unprocessed grades and race M left unmapped. */
    public CleverOptions(String schoolIdColumn, String studentIdColumn, LocalDate defaultEntryDate) {
        this(schoolIdColumn, studentIdColumn, defaultEntryDate, UnprocessedGrades.seedDefault(), "unmapped");
    }

    /** The configuration's defaults: the Ed-Fi schoolId from State_id, the studentUniqueId from Student_id. */
    public static CleverOptions defaults(LocalDate entry) {
        return new CleverOptions("State_id", "Student_id", entry);
    }

    /** Whether race M is dropped before mapping rather than counted as unmapped. */
    boolean omitsMultiracial() {
        return multiracial.equals("omit");
    }
}
