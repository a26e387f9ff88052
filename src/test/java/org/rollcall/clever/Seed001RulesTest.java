package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rollcall.clever.RosterDrops.section;
import static org.rollcall.clever.RosterDrops.teacher;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollcall.model.Section;
import org.rollcall.report.Problem;
import org.rollcall.report.Problem.Severity;

/**
 * Seed 001 (001_dd604ac86191a619.txt, "ANet Rostering with Clever: Information and Setup"), the two
 * rules it sets for the rostering files, each test named after its sentence.
 */
class Seed001RulesTest {

    static final String EMAIL_RULE = "seed 001: \"ANet cannot access periods for teachers missing unique email addresses."
            + " Please ensure that all teachers have unique school email addresses\"";
    static final String GRADE_RULE = "seed 001: \"Students and courses with \"other\", \"null\", or \"Post Grad\" as"
            + " their grade level will not be processed\"";

    @TempDir
    Path dir;

    private RosterDrops.Read read(List<Map<String, String>> teachers, List<Map<String, String>> sections)
            throws Exception {
        return RosterDrops.read(RosterDrops.drop(dir, teachers, sections, List.of()));
    }

    private static Map<String, String> withEmail(Map<String, String> row, String email) {
        row.put("Teacher_email", email);
        return row;
    }

    private static Map<String, String> withGrade(Map<String, String> row, String grade) {
        row.put("Grade", grade);
        return row;
    }

