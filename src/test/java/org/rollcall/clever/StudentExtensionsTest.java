package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.rollcall.report.FileCounts;
import org.rollcall.report.Problem;
import org.rollcall.report.Problem.Severity;

/**
 * students_ext.csv and the ext.* columns of students.csv. Seed 000 (000_24ef7be37d1b8b28.txt,
 * "Preparing your CSV file"): "The file you will upload is an extension of the students.csv file, so
 * it must be named students_ext.csv. It should contain the following headers: sis_id,
 * ext.idea_indicator, ext.disability_status, ext.primary_disability_type, ext.section_504_status,
 * ext.economic_disadvantage_status, ext.migrant_status, ext.title_i".
 */
class StudentExtensionsTest {

    static final List<String> EXT_HEADER = List.of("sis_id", "ext.idea_indicator", "ext.disability_status",
            "ext.primary_disability_type", "ext.section_504_status", "ext.economic_disadvantage_status",
            "ext.migrant_status", "ext.title_i");

    @TempDir
    Path dir;

    /** Students 1000 and 1001 in students.csv, and the given students_ext.csv rows. */
    private TestDrops.Read read(List<Map<String, String>> students, List<String> extHeader, List<List<String>> ext)
            throws Exception {
        TestDrops.dropWithStudents(dir, students);
        TestDrops.writeCsv(dir.resolve("students_ext.csv"), extHeader, ext);
        return TestDrops.read(dir);
    }

    private TestDrops.Read readExt(List<List<String>> ext) throws Exception {
        return read(List.of(TestDrops.student("1000"), TestDrops.student("1001")), EXT_HEADER, ext);
    }

    /** A students_ext.csv record for 1001 with one field set. */
    private static List<String> extRow(String field, String value) {
        List<String> row = new ArrayList<>();
        for (String h : EXT_HEADER) {
            row.add(h.equals("sis_id") ? "1001" : h.equals(field) ? value : "");
        }
        return row;
    }

    static Stream<Arguments> supportedValues() {
        List<Arguments> args = new ArrayList<>();
        Map<String, Program> yesNo = Map.of("ext.idea_indicator", Program.IDEA, "ext.disability_status",
                Program.DISABILITY, "ext.section_504_status", Program.SECTION_504, "ext.economic_disadvantage_status",
                Program.ECONOMIC_DISADVANTAGE, "ext.migrant_status", Program.MIGRANT, "ext.title_i", Program.TITLE_I);
        yesNo.forEach((field, program) -> {
            // CEDS Yes/No (formats.md 2), Clever's Y/N convention, in any case
            for (String[] v : new String[][] {{"Yes", "Yes"}, {"No", "No"}, {"Y", "Yes"}, {"N", "No"}, {"yes", "Yes"},
                    {"NO", "No"}, {"n", "No"}}) {
                args.add(Arguments.of(field, v[0], program, v[1]));
            }
        });
        for (String code : SeedDemographics.PRIMARY_DISABILITY_TYPE.values()) {
            args.add(Arguments.of("ext.primary_disability_type", code, Program.PRIMARY_DISABILITY_TYPE, code));
            args.add(Arguments.of("ext.primary_disability_type", code.toLowerCase(java.util.Locale.ROOT),
                    Program.PRIMARY_DISABILITY_TYPE, code));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("supportedValues")
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"The value for each student demographic should be a valid Common"
            + " Education Data Standards (CEDS) demographic option\": every value is accepted, in students_ext.csv")
    void everyCedsValueIsAccepted(String field, String raw, Program program, String expected) throws Exception {
        TestDrops.Read read = readExt(List.of(extRow(field, raw)));
        assertThat(read.problems()).isEmpty();
        assertThat(read.student("1001").program(program)).isEqualTo(expected);
        assertThat(read.student("1000").programs()).as("a student without a record gets nothing").isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("supportedValues")
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"If you submit files via SFTP, you may also append these headers to"
            + " your students.csv file\": every value is accepted as an appended ext.* column too")
    void everyCedsValueIsAcceptedInStudentsCsv(String field, String raw, Program program, String expected)
            throws Exception {
        List<String> header = new ArrayList<>(TestDrops.STUDENT_HEADER);
        if (!header.contains(field)) {
            header.add(field); // the sample's header has ext.section_504_status already
        }
        Map<String, String> row = TestDrops.student("1001");
        row.put(field, raw);
        TestDrops.Read read = TestDrops.read(TestDrops.dropWithStudents(dir, header, List.of(row)));
        assertThat(read.problems()).isEmpty();
        assertThat(read.student("1001").program(program)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ext.idea_indicator", "ext.disability_status", "ext.primary_disability_type", "ext.section_504_status",
        "ext.economic_disadvantage_status", "ext.migrant_status", "ext.title_i"})
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"or null when the demographic does not apply\": null is accepted and"
            + " carries no value")
    void nullIsAccepted(String field) throws Exception {
        for (String raw : List.of("null", "NULL", "Null")) {
            TestDrops.Read read = readExt(List.of(extRow(field, raw)));
            assertThat(read.problems()).isEmpty();
            assertThat(read.student("1001").programs()).isEmpty();
        }
    }

