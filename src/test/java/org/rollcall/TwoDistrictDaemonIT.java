package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.report.RunReport;
import org.rollcall.run.District;

/**
 * `./rollcall run` as a daemon with two districts: each is a block of configuration, each gets its
 * own instances of the route templates, drops are picked up from the inboxes by the watch routes,
 * and operators see it on /observe/health and /observe/metrics.
 */
class TwoDistrictDaemonIT {

    @TempDir
    Path data;

    private RollcallApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void twoDistrictsAreTwoBlocksOfConfigAndBothDropsArrive() throws Exception {
        int port = freePort();
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data, "demo", "north"),
                RollcallApp.Mode.DAEMON, Map.of("camel.management.port", Integer.toString(port)));
        assertThat(app.camel().getRoutes()).extracting(r -> r.getRouteId()).contains(
                "clever-watch-demo", "clever-drop-demo", "edfi-delivery-demo",
                "clever-watch-north", "clever-drop-north", "edfi-delivery-north");

        District demo = app.districts().get("demo");
        District north = app.districts().get("north");
        TestDistricts.dropSample(demo.cleverInbox());
        Path northDrop = data.resolve("north-drop");
        TestDistricts.copyDrop(Path.of("samples/clever"), northDrop);
        // the north district has its own schools and students
        TestDistricts.editCsv(northDrop.resolve("schools.csv"), r -> rekey(r, "State_id"));
        TestDistricts.editCsv(northDrop.resolve("students.csv"), r -> {
            r.put("Student_id", r.get("Student_id").isBlank() ? "" : "N" + r.get("Student_id"));
            return r;
        });
        TestDistricts.editCsv(northDrop.resolve("enrollments.csv"), r -> {
            r.put("Student_id", "N" + r.get("Student_id"));
            return r;
        });
        TestDistricts.copyDrop(northDrop, north.cleverInbox());

        await().atMost(Duration.ofSeconds(60)).until(() -> archived(demo) && archived(north));

        RunReport demoReport = latestReport("demo");
        RunReport northReport = latestReport("north");
        assertThat(demoReport.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(northReport.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(northReport.resources().get("localEducationAgencies").created()).isEqualTo(1);
        assertThat(northReport.resources().get("schools").created()).isEqualTo(demoReport.resources().get("schools").created());
        assertThat(northReport.resources().get("students").created()).isEqualTo(demoReport.resources().get("students").created());
        assertThat(app.sandbox().counts().get("POST", "localEducationAgencies", 201)).isEqualTo(2);

        HttpClient http = HttpClient.newHttpClient();
        String health = get(http, "http://127.0.0.1:" + port + "/observe/health");
        assertThat(health).contains("UP");
        String metrics = get(http, "http://127.0.0.1:" + port + "/observe/metrics");
        assertThat(metrics).contains("rollcall_records_total{").contains("district=\"north\"")
                .contains("resource=\"students\"").contains("outcome=\"created\"");
        assertThat(metrics).contains("routeId=\"edfi-delivery-north\"");
        assertThat(metrics).doesNotContain("studentUniqueId");
    }

    private static Map<String, String> rekey(Map<String, String> row, String column) {
        row.put(column, row.get(column).replaceFirst("^867530", "867531"));
        return row;
    }

    private boolean archived(District d) throws Exception {
        Path archive = d.cleverInbox().resolve("archive");
        if (!Files.isDirectory(archive)) {
            return false;
        }
        try (var runs = Files.list(archive)) {
            return runs.findAny().isPresent() && !Files.exists(d.cleverInbox().resolve("students.csv"))
                    && Files.exists(data.resolve("reports").resolve("latest.json"))
                    && reportFor(d.id()) != null;
        }
    }

    private RunReport latestReport(String district) throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> reportFor(district) != null);
        return reportFor(district);
    }

    private RunReport reportFor(String district) throws Exception {
        try (var files = Files.list(data.resolve("reports"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().contains("-" + district + "-")).toList()) {
                // the run report, not the drop's processing report next to it
                if (f.toString().endsWith(".json") && !f.toString().endsWith(".processing.json")) {
                    return new com.fasterxml.jackson.databind.ObjectMapper()
                            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                            .readValue(f.toFile(), RunReport.class);
                }
            }
        }
        return null;
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