    @Test
    @DisplayName(EMAIL_RULE + ": a teacher with no email -> their sections are not processed, each reported with the teacher's row")
    void aTeacherWithoutAnEmailHasTheirSectionsLeftOut() throws Exception {
        RosterDrops.Read read = read(List.of(teacher("t-1", "sch-1"), withEmail(teacher("t-2", "sch-1"), "")),
                List.of(section("s-1", "sch-1", "t-1"), section("s-2", "sch-1", "t-2"), section("s-3", "sch-1", "t-2")));
        assertThat(read.roster().sections()).extracting(Section::sourceId).containsExactly("s-1");
        assertThat(read.roster().notProcessed()).containsExactlyInAnyOrder("s-2", "s-3");
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field)
                .containsExactly(tuple(Severity.ERROR, "sections.csv", 3L, "Teacher_id"),
                        tuple(Severity.ERROR, "sections.csv", 4L, "Teacher_id"));
        assertThat(read.problems().get(0).message()).isEqualTo("section 's-2' is not processed: its teacher "
                + "(teachers.csv line 3) has no school email address (Teacher_email is blank); seed 001: \"ANet cannot"
                + " access periods for teachers missing unique email addresses\"; record skipped");
        assertThat(read.staff("t-2").schools()).as("the teacher is still sent").hasSize(1);
    }

    @Test
    @DisplayName(EMAIL_RULE + ": two teachers sharing an email (in any case) -> neither's sections are processed; the address is never shown")
    void teachersSharingAnEmailHaveTheirSectionsLeftOut() throws Exception {
        RosterDrops.Read read = read(List.of(withEmail(teacher("t-1", "sch-1"), "Office@School.test.example"),
                        withEmail(teacher("t-2", "sch-1"), "office@school.test.example"), teacher("t-3", "sch-1")),
                List.of(section("s-1", "sch-1", "t-1"), section("s-2", "sch-1", "t-2"), section("s-3", "sch-1", "t-3")));
        assertThat(read.roster().sections()).extracting(Section::sourceId).containsExactly("s-3");
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field)
                .containsExactly(tuple(Severity.WARNING, "teachers.csv", 2L, "Teacher_email"),
                        tuple(Severity.WARNING, "teachers.csv", 3L, "Teacher_email"),
                        tuple(Severity.ERROR, "sections.csv", 2L, "Teacher_id"),
                        tuple(Severity.ERROR, "sections.csv", 3L, "Teacher_id"));
        assertThat(read.problems().get(2).message()).startsWith("section 's-1' is not processed: its teacher "
                + "(teachers.csv line 2) shares a school email address with the teacher on teachers.csv line 3;");
        assertThat(read.problems()).allSatisfy(p -> assertThat(p.message()).doesNotContainIgnoringCase("office@"));
        assertThat(read.staff("t-1").email()).as("a shared address identifies neither: dropped").isNull();
        assertThat(read.staff("t-3").email()).isEqualTo("t-3@staff.test.example");
    }

    @Test
    @DisplayName(EMAIL_RULE + ": one teacher in two schools with one email is unique")
    void oneTeacherInTwoSchoolsIsNotSharingTheirEmail() throws Exception {
        RosterDrops.Read read = read(List.of(teacher("t-1", "sch-1"), teacher("t-1", "sch-2")),
                List.of(section("s-1", "sch-1", "t-1"), section("s-2", "sch-2", "t-1")));
        assertThat(read.roster().sections()).hasSize(2);
        assertThat(read.problems()).isEmpty();
    }

    @Test
    @DisplayName(EMAIL_RULE + ": a co-teacher without a unique email is left off the section, which is processed")
    void aCoTeacherWithoutAUniqueEmailIsLeftOffTheSection() throws Exception {
        Map<String, String> s = section("s-1", "sch-1", "t-1");
        s.put("Teacher_2_id", "t-2");
        RosterDrops.Read read = read(List.of(teacher("t-1", "sch-1"), withEmail(teacher("t-2", "sch-1"), "")), List.of(s));
        assertThat(read.section("s-1").coTeacherIds()).isEmpty();
        assertThat(read.problems()).extracting(Problem::severity, Problem::field, Problem::message).containsExactly(
                tuple(Severity.WARNING, "Teacher_2_id", "this co-teacher (teachers.csv line 3) has no school email "
                        + "address (Teacher_email is blank), so is not associated with the section (seed 001); value dropped"));
    }

    @ParameterizedTest(name = "grade {0}")
    @ValueSource(strings = {"Other", "other", "null", "NULL", "Post Grad", "post-grad", "PostGrad", "PostGraduate", "PG"})
    @DisplayName(GRADE_RULE + ": a section with such a grade is not processed, and reported")
    void aSectionWithAnUnprocessedGradeIsLeftOut(String grade) throws Exception {
        RosterDrops.Read read = read(List.of(teacher("t-1", "sch-2")),
                List.of(withGrade(section("s-1", "sch-2", "t-1"), grade), withGrade(section("s-2", "sch-2", "t-1"), "12")));
        assertThat(read.roster().sections()).extracting(Section::sourceId).containsExactly("s-2");
        assertThat(read.roster().notProcessed()).containsExactly("s-1");
        assertThat(read.problems()).extracting(Problem::severity, Problem::line, Problem::field, Problem::message)
                .containsExactly(tuple(Severity.ERROR, 2L, "Grade", "section 's-1' is not processed: its Grade '" + grade
                        + "' is one seed 001 does not process (\"Students and courses with \"other\", \"null\", or"
                        + " \"Post Grad\" as their grade level will not be processed\"; clever.unprocessed-grades);"
                        + " record skipped"));
    }

    @Test
    @DisplayName(GRADE_RULE + ": the grades are per district (clever.unprocessed-grades)")
    void theUnprocessedGradesAreConfigured() throws Exception {
        List<Map<String, String>> sections = List.of(withGrade(section("s-1", "sch-2", "t-1"), "Other"),
                withGrade(section("s-2", "sch-2", "t-1"), "13"), withGrade(section("s-3", "sch-2", "t-1"), "Ungraded"));
        RosterDrops.drop(dir, List.of(teacher("t-1", "sch-2")), sections, List.of());
        CleverOptions onlyGrade13 = new CleverOptions("State_id", "Student_id", TestDrops.ENTRY,
                new UnprocessedGrades(List.of("13")), "unmapped");
        assertThat(RosterDrops.read(dir, onlyGrade13).roster().sections()).extracting(Section::sourceId)
                .containsExactly("s-1", "s-3");
        CleverOptions none = new CleverOptions("State_id", "Student_id", TestDrops.ENTRY,
                new UnprocessedGrades(List.of()), "unmapped");
        assertThat(RosterDrops.read(dir, none).roster().sections()).hasSize(3);
    }

    @Test
    void gradesMatchIgnoringCaseSpacesPunctuationAndBySpelling() {
        UnprocessedGrades seed = UnprocessedGrades.seedDefault();
        assertThat(List.of("Other", "OTHER", "null", "Post Grad", "post_grad", "PG", "pg", "PostGraduate"))
                .allMatch(g -> seed.match(g) != null);
        assertThat(List.of("12", "K", "Ungraded", "13", "Graduate", "nul")).allMatch(g -> seed.match(g) == null);
    }
}
