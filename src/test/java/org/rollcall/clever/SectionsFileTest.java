package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rollcall.clever.RosterDrops.section;
import static org.rollcall.clever.RosterDrops.teacher;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollcall.model.Course;
import org.rollcall.model.Section;
import org.rollcall.model.Term;
import org.rollcall.report.Problem;
import org.rollcall.report.Problem.Severity;

/** sections.csv: each section with its term, course and teachers; bad rows skipped, bad values dropped. */
class SectionsFileTest {

    @TempDir
    Path dir;

    private RosterDrops.Read read(List<Map<String, String>> sections) throws Exception {
        return RosterDrops.read(RosterDrops.drop(dir, List.of(teacher("t-1", "sch-1"), teacher("t-2", "sch-1"),
                teacher("t-3", "sch-2")), sections, List.of()));
    }

    @Test
    void aSectionRowMapsToTheCanonicalSectionWithItsTermAndCourse() throws Exception {
        Map<String, String> s = section("s-1", "sch-1", "t-1");
        s.put("Teacher_2_id", "t-2");
        s.put("Term_name", "Fall Semester");
        s.put("Term_start", "09/01/2026");
        s.put("Term_end", "2027-01-22");
        s.put("Course_description", "Numbers and operations");
        RosterDrops.Read read = read(List.of(s));
        Section section = read.section("s-1");
        assertThat(section.edfiSchoolId()).isEqualTo(867530001L);
        assertThat(section.name()).isEqualTo("Section s-1");
        assertThat(section.grade()).isEqualTo("3");
        assertThat(section.teacherId()).isEqualTo("t-1");
        assertThat(section.coTeacherIds()).containsExactly("t-2");
        assertThat(section.schoolYearStart()).isEqualTo(TestDrops.ENTRY);
        Term term = section.term();
        assertThat(term.name()).isEqualTo("Fall Semester");
        assertThat(term.termCode()).isEqualTo("Fall Semester");
        assertThat(term.beginDate()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(term.endDate()).isEqualTo(LocalDate.of(2027, 1, 22));
        assertThat(term.datesGiven()).isTrue();
        assertThat(term.schoolYear()).isEqualTo(2027);
        Course course = section.course();
        assertThat(course.code()).isEqualTo("MATH-3");
        assertThat(course.title()).isEqualTo("Mathematics 3");
        assertThat(course.subject()).isEqualTo("math");
        assertThat(course.description()).isEqualTo("Numbers and operations");
        assertThat(course.schoolCourse()).isFalse();
        assertThat(read.roster().terms()).containsExactly(term);
        assertThat(read.roster().courses()).containsExactly(course);
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void aSectionWithNoTermIsInTheSchoolYearSession() throws Exception {
        Term term = read(List.of(section("s-1", "sch-1", "t-1"))).section("s-1").term();
        assertThat(term.name()).isEqualTo("2026-2027");
        assertThat(term.termCode()).isEqualTo("Year");
        assertThat(term.beginDate()).isEqualTo(TestDrops.ENTRY);
        assertThat(term.endDate()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(term.datesGiven()).isFalse();
    }

    @Test
    void sectionsOfOneTermAndCourseShareThemAndADifferingLaterOneIsWarned() throws Exception {
        Map<String, String> a = section("s-1", "sch-1", "t-1");
        a.put("Term_name", "Q1");
        a.put("Term_start", "09/01/2026");
        a.put("Term_end", "11/06/2026");
        Map<String, String> b = section("s-2", "sch-1", "t-2");
        b.putAll(Map.of("Term_name", "Q1", "Term_start", "09/02/2026", "Term_end", "11/06/2026",
                "Course_name", "Math Three"));
        RosterDrops.Read read = read(List.of(a, b));
        assertThat(read.section("s-2").term()).isSameAs(read.section("s-1").term());
        assertThat(read.section("s-2").course()).isSameAs(read.section("s-1").course());
        assertThat(read.roster().terms()).hasSize(1);
        assertThat(read.roster().courses()).hasSize(1);
        assertThat(read.problems()).extracting(Problem::severity, Problem::line, Problem::field, Problem::message)
                .containsExactly(
                        tuple(Severity.WARNING, 3L, "Term_start",
                                "this school's term 'Q1' has other dates on line 2; those are used; value dropped"),
                        tuple(Severity.WARNING, 3L, "Course_number", "course 'MATH-3' has another name, subject or "
                                + "description on line 2; those are used; value dropped"));
    }

    @Test
    void aCourseNumberInTwoSchoolsIsOneLeaCourseOrOnePerSchoolAsConfigured() throws Exception {
        List<Map<String, String>> rows = List.of(section("s-1", "sch-1", "t-1"), section("s-2", "sch-2", "t-3"));
        assertThat(read(rows).roster().courses()).hasSize(1);
        CleverOptions bySchool = new CleverOptions("State_id", "Student_id", TestDrops.ENTRY,
                UnprocessedGrades.seedDefault(), "unmapped", new RosterOptions(true));
        RosterDrops.Read read = RosterDrops.read(dir, bySchool);
        assertThat(read.roster().courses()).extracting(Course::educationOrganizationId, Course::schoolCourse)
                .containsExactly(tuple(867530001L, true), tuple(867530003L, true));
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "MATH-3, Mathematics 3, MATH-3",
            "-, Mathematics 3, Mathematics 3",
            "-, -, s-1"})
    void theCourseCodeIsTheCourseNumberElseTheCourseNameElseTheSectionId(String number, String name, String code)
            throws Exception {
        Map<String, String> s = section("s-1", "sch-1", "t-1");
        s.put("Course_number", number == null ? "" : number);
        s.put("Course_name", name == null ? "" : name);
        Course c = read(List.of(s)).section("s-1").course();
        assertThat(c.code()).isEqualTo(code);
        assertThat(c.title()).isEqualTo(name != null ? name : "Section s-1");
    }

    @Test
    void aCourseCodeLongerThanEdFiAllowsKeepsItsStartAndAHash() {
        String a = "A".repeat(70);
        String b = "A".repeat(69) + "B";
        assertThat(CourseCodes.fit(a, 60)).hasSize(60).startsWith("A".repeat(51) + "~");
        assertThat(CourseCodes.fit(a, 60)).isNotEqualTo(CourseCodes.fit(b, 60));
        assertThat(CourseCodes.fit("short", 60)).isEqualTo("short");
    }

    @ParameterizedTest
    @ValueSource(strings = {"School_id", "Section_id", "Teacher_id"})
    void aBlankRequiredValueSkipsTheSection(String column) throws Exception {
        Map<String, String> bad = section("s-2", "sch-1", "t-1");
        bad.put(column, "");
        RosterDrops.Read read = read(List.of(section("s-1", "sch-1", "t-1"), bad));
        assertThat(read.roster().sections()).extracting(Section::sourceId).containsExactly("s-1");
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field,
                Problem::message).containsExactly(tuple(Severity.ERROR, "sections.csv", 3L, column,
                "required value is blank; record skipped"));
        assertThat(read.roster().notProcessed()).isEqualTo(column.equals("Section_id") ? java.util.Set.of()
                : java.util.Set.of("s-2"));
    }

    @Test
    void anUnknownSchoolOrTeacherSkipsTheSection() throws Exception {
        RosterDrops.Read read = read(List.of(section("s-1", "sch-9", "t-1"), section("s-2", "sch-1", "t-9")));
        assertThat(read.roster().sections()).isEmpty();
        assertThat(read.roster().notProcessed()).containsExactlyInAnyOrder("s-1", "s-2");
        assertThat(read.problems()).extracting(Problem::describe).containsExactly(
                "sections.csv line 2, field School_id: School_id 'sch-9' is not a school read from schools.csv; record skipped",
                "sections.csv line 3, field Teacher_id: Teacher_id 't-9' is not a teacher read from teachers.csv; record skipped");
    }

    @Test
    void aDuplicateSectionIdIsAnErrorAndTheFirstRowStands() throws Exception {
        RosterDrops.Read read = read(List.of(section("s-1", "sch-1", "t-1"), section("s-1", "sch-1", "t-2")));
        assertThat(read.section("s-1").teacherId()).isEqualTo("t-1");
        assertThat(read.roster().notProcessed()).isEmpty();
        assertThat(read.problems()).extracting(Problem::describe).containsExactly(
                "sections.csv line 3, field Section_id: Section_id 's-1' already appears on line 2; record skipped");
    }

    @Test
    void aSubjectCleverDoesNotHaveIsDroppedWithAWarningAndTheSectionGoesOn() throws Exception {
        Map<String, String> s = section("s-1", "sch-1", "t-1");
        s.put("Subject", "Study Hall");
        Map<String, String> caseless = section("s-2", "sch-1", "t-1");
        caseless.put("Course_number", "PE-3");
        caseless.put("Subject", "pe AND health");
        RosterDrops.Read read = read(List.of(s, caseless));
        assertThat(read.section("s-1").course().subject()).isNull();
        assertThat(read.section("s-2").course().subject()).isEqualTo("PE and health");
        assertThat(read.problems()).extracting(Problem::severity, Problem::line, Problem::field)
                .containsExactly(tuple(Severity.WARNING, 2L, "Subject"));
        assertThat(read.problems().get(0).message()).startsWith("unsupported value (value not shown) (supported: "
                + "english/language arts, math,").endsWith("; value dropped");
    }

    @ParameterizedTest
    @CsvSource({"13/01/2026, Term_start", "2026-02-30, Term_start", "soon, Term_start"})
    void aBadTermDateIsDroppedAndTheTermGetsTheSchoolYearsDates(String bad, String field) throws Exception {
        Map<String, String> s = section("s-1", "sch-1", "t-1");
        s.putAll(Map.of("Term_name", "Fall", "Term_start", bad, "Term_end", "01/22/2027"));
        RosterDrops.Read read = read(List.of(s));
        Term t = read.section("s-1").term();
        assertThat(t.beginDate()).isEqualTo(TestDrops.ENTRY);
        assertThat(t.endDate()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(t.datesGiven()).isFalse();
        assertThat(read.problems()).extracting(Problem::severity, Problem::field, Problem::message).containsExactly(
                tuple(Severity.WARNING, field, "not a date in MM/DD/YYYY or YYYY-MM-DD; value dropped"),
                tuple(Severity.WARNING, "Term_end", "Term_start is missing, so the term gets the school year's dates;"
                        + " value dropped"));
    }

    @Test
    void termDatesInEitherFormAreRead() throws Exception {
        Map<String, String> a = section("s-1", "sch-1", "t-1");
        a.putAll(Map.of("Term_name", "S1", "Term_start", "9/1/2026", "Term_end", "2027-01-22"));
        Term t = read(List.of(a)).section("s-1").term();
        assertThat(t.beginDate()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(t.endDate()).isEqualTo(LocalDate.of(2027, 1, 22));
    }

    @Test
    void aTermEndingBeforeItStartsGetsTheSchoolYearsDates() throws Exception {
        Map<String, String> s = section("s-1", "sch-1", "t-1");
        s.putAll(Map.of("Term_name", "Fall", "Term_start", "01/22/2027", "Term_end", "09/01/2026"));
        RosterDrops.Read read = read(List.of(s));
        assertThat(read.section("s-1").term().datesGiven()).isFalse();
        assertThat(read.problems()).extracting(Problem::field, Problem::message).containsExactly(tuple("Term_end",
                "Term_end is before Term_start: the term gets the school year's dates; value dropped"));
    }

    @Test
    void anUnnamedTermWithDatesIsNamedByThem() throws Exception {
        Map<String, String> s = section("s-1", "sch-1", "t-1");
        s.putAll(Map.of("Term_start", "2026-09-01", "Term_end", "2027-01-22"));
        Term t = read(List.of(s)).section("s-1").term();
        assertThat(t.name()).isEqualTo("2026-09-01 to 2027-01-22");
        assertThat(t.datesGiven()).isTrue();
    }

    @Test
    void gradesAreNormalisedAndAnUnknownOneIsDroppedWithAWarning() throws Exception {
        Map<String, String> kg = section("s-1", "sch-1", "t-1");
        kg.put("Grade", "KG");
        Map<String, String> padded = section("s-2", "sch-1", "t-1");
        padded.put("Grade", "03");
        Map<String, String> bad = section("s-3", "sch-1", "t-1");
        bad.put("Grade", "14");
        RosterDrops.Read read = read(List.of(kg, padded, bad));
        assertThat(read.roster().sections()).extracting(Section::grade).containsExactly("Kindergarten", "3", null);
        assertThat(read.problems()).extracting(Problem::line, Problem::field, Problem::message)
                .containsExactly(tuple(4L, "Grade", "unsupported grade '14'; value dropped"));
    }

    @Test
    void coTeachersAreReadFromTeacher2OnAndAnUnknownOneIsDroppedWithAWarning() throws Exception {
        Map<String, String> s = section("s-1", "sch-1", "t-1");
        s.put("Teacher_2_id", "t-9");
        s.put("Teacher_3_id", "t-2");
        s.put("Teacher_4_id", "t-1");
        RosterDrops.drop(dir, List.of(teacher("t-1", "sch-1"), teacher("t-2", "sch-1")), List.of(s), List.of());
        List<String> header = new ArrayList<>(RosterDrops.SECTION_HEADER);
        header.addAll(List.of("Teacher_3_id", "Teacher_4_id"));
        RosterDrops.write(dir.resolve("sections.csv"), header, List.of(s));
        RosterDrops.Read read = RosterDrops.read(dir);
        assertThat(read.section("s-1").coTeacherIds()).as("the teacher of record is not their own co-teacher")
                .containsExactly("t-2");
        assertThat(read.problems()).extracting(Problem::severity, Problem::field, Problem::message).containsExactly(
                tuple(Severity.WARNING, "Teacher_2_id", "Teacher_2_id 't-9' is not a teacher read from teachers.csv;"
                        + " value dropped"));
    }

    @Test
    void aTeacherTeachingInASchoolTheirRowsDoNotNameIsAssociatedWithItAndTheirSectionsGrades() throws Exception {
        Map<String, String> hs = section("s-1", "sch-2", "t-1");
        hs.put("Grade", "10");
        Map<String, String> es = section("s-2", "sch-1", "t-1");
        es.put("Grade", "K");
        RosterDrops.Read read = read(List.of(hs, es));
        assertThat(read.staff("t-1").schools()).extracting(a -> a.schoolSourceId(), a -> a.gradeLevels())
                .containsExactly(tuple("sch-1", List.of("Kindergarten")), tuple("sch-2", List.of("10")));
        assertThat(read.staff("t-1").schools().get(1).lineage().toString()).isEqualTo("sections.csv:2");
    }
}
