package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.report.Problem;
import org.rollcall.report.RunReport;
import org.rollcall.report.RunReportWriter;

/**
 * rollcall.validate: records that would fail at the target are found before sending, reported with
 * file, line and field, and never sent; with validation off the target's 400 is a dead letter that
 * carries Ed-Fi's message and JSON path.
 */
class PreSendValidationIT {

    @TempDir
    Path data;

    private RollcallApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** A crosswalk that maps Clever sex F to a value no descriptor set has. */
    private Path brokenCrosswalk() throws Exception {
        Path file = data.resolve("clever-broken.csv");
        Files.createDirectories(data);
        Files.writeString(file, Files.readString(Path.of("config/descriptors/clever.csv"))
                .replace("sex,F,SexDescriptor#Female", "sex,F,SexDescriptor#Feminine"));
        return file;
    }

    private RunReport run(Map<String, String> extra) throws Exception {
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data, extra, "demo"),
                RollcallApp.Mode.ONCE, Map.of());
        TestDistricts.dropSample(app.districts().get("demo").cleverInbox());
        List<RunReport> reports = app.runWaiting();
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    @Test
    void aDescriptorValueNotInTheSetsIsReportedWithLineAndPathAndNeverSent() throws Exception {
        RunReport report = run(Map.of("rollcall.district.demo.clever.crosswalk", brokenCrosswalk().toString()));

        assertThat(report.status()).as(RunReportWriter.summary(report)).isEqualTo(RunReport.COMPLETED_WITH_FAILURES);
        long invalid = report.resources().get("studentEducationOrganizationAssociations").failed();
        assertThat(invalid).isPositive();
        assertThat(report.problems()).anySatisfy(g -> {
            assertThat(g.severity()).isEqualTo(Problem.Severity.ERROR);
            assertThat(g.file()).isEqualTo("students.csv");
            assertThat(g.field()).isEqualTo("$.sexDescriptor");
            assertThat(g.message()).contains("SexDescriptor").contains("not sent");
            assertThat(g.lines()).isNotEmpty();
            assertThat(g.count()).isEqualTo(invalid);
        });
        assertThat(app.sandbox().counts().asMap().keySet()).as("the target never saw a bad body")
                .noneMatch(k -> k.endsWith(" 400"));
        // the students themselves were fine and went
        assertThat(report.resources().get("students").created()).isPositive();
    }

    @Test
    void withValidationOffTheTargets400IsADeadLetterWithEdFisMessageAndPath() throws Exception {
        RunReport report = run(Map.of("rollcall.district.demo.clever.crosswalk", brokenCrosswalk().toString(),
                "rollcall.validate", "none"));

        assertThat(report.status()).isEqualTo(RunReport.COMPLETED_WITH_FAILURES);
        assertThat(app.sandbox().counts().get("POST", "studentEducationOrganizationAssociations", 400)).isPositive();
        assertThat(report.failures()).anySatisfy(f -> {
            assertThat(f.status()).isEqualTo(400);
            assertThat(f.resource()).isEqualTo("studentEducationOrganizationAssociations");
            assertThat(f.message()).contains("$.sexDescriptor").contains("SexDescriptor");
            assertThat(f.source()).isEqualTo("students.csv");
        });
        Long stored = app.store().count(report.runId(), org.rollcall.sync.Outcome.FAILED);
        assertThat(stored).isEqualTo(report.resources().get("studentEducationOrganizationAssociations").failed());
    }
}
