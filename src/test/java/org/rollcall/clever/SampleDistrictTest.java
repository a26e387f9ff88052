package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.model.Program;
import org.rollcall.model.School;
import org.rollcall.model.Student;
import org.rollcall.report.Problem;
import org.rollcall.report.Problem.Severity;

/** samples/clever, the demo district every README reader runs first. */
class SampleDistrictTest {

    static final Path SAMPLES = Path.of("samples/clever");

    static TestDrops.Read read;
    static Map<String, Set<String>> raw;

    @BeforeAll
    static void readSamples() throws Exception {
        read = TestDrops.read(SAMPLES);
        raw = rawValues(SAMPLES.resolve("students.csv"));
    }

    /** Every value each students.csv column holds, as written. */
    private static Map<String, Set<String>> rawValues(Path file) throws IOException {
        Map<String, Set<String>> values = new HashMap<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(file)) {
            for (NamedCsvRecord r : csv) {
                r.getFieldsAsMap().forEach((k, v) -> values.computeIfAbsent(k, x -> new HashSet<>()).add(v));
            }
        }
        return values;
    }

    @Test
    @DisplayName("the sample gives exactly its four deliberate problems: Gender Q, a blank First_name, "
            + "an unknown School_id, an enrollment of an unknown Student_id")
    void exactlyTheExpectedProblems() {
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field)
                .containsExactly(
                        tuple(Severity.WARNING, "students.csv", 62L, "Gender"),
                        tuple(Severity.ERROR, "students.csv", 122L, "First_name"),
                        tuple(Severity.ERROR, "students.csv", 182L, "School_id"),
                        tuple(Severity.ERROR, "enrollments.csv", 254L, "Student_id"));
        assertThat(read.problems()).extracting(Problem::describe).containsExactly(
                "students.csv line 62, field Gender: unsupported value 'Q' (supported: M, F, X); value dropped",
                "students.csv line 122, field First_name: required value is blank; record skipped",
                "students.csv line 182, field School_id: School_id 'rdd-annex' is not a school read from schools.csv;"
                        + " record skipped",
                "enrollments.csv line 254, field Student_id: Student_id is not a student read from students.csv;"
                        + " record skipped");
    }

    @Test
    void threeSchoolsAndAllButTwoOfThe240Students() {
        assertThat(read.schools().values()).extracting(School::sourceId, School::edfiSchoolId, School::gradeLevels)
                .containsExactly(
                        tuple("rdd-es", 867530001L, List.of("Kindergarten", "1", "2", "3", "4", "5")),
                        tuple("rdd-ms", 867530002L, List.of("6", "7", "8")),
                        tuple("rdd-hs", 867530003L, List.of("9", "10", "11", "12")));
        assertThat(read.students()).hasSize(238);
        assertThat(read.students()).allSatisfy(s -> {
            assertThat(s.birthDate()).as("every sample student has a birth date").isNotNull();
            assertThat(s.grade()).isNotNull();
            assertThat(s.enrollments()).singleElement().satisfies(e -> assertThat(e.edfiSchoolId()).isNotNull());
        });
        assertThat(read.drop().sectionEnrollments()).isEqualTo(728);
    }

    @Test
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"the demographic fields available through Clever and the"
            + " corresponding supported values\": every one appears among the sample's valid students")
    void everySeedValueIsPresent() {
        List<Student> students = read.students();
        assertThat(students).extracting(Student::gender).contains("M", "F", "X");
        assertThat(students).flatExtracting(Student::races).contains("A", "B", "I", "M", "P", "W");
        assertThat(students).extracting(Student::hispanicLatino).contains(true, false);
        assertThat(students).extracting(Student::homeLanguage)
                .containsAll(SeedDemographics.HOME_LANGUAGE.values());
        assertThat(students).extracting(s -> s.program(Program.ENGLISH_LEARNER)).contains("Y", "N");
        assertThat(students).extracting(s -> s.program(Program.FREE_REDUCED_LUNCH)).contains("F", "R", "N");
        assertThat(students).extracting(s -> s.program(Program.IEP)).contains("Y", "N");
    }

    @Test
    void theSampleShowsTheSpellingsRealDropsUse() {
        assertThat(raw.get("Grade")).contains("K", "KG", "1", "01");
        assertThat(raw.get("DOB")).anyMatch(d -> d.matches("\\d\\d/\\d\\d/\\d{4}"))
                .anyMatch(d -> d.matches("\\d/\\d{1,2}/\\d{4}"))
                .anyMatch(d -> d.matches("\\d{4}-\\d\\d-\\d\\d"));
        assertThat(raw.get("First_name")).contains("José", "Zoë");
        assertThat(raw.get("Last_name")).contains("Nguyễn");
        assertThat(raw.get("Student_street")).anyMatch(s -> s.contains(","));
        assertThat(read.students()).extracting(s -> s.legalName().first()).contains("José", "Zoë");
    }

    static final List<String> FILES = List.of("schools.csv", "students.csv", "enrollments.csv", "teachers.csv",
            "sections.csv", "staff.csv");

    @Test
    @DisplayName("the sample's rostering files give exactly their deliberate problems, seed 001's among them")
    void theRosterGivesExactlyItsDeliberateProblems(@TempDir Path dir) throws Exception {
        RosterDrops.Read roster = RosterDrops.read(SAMPLES);
        List<Problem> rostering = roster.problems().stream().filter(p -> !p.file().equals("students.csv")).toList();
        assertThat(rostering).extracting(Problem::severity, Problem::file, Problem::line, Problem::field)
                .containsExactly(
                        tuple(Severity.WARNING, "teachers.csv", 9L, "Teacher_email"),
                        tuple(Severity.WARNING, "teachers.csv", 10L, "Teacher_email"),
                        tuple(Severity.ERROR, "sections.csv", 10L, "Teacher_id"),
                        tuple(Severity.ERROR, "sections.csv", 11L, "Teacher_id"),
                        tuple(Severity.ERROR, "sections.csv", 16L, "Teacher_id"),
                        tuple(Severity.ERROR, "sections.csv", 17L, "Teacher_id"),
                        tuple(Severity.ERROR, "sections.csv", 18L, "Teacher_id"),
                        tuple(Severity.ERROR, "sections.csv", 19L, "Teacher_id"),
                        tuple(Severity.ERROR, "sections.csv", 149L, "Grade"),
                        tuple(Severity.WARNING, "sections.csv", 150L, "Subject"),
                        tuple(Severity.ERROR, "sections.csv", 151L, "Section_id"),
                        tuple(Severity.ERROR, "enrollments.csv", 254L, "Student_id"),
                        tuple(Severity.ERROR, "enrollments.csv", 4L, "Section_id"),
                        tuple(Severity.ERROR, "enrollments.csv", 5L, "Section_id"),
                        tuple(Severity.ERROR, "enrollments.csv", 6L, "Section_id"),
                        tuple(Severity.ERROR, "enrollments.csv", 7L, "Section_id"),
                        tuple(Severity.ERROR, "enrollments.csv", 106L, "Section_id"),
                        tuple(Severity.ERROR, "enrollments.csv", 107L, "Section_id"),
                        tuple(Severity.ERROR, "enrollments.csv", 530L, "Section_id"));
        CleverDistrictGenerator.RosterLayout layout = CleverDistrictGenerator.generate(dir,
                CleverDistrictGenerator.SAMPLE_STUDENTS).roster();
        assertThat(layout.blankEmailTeacherLine()).isEqualTo(6);
        assertThat(layout.sharedEmailTeacherLines()).containsExactly(9L, 10L);
        assertThat(List.of(layout.postGradSectionLine(), layout.unsupportedSubjectSectionLine(),
                layout.duplicateSectionLine())).containsExactly(149L, 150L, 151L);
        assertThat(roster.roster().notProcessed()).containsExactlyInAnyOrderElementsOf(layout.notProcessedSections());
        assertThat(roster.roster().sections()).hasSize(layout.sectionRows() - 1 - layout.notProcessedSections().size());
        assertThat(roster.roster().staff()).hasSize(57);
        assertThat(roster.roster().terms()).extracting(t -> t.schoolSourceId() + " " + t.name()).containsExactly(
                "rdd-es 2026-2027", "rdd-ms Full Year", "rdd-hs Fall Semester", "rdd-hs Spring Semester");
        assertThat(roster.enrollments()).hasSize(728 - 41);
    }

    @Test
    void theSampleIsWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
        CleverDistrictGenerator.Layout layout = CleverDistrictGenerator.generate(dir, CleverDistrictGenerator.SAMPLE_STUDENTS);
        for (String f : FILES) {
            assertThat(Files.mismatch(dir.resolve(f), SAMPLES.resolve(f))).as(f + " differs from the generator's").isEqualTo(-1);
        }
        assertThat(List.of(layout.genderWarningLine(), layout.blankFirstNameLine(), layout.unknownSchoolLine(),
                layout.unknownStudentEnrollmentLine())).containsExactly(62L, 122L, 182L, 254L);
        assertThat(layout.enrollmentRows()).isEqualTo(729);
    }

    @Test
    void theSampleIsDocumented() throws IOException {
        String readme = Files.readString(Path.of("samples/README.md"));
        assertThat(readme).contains("synthetic").contains("CleverDistrictGenerator").contains("867530");
    }

    @Test
    void noSampleFileHasABomOrCarriageReturns() throws IOException {
        List<String> bad = new ArrayList<>();
        for (String f : FILES) {
            byte[] bytes = Files.readAllBytes(SAMPLES.resolve(f));
            if (bytes[0] == (byte) 0xEF || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("\r")) {
                bad.add(f);
            }
            assertThat(read.drop().encoding(f)).isEqualTo("UTF-8");
        }
        assertThat(bad).isEmpty();
    }
}
