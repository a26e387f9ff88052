package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.rollcall.model.Program;
import org.rollcall.model.Student;
import org.rollcall.report.Problem;
import org.rollcall.report.Problem.Severity;

/**
 * students.csv values. Seed 000 (000_24ef7be37d1b8b28.txt, Amplify "Clever Enrollment: Demographics
 * data"): "The table that follows displays the demographic fields available through Clever and the
 * corresponding supported values." Each supported value is accepted; anything else is a warning
 * with file, line and field, the value is dropped and the student still arrives.
 */
class StudentValuesTest {

    @TempDir
    Path dir;

    private TestDrops.Read readOne(String column, String value) throws Exception {
        Map<String, String> row = TestDrops.student("1001");
        row.put(column, value);
        // a valid row first, so the one under test is on line 3
        return TestDrops.read(TestDrops.dropWithStudents(dir, List.of(TestDrops.student("1000"), row)));
    }

    static Stream<Arguments> supportedValues() {
        List<Arguments> args = new ArrayList<>();
        // seed 000: "Gender | M (Male) | F (Female) | X (Non-binary)"
        for (String g : List.of("M", "F", "X")) {
            args.add(Arguments.of("Gender", g, (Function<Student, Object>) Student::gender, g));
        }
        // seed 000: "Race | A (Asian) | B (Black or African-American) | I (American Indian or Alaska Native) |
        // M (Multiracial) | P (Hawaiian or Pacific Islander) | W (White)"
        for (String r : List.of("A", "B", "I", "M", "P", "W")) {
            args.add(Arguments.of("Race", r, (Function<Student, Object>) Student::races, List.of(r)));
        }
        // seed 000: "Hispanic_Latino* | Y (Yes) | N (No)"
        args.add(Arguments.of("Hispanic_Latino", "Y", (Function<Student, Object>) Student::hispanicLatino, true));
        args.add(Arguments.of("Hispanic_Latino", "N", (Function<Student, Object>) Student::hispanicLatino, false));
        // seed 000: "Home_language | “English”, “Albanian”, ... “Vietnamese”"
        for (String l : CleverDistrictGenerator.LANGUAGES) {
            args.add(Arguments.of("Home_language", l, (Function<Student, Object>) Student::homeLanguage, l));
        }
        // seed 000: "Ell_status | Y (Yes) | N (No)"
        for (String v : List.of("Y", "N")) {
            args.add(Arguments.of("Ell_status", v, program(Program.ENGLISH_LEARNER), v));
        }
        // seed 000: "Frl_status | F (Free) | R (Reduced) | N (No discount)"
        for (String v : List.of("F", "R", "N")) {
            args.add(Arguments.of("Frl_status", v, program(Program.FREE_REDUCED_LUNCH), v));
        }
        // seed 000: "iep_status* | Y (Yes) | N (No)"
        for (String v : List.of("Y", "N")) {
            args.add(Arguments.of("iep_status", v, program(Program.IEP), v));
        }
        return args.stream();
    }

    private static Function<Student, Object> program(Program p) {
        return s -> s.program(p);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("supportedValues")
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"the demographic fields available through Clever and the"
            + " corresponding supported values\": every supported value is accepted and kept")
    void everySupportedValueIsAccepted(String column, String value, Function<Student, Object> mapped, Object expected)
            throws Exception {
        TestDrops.Read read = readOne(column, value);
        assertThat(read.problems()).isEmpty();
        assertThat(mapped.apply(read.student("1001"))).isEqualTo(expected);
    }

