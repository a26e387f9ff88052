package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.report.FileCounts;
import org.rollcall.report.Problem;
import org.rollcall.report.Problem.Severity;

/**
 * The file-level tier (formats.md 1.1: "file-level fatal (missing file / missing required header /
 * unparseable CSV → whole file rejected)") for the cases CleverDropTest does not already cover,
 * and the per-file counts the processing report is made of.
 */
class FileLevelProblemsTest {

    @TempDir
    Path dir;

    private DropRejectedException rejection() {
        try {
            CleverDrop.open(dir, TestDrops.OPTIONS);
        } catch (DropRejectedException e) {
            return e;
        }
        throw new AssertionError("the drop was not rejected");
    }

    @Test
    @DisplayName("a header in the wrong case is FATAL, and the rejection names the header found")
    void headerInTheWrongCase() throws Exception {
        TestDrops.fixture("base", dir);
        Path students = dir.resolve("students.csv");
        Files.writeString(students, Files.readString(students).replaceFirst("Student_id", "Student_ID"));
        DropRejectedException e = rejection();
        assertThat(e.problem().severity()).isEqualTo(Severity.FATAL);
        assertThat(e).hasMessage("students.csv: required header Student_id is missing (the header has Student_ID: "
                + "header names must match exactly, case included)");
    }

    @Test
    @DisplayName("a misspelt header with a space for the underscore is named too")
    void headerWithASpace() throws Exception {
        TestDrops.fixture("base", dir);
        Path schools = dir.resolve("schools.csv");
        Files.writeString(schools, Files.readString(schools).replaceFirst("School_name", "School Name"));
        assertThat(rejection()).hasMessageStartingWith("schools.csv: required header School_name is missing (the header has School Name:");
    }

    @Test
    @DisplayName("a file without its header row is FATAL, and the first row's values are not repeated in the message")
    void noHeaderRow() throws Exception {
        TestDrops.fixture("base", dir);
        Path students = dir.resolve("students.csv");
        List<String> lines = Files.readAllLines(students);
        Files.write(students, lines.subList(1, lines.size()));
        DropRejectedException e = rejection();
        assertThat(e.problem().severity()).isEqualTo(Severity.FATAL);
        assertThat(e).hasMessageStartingWith("students.csv: no Clever header row: the first line names none of the "
                + "required headers School_id, Student_id, Last_name, First_name")
                .hasMessageNotContaining("Nguy").hasMessageNotContaining("1001");
    }

    @Test
    @DisplayName("a file that is not CSV at all (an HTML error page saved as students.csv) is FATAL")
    void htmlIsNotCsv() {
        TestDrops.fixture("base", dir);
        TestDrops.write(dir.resolve("students.csv"), "<!DOCTYPE html>\n<html><body>Session expired</body></html>\n");
        assertThat(rejection()).hasMessageStartingWith("students.csv: no Clever header row");
    }

