package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.report.Problem;
import org.rollcall.report.RunReport;
import org.rollcall.run.District;

/**
 * The first path end to end: a Clever drop in an inbox, through the YAML routes in routes/, over
 * real HTTP to the sandbox, with the state store on an H2 file. These are the foundation issue's
 * "done when" checks.
 */
class CleverToEdFiIT {

    static final List<String> RESOURCES = List.of("localEducationAgencies", "schools", "students",
            "studentSchoolAssociations", "studentEducationOrganizationAssociations");

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

    /** POSTs of data resources; token requests are not counted. */
    private long posts() {
        return RESOURCES.stream().mapToLong(r -> app.sandbox().counts().total("POST", r)).sum();
    }

    @Test
    void theSampleDistrictIsCreatedThenUnchangedOnTheSecondRun() throws Exception {
        TestDistricts.dropSample(demo().cleverInbox());
        RunReport first = runOnce();
        assertThat(first.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(first.exitCode()).isZero();
        for (String r : RESOURCES) {
            assertThat(first.resources().get(r).created()).as(r + " created").isPositive();
            assertThat(first.resources().get(r).failed()).as(r + " failed").isZero();
        }
        assertThat(first.failures()).isEmpty();
        // every payload the hub sent passed the official schema: not one 400
        assertThat(app.sandbox().counts().asMap().keySet()).noneMatch(k -> k.endsWith(" 400"));
        assertThat(Files.exists(data.resolve("reports").resolve(first.runId() + ".json"))).isTrue();
        assertThat(Files.readString(data.resolve("reports/latest.json"))).contains(first.runId());
        assertThat(Files.list(demo().cleverInbox().resolve("archive").resolve(first.runId()))).hasSize(4);

        long postsAfterFirst = posts();
        TestDistricts.dropSample(demo().cleverInbox());
        RunReport second = runOnce();
        assertThat(second.status()).isEqualTo(RunReport.SUCCEEDED);
        for (String r : RESOURCES) {
            RunReport.Counts c = second.resources().get(r);
            assertThat(c.created() + c.updated() + c.failed()).as(r).isZero();
            assertThat(c.unchanged()).as(r).isEqualTo(first.resources().get(r).created());
        }
        assertThat(posts()).as("the sandbox's POST count does not move").isEqualTo(postsAfterFirst);
    }

    @Test
    void changingOneStudentsRaceUpdatesExactlyOneDemographicsRecord() throws Exception {
        TestDistricts.dropSample(demo().cleverInbox());
        runOnce();
        TestDistricts.dropSample(demo().cleverInbox());
        AtomicBoolean changed = new AtomicBoolean();
        String[] student = {null};
        TestDistricts.editCsv(demo().cleverInbox().resolve("students.csv"), row -> {
            if (!changed.get() && "W".equals(row.get("Race")) && !row.get("First_name").isBlank()) {
                student[0] = row.get("Student_id");
                changed.set(true);
            }
            // every row of the student: one with two contacts has two
            if (row.get("Student_id").equals(student[0])) {
                row.put("Race", "B");
            }
            return row;
        });
        assertThat(changed).isTrue();
        RunReport report = runOnce();
        assertThat(report.problems()).noneSatisfy(g -> assertThat(g.message()).contains("same"));
        assertThat(report.resources().get("studentEducationOrganizationAssociations").updated()).isEqualTo(1);
        for (String r : RESOURCES) {
            RunReport.Counts c = report.resources().get(r);
            long expected = r.equals("studentEducationOrganizationAssociations") ? 1 : 0;
            assertThat(c.created() + c.updated()).as(r).isEqualTo(expected);
        }
    }

    @Test
    void editingTheCrosswalkResendsExactlyTheRecordsWhoseBodyItChanges() throws Exception {
        TestDistricts.dropSample(demo().cleverInbox());
        runOnce();
        app.close();
        long blackStudents;
        try (var rows = Files.lines(Path.of("samples/clever/students.csv"))) {
            blackStudents = rows.skip(1).filter(l -> l.contains(",B,")).count();
        }
        Path crosswalk = data.resolve("clever-edited.csv");
        Files.writeString(crosswalk, Files.readString(Path.of("config/descriptors/clever.csv"))
                .replace("race,B,RaceDescriptor#Black or African American", "race,B,RaceDescriptor#Other"));
        assertThat(Files.readString(crosswalk)).contains("race,B,RaceDescriptor#Other");
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data,
                Map.of("rollcall.district.demo.clever.crosswalk", crosswalk.toString()), "demo"), RollcallApp.Mode.ONCE, Map.of());
        TestDistricts.dropSample(demo().cleverInbox());

        RunReport report = runOnce();

        long updated = report.resources().get("studentEducationOrganizationAssociations").updated();
        assertThat(updated).isPositive().isLessThanOrEqualTo(blackStudents);
        for (String r : RESOURCES) {
            RunReport.Counts c = report.resources().get(r);
            assertThat(c.created() + c.updated()).as(r).isEqualTo(
                    r.equals("studentEducationOrganizationAssociations") ? updated : 0);
        }
    }

    @Test
    void aMissingRequiredHeaderRejectsTheWholeDropAndSendsNothing() throws Exception {
        Path inbox = demo().cleverInbox();
        TestDistricts.dropSample(inbox);
        List<String> lines = Files.readAllLines(inbox.resolve("students.csv"));
        String header = lines.get(0).replace("Last_name", "Surname");
        lines.set(0, header);
        Files.write(inbox.resolve("students.csv"), lines);
        long before = posts();

        RunReport report = runOnce();

        assertThat(report.status()).isEqualTo(RunReport.REJECTED);
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.message()).contains("students.csv").contains("Last_name");
        assertThat(posts()).isEqualTo(before);
        Path error = inbox.resolve("error").resolve(report.runId());
        assertThat(error.resolve("students.csv")).exists();
        assertThat(error.resolve("schools.csv")).exists();
        assertThat(Files.readString(error.resolve("reason.txt"))).contains("students.csv").contains("Last_name");
        assertThat(inbox.resolve("students.csv")).doesNotExist();
    }

    @Test
    void anUnsupportedGenderIsReportedWithFileLineAndFieldAndTheRestOfTheFileGoes() throws Exception {
        TestDistricts.dropSample(demo().cleverInbox());
        RunReport report = runOnce();
        assertThat(report.problems()).anySatisfy(g -> {
            assertThat(g.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(g.file()).isEqualTo("students.csv");
            assertThat(g.field()).isEqualTo("Gender");
            assertThat(g.lines()).isNotEmpty();
        });
        assertThat(report.resources().get("students").created()).isGreaterThan(200);
    }
}