    @Test
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"Additionally, you can specify whether a student is receiving services"
            + " through a Title I-funded program by entering Yes or No\"")
    void titleIYesOrNo() throws Exception {
        assertThat(readExt(List.of(extRow("ext.title_i", "Yes"))).student("1001").program(Program.TITLE_I))
                .isEqualTo("Yes");
        assertThat(readExt(List.of(extRow("ext.title_i", "No"))).student("1001").program(Program.TITLE_I))
                .isEqualTo("No");
    }

    static Stream<Arguments> unsupportedValues() {
        return Stream.of(
                Arguments.of("ext.idea_indicator", "Maybe", "unsupported value (value not shown) (supported: Yes, No "
                        + "(also Y, N), or null when it does not apply); value dropped"),
                Arguments.of("ext.title_i", "1", "unsupported value '1' (supported: Yes, No (also Y, N), or null when it"
                        + " does not apply); value dropped"),
                Arguments.of("ext.migrant_status", "true", "unsupported value (value not shown) (supported: Yes, No "
                        + "(also Y, N), or null when it does not apply); value dropped"),
                Arguments.of("ext.primary_disability_type", "other", "unsupported value (value not shown) (supported: "
                        + "AUT, DB, DD, EMN, HI, ID, MD, OI, OHI, SLD, SLI, TBI, VI, or null when it does not apply);"
                        + " value dropped"),
                Arguments.of("ext.primary_disability_type", "Autism", "unsupported value (value not shown) (supported: "
                        + "AUT, DB, DD, EMN, HI, ID, MD, OI, OHI, SLD, SLI, TBI, VI, or null when it does not apply);"
                        + " value dropped"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unsupportedValues")
    @DisplayName("an unsupported extension value is a warning with file, line and field; the value is dropped and"
            + " the rest of the record is used")
    void anUnsupportedValueIsAWarning(String field, String raw, String message) throws Exception {
        List<String> row = extRow(field, raw);
        row.set(EXT_HEADER.indexOf(field.equals("ext.title_i") ? "ext.migrant_status" : "ext.title_i"), "Yes");
        TestDrops.Read read = readExt(List.of(extRow("ext.migrant_status", "No").stream()
                .map(v -> v.equals("1001") ? "1000" : v).toList(), row));
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field,
                Problem::message).containsExactly(tuple(Severity.WARNING, "students_ext.csv", 3L, field, message));
        Student s = read.student("1001");
        assertThat(s.programs()).hasSize(1).containsValue("Yes");
        assertThat(read.student("1000").program(Program.MIGRANT)).isEqualTo("No");
    }

    @Test
    @DisplayName("a sis_id that no students.csv row has is an error with file, line and field; the others are joined")
    void anUnknownSisIdIsAnError() throws Exception {
        List<String> unknown = new ArrayList<>(extRow("ext.title_i", "Yes"));
        unknown.set(0, "9999");
        TestDrops.Read read = readExt(List.of(unknown, extRow("ext.title_i", "No")));
        assertThat(read.problems()).extracting(Problem::describe).containsExactly(
                "students_ext.csv line 2, field sis_id: sis_id is not a Student_id in students.csv; record skipped");
        assertThat(read.student("1001").program(Program.TITLE_I)).isEqualTo("No");

        // the processing report counts it rejected, not accepted
        FileCounts counts = new FileCounts();
        CleverDrop drop = CleverDrop.open(dir, TestDrops.OPTIONS, counts);
        drop.readStudentRows(drop.readSchools(p -> { }), r -> { }, id -> { }, TestDrops.WORK, p -> { });
        assertThat(counts.files()).filteredOn(f -> f.file().equals("students_ext.csv"))
                .extracting(FileCounts.FileRows::read, FileCounts.FileRows::accepted, FileCounts.FileRows::rejected)
                .containsExactly(tuple(2L, 1L, 1L));
    }

    @Test
    @DisplayName("a sis_id whose students.csv row is skipped for a record error is in students.csv all the same:"
            + " only the students.csv row is reported")
    void aSisIdOfASkippedRowIsNotUnknown() throws Exception {
        Map<String, String> bad = TestDrops.student("1001");
        bad.put("First_name", "");
        TestDrops.Read read = read(List.of(TestDrops.student("1000"), bad), EXT_HEADER,
                List.of(extRow("ext.title_i", "Yes")));
        assertThat(read.problems()).extracting(Problem::file, Problem::field)
                .containsExactly(tuple("students.csv", "First_name"));
    }

    @Test
    @DisplayName("a sis_id listed twice is an error on the later record, which is skipped; the first stands")
    void aDuplicateSisIdIsAnError() throws Exception {
        TestDrops.Read read = readExt(List.of(extRow("ext.title_i", "Yes"), extRow("ext.title_i", "No")));
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field,
                Problem::message).containsExactly(tuple(Severity.ERROR, "students_ext.csv", 3L, "sis_id",
                "sis_id is also on line 2 (the first one stands); record skipped"));
        assertThat(read.student("1001").program(Program.TITLE_I)).isEqualTo("Yes");
    }

    @Test
    void aBlankSisIdIsAnError() throws Exception {
        TestDrops.Read read = readExt(List.of(List.of("", "Yes", "", "", "", "", "", "")));
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field)
                .containsExactly(tuple(Severity.ERROR, "students_ext.csv", 2L, "sis_id"));
    }

    @Test
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"if your district syncs the same custom field through SIS sync or"
            + " another custom data sync, those values will take precedence over values uploaded through the custom"
            + " extension fields\": students.csv's ext.* column wins over students_ext.csv")
    void studentsCsvTakesPrecedence() throws Exception {
        List<String> header = new ArrayList<>(TestDrops.STUDENT_HEADER);
        header.addAll(List.of("ext.title_i", "ext.migrant_status", "ext.idea_indicator")); // and ext.section_504_status
        Map<String, String> row = TestDrops.student("1001");
        row.put("ext.title_i", "No");              // wins over Yes
        row.put("ext.migrant_status", "null");     // "does not apply" wins too
        row.put("ext.section_504_status", "");     // blank: students_ext.csv fills it in
        row.put("ext.idea_indicator", "Maybe");    // not a value (a warning): students_ext.csv fills it in
        TestDrops.dropWithStudents(dir, header, List.of(row));
        List<String> ext = new ArrayList<>(List.of("1001", "Yes", "Yes", "AUT", "Yes", "Yes", "Yes", "Yes"));
        TestDrops.writeCsv(dir.resolve("students_ext.csv"), EXT_HEADER, List.of(ext));

        TestDrops.Read read = TestDrops.read(dir);

        Student s = read.student("1001");
        assertThat(s.program(Program.TITLE_I)).isEqualTo("No");
        assertThat(s.program(Program.MIGRANT)).isNull();
        assertThat(s.program(Program.SECTION_504)).isEqualTo("Yes");
        assertThat(s.program(Program.IDEA)).isEqualTo("Yes");
        assertThat(s.program(Program.DISABILITY)).isEqualTo("Yes");
        assertThat(s.program(Program.PRIMARY_DISABILITY_TYPE)).isEqualTo("AUT");
        assertThat(read.problems()).extracting(Problem::file, Problem::field)
                .containsExactly(tuple("students.csv", "ext.idea_indicator"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"Section_504_status, Y, SECTION_504, Yes", "Disability_status, N, DISABILITY, No",
        "Disability_code, sld, PRIMARY_DISABILITY_TYPE, SLD"})
    @DisplayName("seed 000 precedence, a field in a students.csv column of its own (formats.md 1.2: Section_504_status,"
            + " Disability_status, Disability_code, \"treat as ext\") wins over students_ext.csv too")
    void aColumnOfItsOwnTakesPrecedence(String column, String raw, Program program, String expected) throws Exception {
        List<String> header = new ArrayList<>(TestDrops.STUDENT_HEADER);
        header.remove("ext.section_504_status");
        header.add(column);
        Map<String, String> row = TestDrops.student("1001");
        row.put(column, raw);
        TestDrops.dropWithStudents(dir, header, List.of(row));
        TestDrops.writeCsv(dir.resolve("students_ext.csv"), EXT_HEADER,
                List.of(List.of("1001", "", "Yes", "VI", "No", "", "", "")));
        assertThat(TestDrops.read(dir).student("1001").program(program)).isEqualTo(expected);
    }

    @Test
    @DisplayName("students_ext.csv is optional: a drop without it reads as before")
    void theFileIsOptional() throws Exception {
        TestDrops.Read read = TestDrops.read(TestDrops.dropWithStudents(dir, List.of(TestDrops.student("1001"))));
        assertThat(read.problems()).isEmpty();
        assertThat(read.drop().files()).extracting(p -> p.getFileName().toString()).doesNotContain("students_ext.csv");
    }

    @Test
    @DisplayName("students_ext.csv without its sis_id header rejects the drop, naming file and header")
    void aMissingSisIdHeaderRejectsTheDrop() {
        TestDrops.dropWithStudents(dir, List.of(TestDrops.student("1001")));
        TestDrops.writeCsv(dir.resolve("students_ext.csv"), List.of("Student_id", "ext.title_i"),
                List.of(List.of("1001", "Yes")));
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS)).isInstanceOf(DropRejectedException.class)
                .hasMessage("students_ext.csv: required header sis_id is missing");
    }

    @Test
    void anEmptyOrUnreadableExtensionFileRejectsTheDrop() throws Exception {
        TestDrops.dropWithStudents(dir, List.of(TestDrops.student("1001")));
        Files.writeString(dir.resolve("students_ext.csv"), "");
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS))
                .hasMessage("students_ext.csv: file is empty: the header row is missing");
        Files.writeString(dir.resolve("students_ext.csv"), "sis_id,ext.title_i\n1001,\"Yes\n");
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS))
                .hasMessageStartingWith("students_ext.csv: not a readable CSV file");
    }

    @Test
    @DisplayName("columns other than sis_id and the seven fields are not read: one warning per file names each")
    void otherColumnsAreIgnored() throws Exception {
        TestDrops.Read read = read(List.of(TestDrops.student("1001")), List.of("sis_id", "ext.title_i", "ext.nickname",
                "Notes"), List.of(List.of("1001", "Yes", "Sam", "anything")));
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field)
                .containsExactly(tuple(Severity.WARNING, "students_ext.csv", 0L, "ext.nickname"),
                        tuple(Severity.WARNING, "students_ext.csv", 0L, "Notes"));
        assertThat(read.student("1001").programs()).containsExactly(Map.entry(Program.TITLE_I, "Yes"));
    }

    @Test
    @DisplayName("students_ext.csv in Windows-1252 with a BOM-less header, CRLF and quoted fields is read like the"
            + " other files")
    void encodingsAndLineEnds() throws Exception {
        TestDrops.dropWithStudents(dir, List.of(TestDrops.student("1001")));
        String text = "sis_id,ext.title_i,ext.note\r\n\"1001\",\"Yes\",\"caf\u00e9, \"\"quoted\"\"\"\r\n";
        Files.write(dir.resolve("students_ext.csv"), text.getBytes(Charset.forName("windows-1252")));
        TestDrops.Read read = TestDrops.read(dir);
        assertThat(read.drop().encoding("students_ext.csv")).isEqualTo("windows-1252");
        assertThat(read.student("1001").program(Program.TITLE_I)).isEqualTo("Yes");
        Files.write(dir.resolve("students_ext.csv"), ("\uFEFFsis_id,ext.title_i\n1001,No\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        read = TestDrops.read(dir);
        assertThat(read.problems()).isEmpty();
        assertThat(read.student("1001").program(Program.TITLE_I)).isEqualTo("No");
    }

    @Test
    @DisplayName("a student in two schools gets the students_ext.csv values on both rows")
    void bothRowsOfAStudentGetTheValues() throws Exception {
        Map<String, String> second = TestDrops.student("1001");
        second.put("School_id", "sch-2");
        second.put("Grade", "9");
        TestDrops.Read read = read(List.of(TestDrops.student("1001"), second), EXT_HEADER,
                List.of(extRow("ext.migrant_status", "Yes")));
        assertThat(read.students()).hasSize(2)
                .allSatisfy(s -> assertThat(s.program(Program.MIGRANT)).isEqualTo("Yes"));
        assertThat(read.problems()).isEmpty();
    }
}