    @Test
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, Home_language \"“English”, “Albanian”, ... “Vietnamese”\":"
            + " exactly 47 names (its stray quote before German is not a value)")
    void theLanguageListIsTheSeeds() {
        assertThat(SeedDemographics.HOME_LANGUAGE.values()).hasSize(47).contains("German", "Tigrinya", "Ilocano")
                .isEqualTo(CleverDistrictGenerator.LANGUAGES);
    }

    static Stream<Arguments> seedTables() {
        return Stream.of(
                Arguments.of("Gender | M (Male) | F (Female) | X (Non-binary)", SeedDemographics.GENDER,
                        List.of("M", "F", "X")),
                Arguments.of("Race | A (Asian) | B (Black or African-American) | I (American Indian or Alaska Native) | "
                        + "M (Multiracial) | P (Hawaiian or Pacific Islander) | W (White)", SeedDemographics.RACE,
                        List.of("A", "B", "I", "M", "P", "W")),
                Arguments.of("Hispanic_Latino* | Y (Yes) | N (No)", SeedDemographics.HISPANIC_LATINO, List.of("Y", "N")),
                Arguments.of("Ell_status | Y (Yes) | N (No)", SeedDemographics.ELL_STATUS, List.of("Y", "N")),
                Arguments.of("Frl_status | F (Free) | R (Reduced) | N (No discount)", SeedDemographics.FRL_STATUS,
                        List.of("F", "R", "N")),
                Arguments.of("iep_status* | Y (Yes) | N (No)", SeedDemographics.IEP_STATUS, List.of("Y", "N")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedTables")
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"Column Header | Supported Values\": each coded column accepts exactly"
            + " the seed table's values")
    void eachValueSetIsTheSeedTable(String seedRow, CodeSet set, List<String> seedValues) {
        assertThat(set.values()).as(seedRow).isEqualTo(seedValues);
        for (String v : seedValues) {
            assertThat(set.canonical(v)).as(seedRow + ": " + v).isEqualTo(v);
        }
        // one-letter codes are exact, as Clever's are: lower case and the spelled-out meaning are not values
        for (String v : seedValues) {
            assertThat(set.canonical(v.toLowerCase(java.util.Locale.ROOT))).isNull();
        }
        assertThat(set.canonical("Yes")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"spanish, Spanish", "VIETNAMESE, Vietnamese", "  Hmong , Hmong"})
    @DisplayName("a home language matches in any case and takes the seed's spelling")
    void homeLanguageIgnoresCase(String raw, String expected) throws Exception {
        TestDrops.Read read = readOne("Home_language", raw);
        assertThat(read.problems()).isEmpty();
        assertThat(read.student("1001").homeLanguage()).isEqualTo(expected);
    }

    @Test
    @DisplayName("seed 000_24ef7be37d1b8b28.txt writes the header \"iep_status*\", the Clever spec IEP_status:"
            + " both are read")
    void iepStatusEitherSpelling() throws Exception {
        List<String> header = TestDrops.STUDENT_HEADER.stream().map(h -> h.equals("iep_status") ? "IEP_status" : h)
                .toList();
        Map<String, String> row = TestDrops.student("1001");
        row.put("IEP_status", "Y");
        TestDrops.Read read = TestDrops.read(TestDrops.dropWithStudents(dir, header, List.of(row)));
        assertThat(read.student("1001").program(Program.IEP)).isEqualTo("Y");

        row.put("IEP_status", "maybe");
        read = TestDrops.read(TestDrops.dropWithStudents(dir, header, List.of(row)));
        assertThat(read.problems()).extracting(Problem::field).containsExactly("IEP_status");
    }

    static Stream<Arguments> unsupportedValues() {
        return Stream.of(
                Arguments.of("Gender", "Q", "unsupported value 'Q' (supported: M, F, X); value dropped"),
                Arguments.of("Gender", "Male", "unsupported value (value not shown) (supported: M, F, X); value dropped"),
                Arguments.of("Gender", "m", "unsupported value 'm' (supported: M, F, X); value dropped"),
                Arguments.of("Race", "H", "unsupported value 'H' (supported: A, B, I, M, P, W); value dropped"),
                Arguments.of("Race", "W,B", "unsupported value (value not shown) (supported: A, B, I, M, P, W); value dropped"),
                Arguments.of("Hispanic_Latino", "Yes", "unsupported value 'Yes' (supported: Y, N); value dropped"),
                Arguments.of("Home_language", "Klingon",
                        "unsupported language name (supported: the 47 names of Clever's list, e.g. English, Spanish);"
                                + " value dropped"),
                Arguments.of("Ell_status", "1", "unsupported value '1' (supported: Y, N); value dropped"),
                Arguments.of("Frl_status", "P", "unsupported value 'P' (supported: F, R, N); value dropped"),
                Arguments.of("iep_status", "U", "unsupported value 'U' (supported: Y, N); value dropped"),
                Arguments.of("DOB", "31/12/2016", "not a date in MM/DD/YYYY or YYYY-MM-DD; value dropped"),
                Arguments.of("Grade", "14", "unsupported grade '14'; value dropped"),
                Arguments.of("Graduation_year", "next", "not a year YYYY; value dropped"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unsupportedValues")
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"the corresponding supported values\": any other value is a"
            + " warning with file, line and field; the value is dropped, the student kept")
    void anUnsupportedValueIsAWarning(String column, String value, String message) throws Exception {
        TestDrops.Read read = readOne(column, value);
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field,
                Problem::message).containsExactly(tuple(Severity.WARNING, "students.csv", 3L, column, message));
        Student s = read.student("1001");
        assertThat(s.gender()).isNull();
        assertThat(s.races()).isEmpty();
        assertThat(s.hispanicLatino()).isNull();
        assertThat(s.homeLanguage()).isNull();
        assertThat(s.programs()).isEmpty();
        assertThat(s.graduationYear()).isNull();
        if (column.equals("DOB")) {
            assertThat(s.birthDate()).isNull();
        }
        if (column.equals("Grade")) {
            assertThat(s.grade()).isNull();
            assertThat(s.enrollments().get(0).grade()).isNull();
        }
    }

    @Test
    @DisplayName("seed 000 Race \"M (Multiracial)\" is kept for the crosswalk by default; clever.multiracial = omit"
            + " drops it, and only it, before mapping")
    void multiracialPolicy() throws Exception {
        Map<String, String> m = TestDrops.student("1001");
        m.put("Race", "M");
        Map<String, String> w = TestDrops.student("1002");
        w.put("Race", "W");
        TestDrops.dropWithStudents(dir, List.of(m, w));
        assertThat(TestDrops.read(dir).student("1001").races()).containsExactly("M");
        CleverOptions omit = new CleverOptions("State_id", "Student_id", TestDrops.ENTRY,
                UnprocessedGrades.seedDefault(), "omit");
        TestDrops.Read read = TestDrops.read(dir, omit);
        assertThat(read.student("1001").races()).isEmpty();
        assertThat(read.student("1002").races()).containsExactly("W");
        assertThat(read.problems()).isEmpty();
    }

    @Test
    @DisplayName("warnings never carry a name, a birth date or a home language")
    void warningsNameNoOne() throws Exception {
        Map<String, String> row = TestDrops.student("1001");
        row.put("First_name", "Zoë");
        row.put("Last_name", "Quill");
        row.put("Gender", "Zoë");
        row.put("Race", "Quill");
        row.put("DOB", "Quill 2016");
        row.put("Home_language", "Quillish");
        row.put("Grade", "Zoë");
        TestDrops.Read read = TestDrops.read(TestDrops.dropWithStudents(dir, List.of(row)));
        assertThat(read.problems()).hasSize(5).allSatisfy(p -> assertThat(p.describe())
                .doesNotContain("Zoë").doesNotContain("Quill").doesNotContain("2016"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "04/30/2017, 2017-04-30", "4/3/2017, 2017-04-03", "12/1/2009, 2009-12-01", "2017-04-30, 2017-04-30",
        "02/29/2016, 2016-02-29"})
    @DisplayName("DOB is read as MM/DD/YYYY, M/D/YYYY and YYYY-MM-DD")
    void birthDates(String dob, LocalDate expected) throws Exception {
        TestDrops.Read read = readOne("DOB", dob);
        assertThat(read.problems()).isEmpty();
        assertThat(read.student("1001").birthDate()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"02/30/2016", "13/01/2016", "2017/04/30", "2017-4-30", "04-30-2017", "04/30/17", "April 30 2017",
        "20170430", "00/10/2016"})
    void otherDateShapesAreWarnings(String dob) throws Exception {
        TestDrops.Read read = readOne("DOB", dob);
        assertThat(read.problems()).extracting(Problem::severity, Problem::line, Problem::field)
                .containsExactly(tuple(Severity.WARNING, 3L, "DOB"));
        assertThat(read.student("1001").birthDate()).isNull();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"K, Kindergarten", "kg, Kindergarten", "05, 5", "TK, TransitionalKindergarten",
        "UG, Ungraded"})
    void theGradeIsNormalisedOnTheStudentAndItsEnrollment(String raw, String expected) throws Exception {
        TestDrops.Read read = readOne("Grade", raw);
        assertThat(read.problems()).isEmpty();
        Student s = read.student("1001");
        assertThat(s.grade()).isEqualTo(expected);
        assertThat(s.enrollments()).singleElement().satisfies(e -> {
            assertThat(e.grade()).isEqualTo(expected);
            assertThat(e.schoolSourceId()).isEqualTo("sch-1");
            assertThat(e.edfiSchoolId()).isEqualTo(867530001L);
            assertThat(e.entryDate()).isEqualTo(TestDrops.ENTRY);
            assertThat(e.exitDate()).isNull();
        });
    }

    @Test
    void optionalValuesMayBeBlank() throws Exception {
        TestDrops.Read read = readOne("Middle_name", "");
        Student s = read.student("1001");
        assertThat(read.problems()).isEmpty();
        assertThat(s.gender()).isNull();
        assertThat(s.races()).isEmpty();
        assertThat(s.programs()).isEmpty();
        assertThat(s.address()).isNull();
        assertThat(s.studentNumber()).isEqualTo("N1001");
    }
}
