package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.clever.CleverDistrictGenerator;
import org.rollcall.report.Problem.Severity;
import org.rollcall.report.ProcessingReport;
import org.rollcall.report.RunReport;
import org.rollcall.run.District;

/**
 * The per-drop processing report (issue 4: "Per drop, a processing report (JSON and text): per
 * file rows read, accepted, rejected, warnings, and each problem with line and field"), written
 * next to the run report by a real run into the sandbox.
 */
class ProcessingReportIT {

    @TempDir
    Path data;

    private RollcallApp app;

    @BeforeEach
    void start() throws Exception {
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data, "demo"),
                RollcallApp.Mode.ONCE, Map.of());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private District demo() {
        return app.districts().get("demo");
    }

    private RunReport runOnce() {
        List<RunReport> reports = app.runWaiting();
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    private ProcessingReport processing(String runId) throws Exception {
        return new ObjectMapper().readValue(data.resolve("reports").resolve(runId + ".processing.json").toFile(),
                ProcessingReport.class);
    }

    private static ProcessingReport.FileSummary file(ProcessingReport r, String name) {
        return r.files().stream().filter(f -> f.file().equals(name)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("per file: encoding, rows read, accepted, rejected, warnings; then each problem with file, line, field and tier")
    void perFileCountsAndEveryProblem() throws Exception {
        Path inbox = demo().cleverInbox();
        TestDistricts.dropSample(inbox);
        // students.csv as a Windows tool saves it; enrollments.csv cut off in its last line
        Path students = inbox.resolve("students.csv");
        Files.write(students, Files.readString(students).getBytes(Charset.forName("windows-1252")));
        Path enrollments = inbox.resolve("enrollments.csv");
        Files.writeString(enrollments, Files.readString(enrollments) + "rdd-es,sec-x", StandardCharsets.UTF_8);
        long studentRows = Files.readAllLines(Path.of("samples/clever/students.csv")).size() - 1;
        long enrollmentRows = Files.readAllLines(Path.of("samples/clever/enrollments.csv")).size();

        // where the sample's deliberate problems are: the sample is what the generator writes
        CleverDistrictGenerator.Layout layout = CleverDistrictGenerator.generate(
                Files.createTempDirectory("sample-layout"), CleverDistrictGenerator.SAMPLE_STUDENTS);
        RunReport run = runOnce();
        ProcessingReport r = processing(run.runId());

        assertThat(r.status()).isEqualTo(run.status());
        assertThat(r.files()).extracting(ProcessingReport.FileSummary::file)
                .containsExactly("schools.csv", "students.csv", "enrollments.csv", "students_ext.csv");
        ProcessingReport.FileSummary s = file(r, "students.csv");
        assertThat(s.encoding()).isEqualTo("windows-1252");
        assertThat(s.rowsRead()).isEqualTo(studentRows);
        assertThat(s.rejected()).isEqualTo(2);
        assertThat(s.accepted()).isEqualTo(studentRows - 2);
        assertThat(s.warnings()).isPositive();
        assertThat(file(r, "schools.csv")).extracting(ProcessingReport.FileSummary::encoding,
                ProcessingReport.FileSummary::rejected).containsExactly("UTF-8", 0L);
        ProcessingReport.FileSummary e = file(r, "enrollments.csv");
        assertThat(e.rowsRead()).isEqualTo(enrollmentRows);
        assertThat(e.accepted() + e.rejected()).isEqualTo(enrollmentRows);

        assertThat(r.problems()).extracting(ProcessingReport.ProblemLine::tier, ProcessingReport.ProblemLine::file,
                ProcessingReport.ProblemLine::line, ProcessingReport.ProblemLine::field).contains(
                tuple(Severity.WARNING, "students.csv", null, null),
                tuple(Severity.WARNING, "students.csv", layout.genderWarningLine(), "Gender"),
                tuple(Severity.ERROR, "students.csv", layout.blankFirstNameLine(), "First_name"),
                tuple(Severity.ERROR, "students.csv", layout.unknownSchoolLine(), "School_id"),
                tuple(Severity.ERROR, "enrollments.csv", enrollmentRows + 1, null));
        assertThat(r.problems()).filteredOn(p -> p.file().equals("enrollments.csv") && p.line() == enrollmentRows + 1)
                .singleElement().extracting(ProcessingReport.ProblemLine::message)
                .isEqualTo("record has 2 fields, the header has 3; record skipped");
        // the whole report's problems are the run report's, line by line
        long lines = run.problems().stream().mapToLong(g -> Math.max(1, g.lines().size())).sum();
        assertThat(r.problems()).hasSize((int) lines);

        String text = Files.readString(data.resolve("reports").resolve(run.runId() + ".processing.txt"));
        assertThat(text).contains("Processing report of run " + run.runId())
                .containsPattern("students\\.csv +windows-1252 +" + studentRows + " +" + (studentRows - 2) + " +2 ")
                .contains("ERROR    students.csv line " + layout.blankFirstNameLine()
                        + ", field First_name: required value is blank; record skipped")
                .contains("WARNING  students.csv line " + layout.genderWarningLine() + ", field Gender: unsupported value 'Q'")
                .contains("WARNING  students.csv: file is not valid UTF-8; read as windows-1252");
    }

    @Test
    @DisplayName("a rejected drop: reason.txt and the processing report name the file and the header; nothing is sent")
    void rejectedDropNamesFileAndHeader() throws Exception {
        Path inbox = demo().cleverInbox();
        TestDistricts.dropSample(inbox);
        Path students = inbox.resolve("students.csv");
        Files.writeString(students, Files.readString(students).replaceFirst("Student_id", "Student_ID"));
        long writes = app.sandbox().counts().total("POST") - app.sandbox().counts().total("POST", "oauth/token");

        RunReport run = runOnce();

        assertThat(run.status()).isEqualTo(RunReport.REJECTED);
        String reason = Files.readString(inbox.resolve("error").resolve(run.runId()).resolve("reason.txt"));
        assertThat(reason.strip()).isEqualTo("students.csv: required header Student_id is missing (the header has "
                + "Student_ID: header names must match exactly, case included)");
        ProcessingReport r = processing(run.runId());
        assertThat(r.status()).isEqualTo("rejected");
        assertThat(file(r, "students.csv")).extracting(ProcessingReport.FileSummary::fatal,
                ProcessingReport.FileSummary::rowsRead, ProcessingReport.FileSummary::encoding)
                .containsExactly(true, null, "UTF-8");
        assertThat(file(r, "schools.csv").fatal()).isFalse();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.tier()).isEqualTo(Severity.FATAL);
            assertThat(p.file()).isEqualTo("students.csv");
            assertThat(p.message()).contains("Student_id");
        });
        String text = Files.readString(data.resolve("reports").resolve(run.runId() + ".processing.txt"));
        assertThat(text).contains("REJECTED the drop").contains("FATAL    students.csv: required header Student_id");
        assertThat(app.sandbox().counts().total("POST") - app.sandbox().counts().total("POST", "oauth/token"))
                .isEqualTo(writes);
    }

    @Test
    @DisplayName("a missing required file: the report lists it as missing and FATAL")
    void missingFile() throws Exception {
        Path inbox = demo().cleverInbox();
        TestDistricts.dropSample(inbox);
        Files.delete(inbox.resolve("enrollments.csv"));
        RunReport run = runOnce();
        ProcessingReport r = processing(run.runId());
        assertThat(file(r, "enrollments.csv")).extracting(ProcessingReport.FileSummary::present,
                ProcessingReport.FileSummary::fatal).containsExactly(false, true);
        assertThat(Files.readString(data.resolve("reports").resolve(run.runId() + ".processing.txt")))
                .containsPattern("enrollments\\.csv +\\(missing\\)");
    }
}
