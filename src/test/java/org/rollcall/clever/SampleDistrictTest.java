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
import org.rollcall.model.StudentContact;
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
    @DisplayName("the sample gives exactly its seven deliberate problems: Gender Q, a blank First_name, "
            + "an unknown School_id, an enrollment of an unknown Student_id, and in students_ext.csv an unsupported "
            + "value, a repeated sis_id and a sis_id students.csv does not have")
    void exactlyTheExpectedProblems() {
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field)
                .containsExactly(
                        tuple(Severity.WARNING, "students_ext.csv", 50L, "ext.migrant_status"),
                        tuple(Severity.ERROR, "students_ext.csv", 165L, "sis_id"),
                        tuple(Severity.WARNING, "students.csv", 74L, "Gender"),
                        tuple(Severity.ERROR, "students.csv", 146L, "First_name"),
                        tuple(Severity.ERROR, "students.csv", 218L, "School_id"),
                        tuple(Severity.ERROR, "students_ext.csv", 83L, "sis_id"),
                        tuple(Severity.ERROR, "enrollments.csv", 254L, "Student_id"));
        assertThat(read.problems()).extracting(Problem::describe).containsExactly(
                "students_ext.csv line 50, field ext.migrant_status: unsupported value (value not shown) (supported: "
                        + "Yes, No (also Y, N), or null when it does not apply); value dropped",
                "students_ext.csv line 165, field sis_id: sis_id is also on line 163 (the first one stands); "
                        + "record skipped",
                "students.csv line 74, field Gender: unsupported value 'Q' (supported: M, F, X); value dropped",
                "students.csv line 146, field First_name: required value is blank; record skipped",
                "students.csv line 218, field School_id: School_id 'rdd-annex' is not a school read from schools.csv;"
                        + " record skipped",
                "students_ext.csv line 83, field sis_id: sis_id is not a Student_id in students.csv; record skipped",
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
        // 288 rows: 240 students, 48 of them with a second contact on a repeated row; two rows are skipped
        assertThat(read.students()).hasSize(286);
        assertThat(read.students().stream().map(Student::sourceId).distinct()).hasSize(238);
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
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"a valid Common Education Data Standards (CEDS) demographic option,"
            + " or null\": every extension value appears, through students_ext.csv, in each accepted spelling")
    void everyExtensionValueIsPresent() throws IOException {
        List<Student> students = read.students();
        for (Program p : List.of(Program.IDEA, Program.DISABILITY, Program.SECTION_504, Program.ECONOMIC_DISADVANTAGE,
                Program.MIGRANT, Program.TITLE_I)) {
            assertThat(students).extracting(s -> s.program(p)).as(p.name()).contains("Yes", "No");
        }
        assertThat(students).extracting(s -> s.program(Program.PRIMARY_DISABILITY_TYPE)).containsAll(
                SeedDemographics.PRIMARY_DISABILITY_TYPE.values());
        Map<String, Set<String>> ext = rawValues(SAMPLES.resolve("students_ext.csv"));
        assertThat(ext.get("ext.idea_indicator")).contains("Yes", "No", "Y", "N", "yes", "no");
        assertThat(ext.get("ext.primary_disability_type")).contains("null", "");
        assertThat(ext.get("ext.title_i")).contains("null");
    }

    @Test
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"if your district syncs the same custom field through SIS sync ... those"
            + " values will take precedence\": the sample's students.csv ext.section_504_status N beats students_ext.csv Yes")
    void theSampleShowsPrecedence() {
        List<Student> tenth = read.students().stream().filter(s -> Integer.parseInt(s.sourceId()) % 10 == 7).toList();
        assertThat(tenth).isNotEmpty().allSatisfy(s -> assertThat(s.program(Program.SECTION_504)).isEqualTo("No"));
        assertThat(raw.get("ext.section_504_status")).containsExactlyInAnyOrder("", "N");
    }

    @Test
    @DisplayName("formats.md 1.2 contacts: every Clever relationship, contact type and phone type appears; "
            + "a student with two contacts has two rows")
    void contactsAreThere() {
        List<StudentContact> contacts = read.rows().stream().flatMap(r -> r.contacts().stream()).toList();
        assertThat(contacts).extracting(StudentContact::relation)
                .containsAll(StudentContactReader.RELATIONSHIPS.values());
        assertThat(raw.get("Contact_type")).containsAll(StudentContactReader.TYPES.values());
        assertThat(contacts).extracting(c -> c.contact().phoneType())
                .containsAll(StudentContactReader.PHONE_TYPES.values());
        assertThat(contacts).extracting(c -> c.contact().uniqueId()).anyMatch(id -> id.startsWith("G"))
                .anyMatch(id -> id.startsWith("clever-"));
        assertThat(contacts).anySatisfy(c -> assertThat(c.legalGuardian()).isTrue())
                .anySatisfy(c -> assertThat(c.emergencyContact()).isTrue())
                .anySatisfy(c -> assertThat(c.primary()).isTrue());
        assertThat(read.rows()).anySatisfy(r -> assertThat(r.contacts()).isEmpty());
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

    @Test
    void theSampleIsWhatTheGeneratorWrites(@TempDir Path dir) throws IOException {
        CleverDistrictGenerator.Layout layout = CleverDistrictGenerator.generate(dir, CleverDistrictGenerator.SAMPLE_STUDENTS);
        for (String f : List.of("schools.csv", "students.csv", "enrollments.csv", "students_ext.csv")) {
            assertThat(Files.mismatch(dir.resolve(f), SAMPLES.resolve(f))).as(f + " differs from the generator's").isEqualTo(-1);
        }
        assertThat(List.of(layout.genderWarningLine(), layout.blankFirstNameLine(), layout.unknownSchoolLine(),
                layout.unknownStudentEnrollmentLine())).containsExactly(74L, 146L, 218L, 254L);
        assertThat(List.of(layout.extUnsupportedLine(), layout.extUnknownSisIdLine(), layout.extDuplicateSisIdLine()))
                .containsExactly(50L, 83L, 165L);
        assertThat(layout.enrollmentRows()).isEqualTo(729);
        assertThat(layout.studentRows()).isEqualTo(288);
    }

    @Test
    void theSampleIsDocumented() throws IOException {
        String readme = Files.readString(Path.of("samples/README.md"));
        assertThat(readme).contains("synthetic").contains("CleverDistrictGenerator").contains("867530");
    }

    @Test
    void noSampleFileHasABomOrCarriageReturns() throws IOException {
        List<String> bad = new ArrayList<>();
        for (String f : List.of("schools.csv", "students.csv", "enrollments.csv", "students_ext.csv")) {
            byte[] bytes = Files.readAllBytes(SAMPLES.resolve(f));
            if (bytes[0] == (byte) 0xEF || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("\r")) {
                bad.add(f);
            }
            assertThat(read.drop().encoding(f)).isEqualTo("UTF-8");
        }
        assertThat(bad).isEmpty();
    }
}
