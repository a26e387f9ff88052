package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.report.RunReport;
import org.rollcall.run.District;

/**
 * `./rollcall run` watching a folder inbox through the clever-watch route: a partial upload is
 * never read as a snapshot, it waits, and the operator hears of it when it waits too long; a done
 * marker completes a drop and travels with it to the archive.
 */
class FolderDropArrivalIT {

    @TempDir
    Path data;

    private RollcallApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private District start(Map<String, String> extra) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Map<String, String> keys = new HashMap<>(extra);
        keys.put("rollcall.district.demo.clever.poll-interval", "300ms");
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data, keys, "demo"),
                RollcallApp.Mode.DAEMON, Map.of("camel.management.port", Integer.toString(port)));
        return app.districts().get("demo");
    }

    private HealthCheck.Result health() {
        return HealthCheckRegistry.get(app.camel()).getCheck("clever-arrival-demo").orElseThrow().call();
    }

    private RunReport latest() throws Exception {
        return app.reports().latest().orElse(null);
    }

    @Test
    @DisplayName("students.csv there, enrollments.csv still missing: the drop waits (never rejected), the health check "
            + "says so after clever.incomplete-after, and the drop runs once it is complete")
    void incompleteDropWaits() throws Exception {
        District demo = start(Map.of("rollcall.district.demo.clever.incomplete-after", "2s"));
        Path inbox = demo.cleverInbox();
        Files.copy(Path.of("samples/clever/schools.csv"), inbox.resolve("schools.csv"));
        Files.copy(Path.of("samples/clever/students.csv"), inbox.resolve("students.csv"));

        await().atMost(Duration.ofSeconds(20)).until(() -> health().getState() == HealthCheck.State.DOWN);
        assertThat(health().getMessage()).get().asString().startsWith("an incomplete drop has waited")
                .endsWith("enrollments.csv is missing");
        assertThat(latest()).as("no run, no rejection").isNull();
        assertThat(inbox.resolve("students.csv")).exists();
        assertThat(inbox.resolve("error")).doesNotExist();

        Files.copy(Path.of("samples/clever/enrollments.csv"), inbox.resolve("enrollments.csv"));
        await().atMost(Duration.ofSeconds(60)).until(() -> latest() != null);
        assertThat(latest().status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(health().getState()).isEqualTo(HealthCheck.State.UP);
    }

    @Test
    @DisplayName("the same file names dropped again are picked up again (nothing remembers names); the same content "
            + "is a run in which everything is unchanged and nothing is written")
    void sameNamesAgain() throws Exception {
        District demo = start(Map.of());
        TestDistricts.dropSample(demo.cleverInbox());
        await().atMost(Duration.ofSeconds(60)).until(() -> latest() != null);
        RunReport first = latest();
        assertThat(first.resources().get("students").created()).isPositive();
        var counts = app.sandbox().counts();
        long writes = counts.total("POST") - counts.total("POST", "oauth/token") + counts.total("PUT")
                + counts.total("DELETE");

        TestDistricts.dropSample(demo.cleverInbox());
        await().atMost(Duration.ofSeconds(60)).until(() -> !latest().runId().equals(first.runId()));
        RunReport second = latest();
        assertThat(second.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(second.resources().values()).allSatisfy(c -> {
            assertThat(c.created() + c.updated() + c.deleted() + c.exited()).isZero();
            assertThat(c.unchanged()).isPositive();
        });
        assertThat(counts.total("POST") - counts.total("POST", "oauth/token") + counts.total("PUT")
                + counts.total("DELETE")).isEqualTo(writes);
    }

    @Test
    @DisplayName("run --once processes what waits now without a quiet period, but leaves a drop without its done marker "
            + "alone and says why")
    void runOnceAndTheDoneMarker() throws Exception {
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data,
                Map.of("rollcall.district.demo.clever.done-marker", "upload.done"), "demo"), RollcallApp.Mode.ONCE, Map.of());
        Path inbox = app.districts().get("demo").cleverInbox();
        TestDistricts.dropSample(inbox);
        assertThat(app.runWaiting()).isEmpty();
        assertThat(app.notProcessed()).singleElement().asString().startsWith("district demo: the drop in ")
                .endsWith("has not got its done marker upload.done yet; it is not processed");
        assertThat(inbox.resolve("students.csv")).exists();

        Files.writeString(inbox.resolve("upload.done"), "");
        assertThat(app.runWaiting()).singleElement().extracting(RunReport::status).isEqualTo(RunReport.SUCCEEDED);
        assertThat(app.notProcessed()).isEmpty();
    }

    @Test
    @DisplayName("a done marker completes a folder drop however recently its files changed; it is archived with them")
    void doneMarker() throws Exception {
        District demo = start(Map.of("rollcall.district.demo.clever.done-marker", ".done",
                "rollcall.district.demo.clever.quiet-period", "1h"));
        TestDistricts.dropSample(demo.cleverInbox());
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> latest() == null);

        Files.writeString(demo.cleverInbox().resolve(".done"), "");
        await().atMost(Duration.ofSeconds(60)).until(() -> latest() != null);
        RunReport run = latest();
        assertThat(run.status()).isEqualTo(RunReport.SUCCEEDED);
        Path archive = demo.cleverInbox().resolve("archive").resolve(run.runId());
        assertThat(archive.resolve(".done")).exists();
        assertThat(archive.resolve("students.csv")).exists();
        assertThat(demo.cleverInbox().resolve(".done")).doesNotExist();
    }
}
