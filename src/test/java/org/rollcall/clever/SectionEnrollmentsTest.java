package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rollcall.clever.RosterDrops.enrollment;
import static org.rollcall.clever.RosterDrops.section;
import static org.rollcall.clever.RosterDrops.teacher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.model.SectionEnrollment;
import org.rollcall.report.FileCounts;
import org.rollcall.report.Problem;
import org.rollcall.report.Problem.Severity;

/** enrollments.csv with sections.csv in the drop: each row joins a student to a section read. */
class SectionEnrollmentsTest {

    @TempDir
    Path dir;

    private Path drop(List<Map<String, String>> enrollments) {
        Map<String, String> noEmail = teacher("t-2", "sch-1");
        noEmail.put("Teacher_email", "");
        return RosterDrops.drop(dir, List.of(teacher("t-1", "sch-1"), noEmail, teacher("t-3", "sch-2")),
                List.of(section("s-1", "sch-1", "t-1"), section("s-2", "sch-1", "t-2"), section("s-3", "sch-2", "t-3")),
                enrollments);
    }

    @Test
    void eachGoodRowBecomesASectionEnrollment() throws Exception {
        RosterDrops.Read read = RosterDrops.read(drop(List.of(enrollment("sch-1", "s-1", "1001"),
                enrollment("sch-1", "s-1", "1002"), enrollment("sch-2", "s-3", "1003"))));
        assertThat(read.enrollments()).extracting(e -> e.section().sourceId(), SectionEnrollment::studentUniqueId,
                e -> e.lineage().toString()).containsExactly(tuple("s-1", "1001", "enrollments.csv:2"),
                tuple("s-1", "1002", "enrollments.csv:3"), tuple("s-3", "1003", "enrollments.csv:4"));
        assertThat(read.problems("enrollments.csv")).isEmpty();
        assertThat(read.drop().sectionEnrollments()).isEqualTo(3);
    }

    @Test
    void theStudentUniqueIdComesFromTheConfiguredColumn() throws Exception {
        drop(List.of(enrollment("sch-1", "s-1", "1001")));
        RosterDrops.Read read = RosterDrops.read(dir, new CleverOptions("State_id", "Student_number", TestDrops.ENTRY));
        assertThat(read.enrollments()).extracting(SectionEnrollment::studentUniqueId).containsExactly("5001");
    }

    @Test
    void anUnknownSectionOrStudentOrSchoolIsAnErrorAndTheRecordIsSkipped() throws Exception {
        RosterDrops.Read read = RosterDrops.read(drop(List.of(enrollment("sch-1", "s-9", "1001"),
                enrollment("sch-1", "s-1", "9999"), enrollment("sch-7", "s-1", "1001"),
                enrollment("sch-2", "s-1", "1003"), enrollment("sch-1", "s-1", "1001"))));
        assertThat(read.enrollments()).hasSize(1);
        assertThat(read.problems("enrollments.csv")).extracting(Problem::severity, Problem::line, Problem::field, Problem::message)
                .containsExactly(
                        tuple(Severity.ERROR, 2L, "Section_id", "Section_id 's-9' is not a section read from sections.csv;"
                                + " record skipped"),
                        tuple(Severity.ERROR, 3L, "Student_id", "Student_id is not a student read from students.csv;"
                                + " record skipped"),
                        tuple(Severity.ERROR, 4L, "School_id", "School_id 'sch-7' is not a school read from schools.csv;"
                                + " record skipped"),
                        tuple(Severity.ERROR, 5L, "School_id", "School_id 'sch-2' is not the school of section 's-1'"
                                + " (sections.csv line 2); record skipped"));
        assertThat(read.drop().sectionEnrollments()).isEqualTo(1);
    }

    @Test
    @DisplayName("the processing report counts the rostering files as read: a section not processed (seed 001) and its"
            + " enrollments, reported once, are rejected rows")
    void theRosteringFilesAreCountedForTheProcessingReport() throws Exception {
        drop(List.of(enrollment("sch-1", "s-2", "1001"), enrollment("sch-1", "s-1", "1001"),
                enrollment("sch-1", "s-2", "1002"), enrollment("sch-1", "s-1", "9999")));
        FileCounts counts = new FileCounts();
        RosterDrops.read(dir, TestDrops.OPTIONS, counts);
        assertThat(counts.files()).extracting(FileCounts.FileRows::file, FileCounts.FileRows::streamed,
                        FileCounts.FileRows::read, FileCounts.FileRows::accepted, FileCounts.FileRows::rejected)
                .contains(tuple("teachers.csv", true, 3L, 3L, 0L),
                        tuple("sections.csv", true, 3L, 2L, 1L),
                        tuple("enrollments.csv", true, 4L, 1L, 3L));
    }

    @Test
    void rowsOfASectionNotProcessedAreReportedOncePerSection() throws Exception {
        RosterDrops.Read read = RosterDrops.read(drop(List.of(enrollment("sch-1", "s-2", "1001"),
                enrollment("sch-1", "s-1", "1001"), enrollment("sch-1", "s-2", "1002"))));
        assertThat(read.enrollments()).extracting(e -> e.section().sourceId()).containsExactly("s-1");
        assertThat(read.problems("enrollments.csv")).extracting(Problem::severity, Problem::line, Problem::field,
                Problem::message).containsExactly(tuple(Severity.ERROR, 2L, "Section_id", "2 section enrollments of "
                + "section 's-2' (sections.csv line 3) not processed, because the section is not; records skipped"));
        assertThat(read.drop().sectionEnrollments()).isEqualTo(1);
    }

    @Test
    void aBlankRequiredValueSkipsTheRow() throws Exception {
        RosterDrops.Read read = RosterDrops.read(drop(List.of(enrollment("sch-1", "", "1001"))));
        assertThat(read.enrollments()).isEmpty();
        assertThat(read.problems("enrollments.csv")).extracting(Problem::field, Problem::message)
                .containsExactly(tuple("Section_id", "required value is blank; record skipped"));
    }
}
