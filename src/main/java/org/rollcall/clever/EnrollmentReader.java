package org.rollcall.clever;

import static org.rollcall.clever.EnrollmentColumns.SCHOOL_ID;
import static org.rollcall.clever.EnrollmentColumns.STUDENT_ID;

import java.util.Map;
import java.util.function.Predicate;
import org.rollcall.model.School;
import org.rollcall.report.ProblemSink;

/**
 * enrollments.csv: one student in one section. Sections are not read yet, so for now each row's
 * student and school are checked against what was read and the good rows counted.
 */
final class EnrollmentReader {

    /** What a pass over enrollments.csv found. */
    record Counts(long valid, long skipped) {
    }

    private final CleverCsvFile file;

    EnrollmentReader(CleverCsvFile file) {
        this.file = file;
    }

    Counts read(Predicate<String> knownStudent, Map<String, School> schools, ProblemSink problems) {
        long[] valid = {0};
        long[] invalid = {0};
        long misshapen = file.forEachRow(problems, row -> {
            if (isValid(row, knownStudent, schools)) {
                valid[0]++;
            } else {
                invalid[0]++;
            }
        });
        return new Counts(valid[0], invalid[0] + misshapen);
    }

    private static boolean isValid(CleverRow row, Predicate<String> knownStudent, Map<String, School> schools) {
        if (!row.hasAll(EnrollmentColumns.REQUIRED)) {
            return false;
        }
        String schoolId = row.get(SCHOOL_ID);
        if (!schools.containsKey(schoolId)) {
            row.error(SCHOOL_ID, "School_id " + MessageValues.schoolIdentifier(schoolId)
                    + " is not a school read from schools.csv");
            return false;
        }
        if (!knownStudent.test(row.get(STUDENT_ID))) {
            row.error(STUDENT_ID, "Student_id is not a student read from students.csv");
            return false;
        }
        return true;
    }
}
