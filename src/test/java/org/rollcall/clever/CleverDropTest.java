package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rollcall.model.Address;
import org.rollcall.model.Enrollment;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.Program;
import org.rollcall.model.School;
import org.rollcall.model.Student;
import org.rollcall.report.Problem;
import org.rollcall.report.Problem.Severity;

/** The drop as a whole: what rejects it, how its bytes are read, its schools and enrollments, the mapping. */
class CleverDropTest {

    @TempDir
    Path dir;

    // ---- file-level: the drop is rejected

    @ParameterizedTest(name = "{0} without {1}")
    @CsvSource({
        "schools.csv, School_id", "schools.csv, School_name", "schools.csv, School_number",
        "students.csv, School_id", "students.csv, Student_id", "students.csv, Last_name", "students.csv, First_name",
        "enrollments.csv, School_id", "enrollments.csv, Section_id", "enrollments.csv, Student_id"})
    @DisplayName("a missing required header rejects the drop, naming file and header")
    void missingRequiredHeader(String file, String header) throws IOException {
        TestDrops.fixture("base", dir);
        Path path = dir.resolve(file);
        List<String> lines = new ArrayList<>(Files.readAllLines(path));
        lines.set(0, ("," + lines.get(0) + ",").replace("," + header + ",", ",Renamed_column,")
                .replaceAll("^,|,$", ""));
        Files.write(path, lines);

        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS))
                .isInstanceOf(DropRejectedException.class)
                .hasMessage(file + ": required header " + header + " is missing")
                .satisfies(e -> {
                    Problem p = ((DropRejectedException) e).problem();
                    assertThat(p.severity()).isEqualTo(Severity.FATAL);
                    assertThat(p.file()).isEqualTo(file);
                    assertThat(p.line()).isZero();
                });
    }

    @Test
    @DisplayName("the fixture with Surname for Last_name is rejected: students.csv: required header Last_name is missing")
    void missingHeaderFixture() {
        TestDrops.fixture("missing-header", dir);
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS))
                .hasMessage("students.csv: required header Last_name is missing");
    }

    @Test
    void theColumnConfiguredForTheEdFiSchoolIdIsRequiredToo() throws Exception {
        TestDrops.fixture("base", dir);
        CleverOptions byNumber = new CleverOptions("School_number", "Student_number", TestDrops.ENTRY);
        Path schools = dir.resolve("schools.csv");
        Files.writeString(schools, Files.readString(schools).replace(",State_id,", ",District_code,"));
        assertThat(TestDrops.read(dir, byNumber).schools()).hasSize(2);
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS))
                .hasMessage("schools.csv: required header State_id is missing");
    }

    @ParameterizedTest
    @CsvSource({"schools.csv", "students.csv", "enrollments.csv"})
    void aMissingFileRejectsTheDrop(String file) throws IOException {
        TestDrops.fixture("base", dir);
        Files.delete(dir.resolve(file));
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS))
                .isInstanceOf(DropRejectedException.class)
                .hasMessage(file + ": required file is missing from the drop");
    }

    @Test
    void fileNamesAreCaseSensitiveAsClever() throws IOException {
        TestDrops.fixture("base", dir);
        Files.move(dir.resolve("students.csv"), dir.resolve("Students.csv"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(dir.resolve("students.csv")),
                "the file system ignores case");
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS))
                .hasMessage("students.csv: required file is missing from the drop");
    }

    @Test
    void aQuotedFieldThatNeverClosesIsNotCsvAndRejectsTheDrop() {
        TestDrops.fixture("unparseable", dir);
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS))
                .isInstanceOf(DropRejectedException.class)
                .hasMessageStartingWith("students.csv: not a readable CSV file")
                .hasMessageContaining("line 2")
                .hasMessageNotContaining("Nguyen");
    }

    @Test
    void textAfterAClosingQuoteIsNotCsv() {
        TestDrops.fixture("base", dir);
        TestDrops.write(dir.resolve("enrollments.csv"), "School_id,Section_id,Student_id\nsch-1,\"A\"B,1001\n");
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS))
                .hasMessageStartingWith("enrollments.csv: not a readable CSV file");
    }

    @Test
    void anEmptyFileHasNoHeaderAndRejectsTheDrop() {
        TestDrops.fixture("base", dir);
        TestDrops.write(dir.resolve("enrollments.csv"), "");
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS))
                .hasMessage("enrollments.csv: file is empty: the header row is missing");
    }

    @Test
    void aHeaderNamedTwiceIsAmbiguousAndRejectsTheDrop() {
        TestDrops.fixture("base", dir);
        TestDrops.write(dir.resolve("enrollments.csv"), "School_id,Section_id,Student_id,Section_id\n");
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS))
                .hasMessage("enrollments.csv: header Section_id appears twice (columns 2 and 4)");
    }

    @Test
    void aUtf16FileIsRejectedWithAHint() throws IOException {
        TestDrops.fixture("base", dir);
        byte[] text = "School_id,Section_id,Student_id\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[text.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(text, 0, bytes, 2, text.length);
        Files.write(dir.resolve("enrollments.csv"), bytes);
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS))
                .hasMessage("enrollments.csv: file is UTF-16 or UTF-32; save it as UTF-8 CSV");
    }

    @Test
    void headersMatchInAnyOrderAndExtraColumnsAreAllowed() throws Exception {
        List<String> header = new ArrayList<>(TestDrops.STUDENT_HEADER);
        java.util.Collections.reverse(header);
        header.add(3, "ext.nickname");
        header.add("Username");
        Map<String, String> row = TestDrops.student("1001");
        row.put("ext.nickname", "Sam");
        TestDrops.dropWithStudents(dir, header, List.of(row));
        TestDrops.Read read = TestDrops.read(dir);
        // an ext.* column that is not one of seed 000's seven is ignored, and the report says so once
        assertThat(read.problems()).extracting(Problem::describe).containsExactly("students.csv field ext.nickname: "
                + "not one of seed 000's seven extension fields Rollcall maps; the column is ignored");
        assertThat(read.student("1001").legalName()).isEqualTo(PersonName.of("Sample", null, "Testperson"));
    }

    // ---- encoding

    @Test
    @DisplayName("UTF-8 without BOM: Nguyễn (ễ exists only in Unicode) is read as UTF-8, not mistaken for Windows-1252")
    void utf8WithoutBom() throws Exception {
        TestDrops.Read read = TestDrops.read(TestDrops.fixture("base", dir));
        assertThat(read.student("1001").legalName().last()).isEqualTo("Nguyễn");
        assertThat(read.drop().encoding("students.csv")).isEqualTo("UTF-8");
        assertThat(read.problems()).isEmpty();
    }

    @Test
    @DisplayName("UTF-8 with BOM: the BOM is not part of the first header, and José and Nguyễn survive")
    void utf8WithBom() throws Exception {
        TestDrops.Read read = TestDrops.read(TestDrops.fixture("utf8-bom", dir));
        assertThat(read.drop().encoding("schools.csv")).isEqualTo("UTF-8 with BOM");
        assertThat(read.schools()).containsOnlyKeys("sch-1", "sch-2");
        assertThat(read.student("1001").legalName().last()).isEqualTo("Nguyễn");
        assertThat(read.student("1004").legalName().first()).isEqualTo("José");
        assertThat(read.problems()).isEmpty();
    }

    @Test
    @DisplayName("bytes that are not UTF-8 are decoded as Windows-1252: José, Zoë, Muñoz, curly quotes")
    void windows1252() throws Exception {
        TestDrops.Read read = TestDrops.read(TestDrops.fixture("windows-1252", dir));
        assertThat(read.drop().encoding("students.csv")).isEqualTo("windows-1252");
        assertThat(read.drop().encoding("schools.csv")).isEqualTo("UTF-8");
        assertThat(read.student("1001").legalName()).isEqualTo(PersonName.of("José", null, "Ramírez"));
        assertThat(read.student("1002").legalName()).isEqualTo(PersonName.of("Zoë", null, "Muñoz"));
        assertThat(read.student("1003").legalName()).isEqualTo(PersonName.of("Renée", "“Ann”", "Brontë"));
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::message)
                .containsExactly(tuple(Severity.WARNING, "students.csv", 0L,
                        "file is not valid UTF-8; read as windows-1252"));
    }

    // ---- CSV shape and line numbers

    @Test
    @DisplayName("CRLF, quoted commas, doubled quotes and line breaks; lines are where each record starts")
    void crlfAndQuotedFields() throws Exception {
        TestDrops.Read read = TestDrops.read(TestDrops.fixture("crlf-quoted", dir));
        Student ann = read.student("1001");
        assertThat(ann.legalName().last()).isEqualTo("Smith, Jr.");
        assertThat(ann.address().street()).isEqualTo("12 Elm Street\r\nUnit \"B\"\r\nRear entrance");
        assertThat(ann.address().city()).isEqualTo("Testville");
        assertThat(read.student("1002").legalName().last()).isEqualTo("O\"Neil");
        assertThat(read.student("1002").address().street()).isEqualTo("5 Oak Avenue, Apt 4");
        assertThat(read.students()).extracting(s -> s.lineage().line()).containsExactly(2L, 5L, 7L, 9L);
        // the Q after two multi-line fields and a blank line is reported on the line its record starts
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field)
                .containsExactly(tuple(Severity.WARNING, "students.csv", 7L, "Gender"));
    }

    @Test
    void aRecordWithTheWrongNumberOfFieldsIsSkipped() throws Exception {
        TestDrops.fixture("base", dir);
        Path students = dir.resolve("students.csv");
        Files.writeString(students, Files.readString(students) + "sch-1,1009,Short\n"
                + "sch-1,1010,5010,9900001010,Extra,,Fields,K,F,09/14/2020,A,N,English,N,F,N,2039,,,,,,,\n");
        TestDrops.Read read = TestDrops.read(dir);
        assertThat(read.problems()).extracting(Problem::severity, Problem::line, Problem::field, Problem::message)
                .containsExactly(tuple(Severity.ERROR, 5L, null, "record has 3 fields, the header has 22; record skipped"));
        // trailing empty fields carry nothing: that record is read
        assertThat(read.students()).extracting(Student::sourceId).containsExactly("1001", "1002", "1003", "1010");
    }

    @Test
    void blankLinesAndRowsOfEmptyFieldsAreSkippedSilently() throws Exception {
        TestDrops.fixture("base", dir);
        Path students = dir.resolve("students.csv");
        Files.writeString(students, Files.readString(students) + "\n,,,,,,,,,,,,,,,,,,,,,\n   \n");
        TestDrops.Read read = TestDrops.read(dir);
        assertThat(read.problems()).isEmpty();
        assertThat(read.students()).hasSize(3);
    }

    // ---- mapping

    @Test
    void aStudentRowMapsToTheCanonicalStudent() throws Exception {
        TestDrops.Read read = TestDrops.read(TestDrops.fixture("base", dir));
        School school = read.schools().get("sch-1");
        Lineage line2 = Lineage.of("students.csv", 2);
        assertThat(read.student("1001")).isEqualTo(new Student("clever", "1001", "1001", "5001", "9900001001",
                new PersonName("An", "Thi", "Nguyễn", null), null, LocalDate.of(2020, 9, 14), "F", null,
                List.of("A"), false, "Vietnamese", List.of(),
                Map.of(Program.ENGLISH_LEARNER, "Y", Program.FREE_REDUCED_LUNCH, "F", Program.IEP, "N"),
                "an.nguyen@students.test.example", new Address("12 Test Street", "Testville", "MN", "55990"),
                "Kindergarten", "2039",
                List.of(new Enrollment("sch-1", school.edfiSchoolId(), TestDrops.ENTRY, null, "Kindergarten", null,
                        null, line2)),
                line2));
        Student owen = read.student("1002");
        assertThat(owen.address()).isNull();
        assertThat(owen.email()).isNull();
        assertThat(owen.legalName().middle()).isNull();
    }

    @Test
    void theUniqueIdComesFromTheConfiguredColumn() throws Exception {
        TestDrops.fixture("base", dir);
        TestDrops.Read byNumber = TestDrops.read(dir, new CleverOptions("State_id", "Student_number", TestDrops.ENTRY));
        assertThat(byNumber.student("1001").uniqueId()).isEqualTo("5001");
        TestDrops.Read byState = TestDrops.read(dir, new CleverOptions("State_id", "State_id", TestDrops.ENTRY));
        assertThat(byState.student("1001").uniqueId()).isEqualTo("9900001001");
    }

    @Test
    void aBlankUniqueIdInTheConfiguredColumnSkipsTheRow() throws Exception {
        Map<String, String> row = TestDrops.student("1001");
        row.put("Student_number", "");
        TestDrops.dropWithStudents(dir, List.of(row, TestDrops.student("1002")));
        TestDrops.Read read = TestDrops.read(dir, new CleverOptions("State_id", "Student_number", TestDrops.ENTRY));
        assertThat(read.students()).extracting(Student::sourceId).containsExactly("1002");
        assertThat(read.problems()).extracting(Problem::severity, Problem::line, Problem::field)
                .containsExactly(tuple(Severity.ERROR, 2L, "Student_number"));
    }

    @Test
    void aSchoolRowMapsToTheCanonicalSchool() throws Exception {
        TestDrops.Read read = TestDrops.read(TestDrops.fixture("base", dir));
        assertThat(read.schools().get("sch-1")).isEqualTo(new School("clever", "sch-1", 867530001L, "Test Elementary",
                "101", "867530001", "990000100001", List.of("Kindergarten", "1", "2", "3", "4", "5"),
                new Address("1 School Road", "Testville", "MN", "55990"), "(612) 555-0101", Lineage.of("schools.csv", 2)));
        School high = read.schools().get("sch-2");
        assertThat(high.gradeLevels()).containsExactly("9", "10", "11", "12");
        assertThat(high.address()).isNull();
        assertThat(high.ncesId()).isNull();
        assertThat(read.schools().keySet()).containsExactly("sch-1", "sch-2");
    }

    @ParameterizedTest(name = "schoolIdColumn {0} -> {1}")
    @CsvSource({"State_id, 867530001", "School_number, 101"})
    void theEdFiSchoolIdComesFromTheConfiguredColumn(String column, long expected) throws Exception {
        TestDrops.fixture("base", dir);
        TestDrops.Read read = TestDrops.read(dir, new CleverOptions(column, "Student_id", TestDrops.ENTRY));
        assertThat(read.schools().get("sch-1").edfiSchoolId()).isEqualTo(expected);
        assertThat(read.student("1001").enrollments().get(0).edfiSchoolId()).isEqualTo(expected);
    }

    @Test
    void optionsAcceptOnlyTheDocumentedColumns() {
        assertThatThrownBy(() -> new CleverOptions("NCES_id", "Student_id", TestDrops.ENTRY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CleverOptions("State_id", "Email", TestDrops.ENTRY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CleverOptions.defaults(TestDrops.ENTRY))
                .isEqualTo(new CleverOptions("State_id", "Student_id", TestDrops.ENTRY));
    }

    // ---- record errors in schools.csv

    @ParameterizedTest(name = "State_id ''{0}''")
    @CsvSource(value = {"0", "-5", "12a", "8675.3", "''"}, quoteCharacter = '\'')
    void aSchoolWhoseEdFiIdIsNotAPositiveWholeNumberIsSkipped(String stateId) throws Exception {
        TestDrops.fixture("base", dir);
        TestDrops.writeCsv(dir.resolve("schools.csv"), TestDrops.SCHOOL_HEADER, List.of(
                List.of("sch-1", "Test Elementary", "101", "867530001", "", "K", "5", "", "", "", "", ""),
                List.of("sch-2", "Test High", "301", stateId, "", "9", "12", "", "", "", "", "")));
        List<Problem> problems = new ArrayList<>();
        Map<String, School> schools = CleverDrop.open(dir, TestDrops.OPTIONS).readSchools(problems::add);
        assertThat(schools).containsOnlyKeys("sch-1");
        assertThat(problems).extracting(Problem::severity, Problem::file, Problem::line, Problem::field)
                .containsExactly(tuple(Severity.ERROR, "schools.csv", 3L, "State_id"));
    }

    @Test
    void aDuplicateSchoolIdIsAnErrorOnTheLaterRow() throws Exception {
        TestDrops.fixture("base", dir);
        TestDrops.writeCsv(dir.resolve("schools.csv"), TestDrops.SCHOOL_HEADER, List.of(
                List.of("sch-1", "Test Elementary", "101", "867530001", "", "K", "5", "", "", "", "", ""),
                List.of("sch-1", "Test Elementary Again", "102", "867530002", "", "K", "5", "", "", "", "", ""),
                List.of("sch-3", "Same Ed-Fi id", "103", "867530001", "", "K", "5", "", "", "", "", "")));
        List<Problem> problems = new ArrayList<>();
        Map<String, School> schools = CleverDrop.open(dir, TestDrops.OPTIONS).readSchools(problems::add);
        assertThat(schools.get("sch-1").name()).isEqualTo("Test Elementary");
        assertThat(schools).hasSize(1);
        assertThat(problems).extracting(Problem::severity, Problem::line, Problem::field, Problem::message)
                .containsExactly(
                        tuple(Severity.ERROR, 3L, "School_id", "School_id 'sch-1' already appears on line 2; record skipped"),
                        tuple(Severity.ERROR, 4L, "State_id",
                                "Ed-Fi schoolId 867530001 is already the school on line 2; record skipped"));
    }

    @Test
    void aSchoolWithABlankRequiredValueIsSkipped() throws Exception {
        TestDrops.fixture("base", dir);
        TestDrops.writeCsv(dir.resolve("schools.csv"), TestDrops.SCHOOL_HEADER, List.of(
                List.of("sch-1", "", "101", "867530001", "", "K", "5", "", "", "", "", "")));
        List<Problem> problems = new ArrayList<>();
        assertThat(CleverDrop.open(dir, TestDrops.OPTIONS).readSchools(problems::add)).isEmpty();
        assertThat(problems).extracting(Problem::severity, Problem::line, Problem::field, Problem::message)
                .containsExactly(tuple(Severity.ERROR, 2L, "School_name", "required value is blank; record skipped"));
    }

    @Test
    void anUnknownSchoolGradeIsAWarningAndTheSchoolStays() throws Exception {
        TestDrops.fixture("base", dir);
        TestDrops.writeCsv(dir.resolve("schools.csv"), TestDrops.SCHOOL_HEADER, List.of(
                List.of("sch-1", "Test Elementary", "101", "867530001", "", "Kinder", "5", "", "", "", "", ""),
                List.of("sch-2", "Backwards", "102", "867530002", "", "8", "6", "", "", "", "", "")));
        List<Problem> problems = new ArrayList<>();
        Map<String, School> schools = CleverDrop.open(dir, TestDrops.OPTIONS).readSchools(problems::add);
        assertThat(schools.get("sch-1").gradeLevels()).containsExactly("5");
        assertThat(schools.get("sch-2").gradeLevels()).isEmpty();
        assertThat(problems).extracting(Problem::severity, Problem::line, Problem::field)
                .containsExactly(tuple(Severity.WARNING, 2L, "Low_grade"), tuple(Severity.WARNING, 3L, "Low_grade"));
    }

    // ---- record errors in students.csv

    @Test
    @DisplayName("a students.csv School_id not in schools.csv is an error and the record is skipped")
    void unknownSchool() throws Exception {
        Map<String, String> row = TestDrops.student("1002");
        row.put("School_id", "sch-9");
        TestDrops.dropWithStudents(dir, List.of(TestDrops.student("1001"), row, TestDrops.student("1003")));
        TestDrops.Read read = TestDrops.read(dir);
        assertThat(read.students()).extracting(Student::sourceId).containsExactly("1001", "1003");
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field,
                Problem::message).containsExactly(tuple(Severity.ERROR, "students.csv", 3L, "School_id",
                "School_id 'sch-9' is not a school read from schools.csv; record skipped"));
    }

    @Test
    void aStudentOfASchoolThatWasSkippedIsSkippedToo() throws Exception {
        TestDrops.fixture("base", dir);
        TestDrops.writeCsv(dir.resolve("schools.csv"), TestDrops.SCHOOL_HEADER, List.of(
                List.of("sch-1", "Test Elementary", "101", "not-a-number", "", "K", "5", "", "", "", "", "")));
        TestDrops.Read read = TestDrops.read(dir);
        assertThat(read.students()).isEmpty();
        assertThat(read.problems()).extracting(Problem::file, Problem::field).contains(
                tuple("schools.csv", "State_id"), tuple("students.csv", "School_id"), tuple("enrollments.csv", "School_id"));
    }

    @ParameterizedTest(name = "{0} blank")
    @CsvSource({"School_id", "Student_id", "Last_name", "First_name"})
    void aBlankRequiredValueIsAnErrorAndTheRecordIsSkipped(String column) throws Exception {
        Map<String, String> row = TestDrops.student("1002");
        row.put(column, "   ");
        TestDrops.dropWithStudents(dir, List.of(TestDrops.student("1001"), row));
        TestDrops.Read read = TestDrops.read(dir);
        assertThat(read.students()).extracting(Student::sourceId).containsExactly("1001");
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field,
                Problem::message).containsExactly(tuple(Severity.ERROR, "students.csv", 3L, column,
                "required value is blank; record skipped"));
    }

    @Test
    void everyBlankRequiredValueOfARecordIsNamed() throws Exception {
        Map<String, String> row = TestDrops.student("1001");
        row.put("First_name", "");
        row.put("Last_name", "");
        TestDrops.dropWithStudents(dir, List.of(row));
        assertThat(TestDrops.read(dir).problems()).extracting(Problem::field).containsExactly("Last_name", "First_name");
    }

    // ---- enrollments.csv

    @Test
    void enrollmentsNamingAnUnknownStudentOrSchoolAreErrors() throws Exception {
        TestDrops.fixture("base", dir);
        TestDrops.write(dir.resolve("enrollments.csv"), """
                School_id,Section_id,Student_id
                sch-1,sch-1-HR-K-1,1001
                sch-1,sch-1-HR-K-1,4040
                sch-7,sch-7-HR-K-1,1002
                sch-2,,1003
                sch-2,sch-2-MATH-10-1,1003
                """);
        TestDrops.Read read = TestDrops.read(dir);
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field,
                Problem::message).containsExactly(
                tuple(Severity.ERROR, "enrollments.csv", 3L, "Student_id",
                        "Student_id is not a student read from students.csv; record skipped"),
                tuple(Severity.ERROR, "enrollments.csv", 4L, "School_id",
                        "School_id 'sch-7' is not a school read from schools.csv; record skipped"),
                tuple(Severity.ERROR, "enrollments.csv", 5L, "Section_id", "required value is blank; record skipped"));
        assertThat(read.drop().sectionEnrollments()).isEqualTo(2);
    }

    // ---- the drop's files

    @Test
    void filesAreTheThreeReadAndAnyOtherCleverFileThatCameWithThem() throws Exception {
        TestDrops.fixture("base", dir);
        assertThat(CleverDrop.open(dir, TestDrops.OPTIONS).files()).containsExactly(
                dir.resolve("schools.csv"), dir.resolve("students.csv"), dir.resolve("enrollments.csv"));
        TestDrops.write(dir.resolve("teachers.csv"), "School_id,Teacher_id,Last_name,First_name\n");
        TestDrops.write(dir.resolve("notes.txt"), "not part of a drop\n");
        assertThat(CleverDrop.open(dir, TestDrops.OPTIONS).files()).containsExactly(
                dir.resolve("schools.csv"), dir.resolve("students.csv"), dir.resolve("enrollments.csv"),
                dir.resolve("teachers.csv"));
    }

    @Test
    void whatTheSinkThrowsPassesThroughUntouched() throws Exception {
        CleverDrop drop = CleverDrop.open(TestDrops.fixture("base", dir), TestDrops.OPTIONS);
        Map<String, School> schools = drop.readSchools(p -> { });
        IllegalStateException boom = new IllegalStateException("planner failed");
        assertThatThrownBy(() -> drop.readStudents(schools, s -> {
            throw boom;
        }, p -> { })).isSameAs(boom);
    }

    @Test
    void aDropCanBeReadMoreThanOnce() throws Exception {
        CleverDrop drop = CleverDrop.open(TestDrops.fixture("base", dir), TestDrops.OPTIONS);
        Map<String, School> schools = drop.readSchools(p -> { });
        List<Student> first = new ArrayList<>();
        List<Student> second = new ArrayList<>();
        drop.readStudents(schools, first::add, p -> { });
        drop.readStudents(schools, second::add, p -> { });
        assertThat(second).isEqualTo(first).hasSize(3);
    }
}
