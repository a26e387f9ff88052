package org.rollcall.clever;

import static org.rollcall.clever.EnrollmentColumns.SCHOOL_ID;
import static org.rollcall.clever.EnrollmentColumns.SECTION_ID;
import static org.rollcall.clever.EnrollmentColumns.STUDENT_ID;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.rollcall.model.Lineage;
import org.rollcall.model.School;
import org.rollcall.model.Section;
import org.rollcall.model.SectionEnrollment;
import org.rollcall.report.Problem;
import org.rollcall.report.ProblemSink;

/**
 * enrollments.csv: one student in one section, streamed (a district of 100,000 students has a
 * million rows). Each row's school and student are checked against what was read; with sections.csv
 * in the drop its section must be one read from there, of the same school, and each good row becomes
 * a {@link SectionEnrollment}. Rows of a section that was not processed (its own problem is reported
 * on sections.csv) are counted per section and reported once each. Without sections.csv, rows are
 * checked and counted only.
 */
final class EnrollmentReader {

    /** What a pass over enrollments.csv found. */
    record Counts(long valid, long skipped) {
    }

    /** Rows of one section that was not processed: how many, and the first. */
    private static final class Held {
        final long firstLine;
        long rows;

        Held(long firstLine) {
            this.firstLine = firstLine;
        }
    }

    private final CleverCsvFile file;

    EnrollmentReader(CleverCsvFile file) {
        this.file = file;
    }

    /**
     * @param studentUniqueId the Ed-Fi studentUniqueId of a Clever Student_id read from students.csv, or
     *                        null for one that was not
     */
    Counts read(Function<String, String> studentUniqueId, Map<String, School> schools, CleverRoster roster,
                Consumer<SectionEnrollment> sink, ProblemSink problems) {
        long[] valid = {0};
        long[] invalid = {0};
        Map<String, Held> held = new LinkedHashMap<>();
        long misshapen = file.forEachRow(problems, row -> {
            SectionEnrollment e = enrollment(row, studentUniqueId, schools, roster, held);
            if (e != null) {
                valid[0]++;
                if (e.section() != null) {
                    sink.accept(e);
                }
            } else {
                invalid[0]++;
            }
        });
        held.forEach((sectionId, h) -> problems.report(Problem.error(file.fileName(), h.firstLine,
                file.header().nameOf(SECTION_ID), h.rows + (h.rows == 1 ? " section enrollment" : " section enrollments")
                        + " of section " + MessageValues.rosterIdentifier(sectionId) + " (sections.csv line "
                        + roster.notProcessedLine(sectionId) + ") not processed, because the section is not; "
                        + (h.rows == 1 ? "record" : "records") + " skipped")));
        return new Counts(valid[0], invalid[0] + misshapen);
    }

    /** The row's enrollment (without a section when the drop has no sections.csv), or null when it is skipped. */
    private static SectionEnrollment enrollment(CleverRow row, Function<String, String> studentUniqueId,
                                                Map<String, School> schools, CleverRoster roster,
                                                Map<String, Held> held) {
        if (!row.hasAll(EnrollmentColumns.REQUIRED)) {
            return null;
        }
        if (row.school(SCHOOL_ID, schools) == null) {
            return null;
        }
        String schoolId = row.get(SCHOOL_ID);
        String uniqueId = studentUniqueId.apply(row.get(STUDENT_ID));
        if (uniqueId == null) {
            row.error(STUDENT_ID, "Student_id is not a student read from students.csv");
            return null;
        }
        Lineage lineage = Lineage.of(row.fileName(), row.line());
        if (!roster.hasSections()) {
            return new SectionEnrollment(null, uniqueId, lineage);
        }
        String sectionId = row.get(SECTION_ID);
        Section section = roster.section(sectionId);
        if (section == null) {
            if (roster.notProcessedLine(sectionId) != null) {
                held.computeIfAbsent(sectionId, k -> new Held(row.line())).rows++;
                row.rejectReportedOnce();
            } else {
                row.error(SECTION_ID, "Section_id " + MessageValues.rosterIdentifier(sectionId)
                        + " is not a section read from sections.csv");
            }
            return null;
        }
        if (!section.schoolSourceId().equals(schoolId)) {
            row.error(SCHOOL_ID, "School_id " + MessageValues.schoolIdentifier(schoolId) + " is not the school of"
                    + " section " + MessageValues.rosterIdentifier(sectionId) + " (sections.csv line "
                    + section.lineage().line() + ")");
            return null;
        }
        return new SectionEnrollment(section, uniqueId, lineage);
    }
}