    @Test
    @DisplayName("a spreadsheet saved under the CSV name (binary, NUL bytes) is FATAL with a hint")
    void binaryIsNotCsv() throws Exception {
        TestDrops.fixture("base", dir);
        // the first bytes of a zip, as an .xlsx starts
        byte[] xlsx = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0};
        Files.write(dir.resolve("schools.csv"), xlsx);
        DropRejectedException e = rejection();
        assertThat(e.problem()).extracting(Problem::severity, Problem::file, Problem::line)
                .containsExactly(Severity.FATAL, "schools.csv", 0L);
        assertThat(e).hasMessageStartingWith("schools.csv: not a CSV file: it holds NUL bytes");
    }

    @Test
    @DisplayName("UTF-16 without a byte order mark is caught as binary, not read as garbage")
    void utf16WithoutBom() throws Exception {
        TestDrops.fixture("base", dir);
        Files.write(dir.resolve("enrollments.csv"),
                "School_id,Section_id,Student_id\nsch-1,s,1001\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(rejection()).hasMessageStartingWith("enrollments.csv: not a CSV file");
    }

    @Test
    @DisplayName("a header-only students.csv is a WARNING naming the file; the drop goes on (the guard holds what it would remove)")
    void headerOnlyStudents() throws Exception {
        TestDrops.fixture("base", dir);
        TestDrops.write(dir.resolve("students.csv"), String.join(",", TestDrops.STUDENT_HEADER) + "\n");
        TestDrops.write(dir.resolve("enrollments.csv"), "School_id,Section_id,Student_id\n");
        TestDrops.Read read = TestDrops.read(dir);
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::message)
                .containsExactly(tuple(Severity.WARNING, "students.csv", 0L, "file has a header row and no records"));
        assertThat(read.schools()).hasSize(2);
    }

    @Test
    @DisplayName("a header-only enrollments.csv is no problem: a district may have no sections")
    void headerOnlyEnrollments() throws Exception {
        TestDrops.fixture("base", dir);
        TestDrops.write(dir.resolve("enrollments.csv"), "School_id,Section_id,Student_id\n");
        TestDrops.Read read = TestDrops.read(dir);
        assertThat(read.problems()).isEmpty();
        assertThat(read.students()).hasSize(3);
    }

    @Test
    @DisplayName("a last line cut off mid-record (upload stopped, no newline) is an ERROR on its line; the rows before it stay")
    void truncatedLastLine() throws Exception {
        TestDrops.fixture("base", dir);
        Path students = dir.resolve("students.csv");
        Files.writeString(students, Files.readString(students) + "sch-1,1004,5004,99000010");
        TestDrops.Read read = TestDrops.read(dir);
        assertThat(read.problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::message)
                .containsExactly(tuple(Severity.ERROR, "students.csv", 5L,
                        "record has 4 fields, the header has 22; record skipped"));
        assertThat(read.students()).extracting(s -> s.sourceId()).containsExactly("1001", "1002", "1003");
    }

    @Test
    @DisplayName("a last line cut off inside a quoted field is not CSV: FATAL with the line")
    void truncatedInsideQuotes() throws Exception {
        TestDrops.fixture("base", dir);
        Path students = dir.resolve("students.csv");
        Files.writeString(students, Files.readString(students) + "sch-1,1004,5004,9900001004,\"Ok");
        assertThat(rejection()).hasMessageStartingWith("students.csv: not a readable CSV file").hasMessageContaining("line 5")
                .hasMessageNotContaining("Ok");
    }

    @Test
    @DisplayName("per file: encoding, rows read, accepted and rejected as the readers count them")
    void perFileCounts() throws Exception {
        TestDrops.fixture("windows-1252", dir);
        Path enrollments = dir.resolve("enrollments.csv");
        Files.writeString(enrollments, Files.readString(enrollments) + "sch-9,x,1001\nsch-1,y\n");
        FileCounts counts = new FileCounts();
        CleverDrop drop = CleverDrop.open(dir, TestDrops.OPTIONS, counts);
        List<Problem> problems = new ArrayList<>();
        var schools = drop.readSchools(problems::add);
        java.util.Set<String> ids = new java.util.HashSet<>();
        drop.readStudents(schools, s -> ids.add(s.sourceId()), problems::add);
        drop.readEnrollments(ids::contains, schools, problems::add);
        // a second pass counts again from zero: the latest pass is what the report shows
        drop.readSchools(p -> { });

        assertThat(counts.files()).extracting(FileCounts.FileRows::file, FileCounts.FileRows::encoding,
                        FileCounts.FileRows::read, FileCounts.FileRows::accepted, FileCounts.FileRows::rejected)
                .containsExactly(
                        tuple("schools.csv", "UTF-8", 2L, 2L, 0L),
                        tuple("students.csv", "windows-1252", (long) ids.size(), (long) ids.size(), 0L),
                        tuple("enrollments.csv", "UTF-8", 5L, 3L, 2L));
    }

    @Test
    @DisplayName("a rejected file still shows the encoding it was found in")
    void rejectedFileKeepsItsEncoding() throws Exception {
        TestDrops.fixture("windows-1252", dir);
        Path students = dir.resolve("students.csv");
        byte[] bytes = Files.readAllBytes(students);
        String header = new String(bytes, StandardCharsets.ISO_8859_1).split("\n", 2)[0];
        String rest = new String(bytes, StandardCharsets.ISO_8859_1).substring(header.length());
        Files.write(students, (header.replace("Last_name", "Surname") + rest).getBytes(StandardCharsets.ISO_8859_1));
        FileCounts counts = new FileCounts();
        assertThatThrownBy(() -> CleverDrop.open(dir, TestDrops.OPTIONS, counts)).isInstanceOf(DropRejectedException.class);
        assertThat(counts.files()).extracting(FileCounts.FileRows::file, FileCounts.FileRows::encoding,
                FileCounts.FileRows::streamed).contains(tuple("students.csv", "windows-1252", false));
    }
}
