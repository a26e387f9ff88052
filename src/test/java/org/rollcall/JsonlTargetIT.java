package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.edfi.EdFiJson;
import org.rollcall.report.RunReport;

/** A JSONL directory target: one file per resource, one payload per line, only what changed. */
class JsonlTargetIT {

    @TempDir
    Path data;

    private RollcallApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private RunReport run() {
        TestDistricts.dropSample(app.districts().get("demo").cleverInbox());
        List<RunReport> reports = app.runWaiting();
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    @Test
    void eachRunWritesItsChangesAsOneJsonlFilePerResource() throws Exception {
        Path out = data.resolve("out");
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data,
                Map.of("rollcall.district.demo.edfi.url", "jsonl:" + out), "demo"), RollcallApp.Mode.ONCE, Map.of());
        assertThat(app.sandbox()).as("no sandbox is started for a folder target").isNull();

        RunReport first = run();

        assertThat(first.status()).isEqualTo(RunReport.SUCCEEDED);
        Path dir = out.resolve(first.runId());
        for (String r : CleverToEdFiIT.RESOURCES) {
            List<String> lines = Files.readAllLines(dir.resolve(r + ".jsonl"));
            assertThat(lines).as(r).hasSize((int) first.resources().get(r).created());
            JsonNode firstLine = EdFiJson.read(lines.get(0));
            assertThat(firstLine.isObject()).isTrue();
        }
        assertThat(EdFiJson.read(Files.readAllLines(dir.resolve("students.jsonl")).get(0)).has("studentUniqueId")).isTrue();

        RunReport second = run();
        assertThat(second.resources().values()).allSatisfy(c -> assertThat(c.created() + c.updated()).isZero());
        assertThat(out.resolve(second.runId())).doesNotExist();
    }

    @Test
    void instanceUrlsTakeTheSchoolYearAndDistrict() {
        assertThat(RollcallApp.instanceUrl("https://ods.example.org/{districtId}/{schoolYear}/", "north",
                LocalDate.of(2026, 8, 17))).isEqualTo("https://ods.example.org/north/2027/");
        assertThat(RollcallApp.instanceUrl("https://ods.example.org/", "north", LocalDate.of(2027, 1, 5)))
                .isEqualTo("https://ods.example.org/");
    }
}
