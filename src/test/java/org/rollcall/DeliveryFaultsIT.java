package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.report.RunReport;
import org.rollcall.report.RunReportWriter;
import org.rollcall.run.District;
import org.rollcall.sandbox.RequestCounts;

/**
 * Every failure mode of a target, rehearsed on the sandbox with its faults switched on: retries
 * with backoff, Retry-After, one token refresh, re-queued references, dead letters that are sent
 * again, and the rule that no record is lost or created twice.
 */
class DeliveryFaultsIT {

    static final List<String> RESOURCES = CleverToEdFiIT.RESOURCES;

    @TempDir
    Path data;

    private RollcallApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void start(Map<String, String> extra) throws Exception {
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data, extra, "demo"),
                RollcallApp.Mode.ONCE, Map.of());
    }

    private District demo() {
        return app.districts().get("demo");
    }

    private RunReport runSample() {
        TestDistricts.dropSample(demo().cleverInbox());
        List<RunReport> reports = app.runWaiting();
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    private static long sum(RunReport r, java.util.function.ToLongFunction<RunReport.Counts> f) {
        return r.resources().values().stream().mapToLong(f).sum();
    }

    @Test
    void serverErrorsAndDroppedConnectionsAreRetriedAndNoRecordIsLostOrCreatedTwice() throws Exception {
        start(Map.of("rollcall.district.demo.edfi.retries", "8"));
        app.sandbox().faults().errors(0.15).drops(0.10);

        RunReport first = runSample();

        app.sandbox().faults().clear();
        assertThat(first.status()).as(RunReportWriter.summary(first)).isEqualTo(RunReport.SUCCEEDED);
        assertThat(sum(first, RunReport.Counts::failed)).isZero();
        RequestCounts counts = app.sandbox().counts();
        assertThat(counts.get("POST", "students", 500)).as("the faults did happen").isPositive();
        assertThat(sum(first, RunReport.Counts::updated)).as("records whose answer was dropped were sent again "
                + "and the target answered that it had them").isPositive();
        // a dropped answer is sent again and the target upserts: one record per key, never two
        SandboxReader target = new SandboxReader(app.sandbox());
        assertThat(target.all("students")).hasSize((int) first.resources().get("students").created()
                + (int) first.resources().get("students").updated());
        assertThat(target.all("studentSchoolAssociations")).hasSize(
                (int) (first.resources().get("studentSchoolAssociations").created()
                        + first.resources().get("studentSchoolAssociations").updated()));

        RunReport second = runSample();
        assertThat(sum(second, c -> c.created() + c.updated() + c.failed())).isZero();
    }

    @Test
    void aBurstOf429IsWaitedOutAsRetryAfterSaysAndConcurrencyBacksOff() throws Exception {
        start(Map.of());
        app.sandbox().faults().tooManyRequests(2, Duration.ofSeconds(2));
        long started = System.nanoTime();

        RunReport report = runSample();

        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(report.status()).as(RunReportWriter.summary(report)).isEqualTo(RunReport.SUCCEEDED);
        assertThat(app.sandbox().counts().get("POST", "localEducationAgencies", 429)).isEqualTo(2);
        // backoff alone would have waited 0.2 s + 0.4 s
        assertThat(tookMillis).as("Retry-After: 2 was honoured twice").isGreaterThanOrEqualTo(4000);
        assertThat(demo().target().concurrency().limit()).isLessThanOrEqualTo(demo().target().concurrency().max());
    }

    @Test
    void a503WithRetryAfterIsRetriedToo() throws Exception {
        start(Map.of());
        app.sandbox().faults().unavailable(3, Duration.ofSeconds(1));

        RunReport report = runSample();

        assertThat(report.status()).as(RunReportWriter.summary(report)).isEqualTo(RunReport.SUCCEEDED);
        assertThat(app.sandbox().counts().get("POST", "localEducationAgencies", 503)).isEqualTo(3);
    }

    @Test
    void aTokenThatExpiresMidRunIsRefreshedOnceForAllThreads() throws Exception {
        start(Map.of());
        runSample();
        long tokensBefore = app.sandbox().counts().total("POST", "oauth/token");
        app.sandbox().faults().expireTokens();
        TestDistricts.dropSample(demo().cleverInbox());
        TestDistricts.editCsv(demo().cleverInbox().resolve("students.csv"), row -> {
            row.put("Grade", row.get("Grade").equals("5") ? "6" : row.get("Grade"));
            return row;
        });

        RunReport report = app.runWaiting().get(0);

        assertThat(report.status()).as(RunReportWriter.summary(report)).isEqualTo(RunReport.SUCCEEDED);
        assertThat(sum(report, RunReport.Counts::updated)).isPositive();
        assertThat(app.sandbox().counts().total("POST", "oauth/token") - tokensBefore).isEqualTo(1);
        assertThat(app.sandbox().counts().asMap().keySet()).anyMatch(k -> k.endsWith(" 401"));
    }

    @Test
    void refusedRecordsAreDeadLetteredWithTheReasonAndSentAgainByTheNextRun() throws Exception {
        start(Map.of("rollcall.district.demo.edfi.retries", "0"));
        app.sandbox().faults().only("studentEducationOrganizationAssociations").errors(1.0);

        RunReport failing = runSample();

        app.sandbox().faults().clear();
        assertThat(failing.status()).as(RunReportWriter.summary(failing)).isEqualTo(RunReport.COMPLETED_WITH_FAILURES);
        assertThat(failing.exitCode()).isEqualTo(1);
        long dead = failing.resources().get("studentEducationOrganizationAssociations").failed();
        assertThat(dead).isPositive();
        assertThat(failing.failures()).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(500);
            assertThat(f.resource()).isEqualTo("studentEducationOrganizationAssociations");
            assertThat(f.source()).isEqualTo("students.csv");
            assertThat(f.lines()).isNotEmpty();
        });

        // unlike lightbeam, a failed record is not remembered as done: the next run sends it, and only it
        RunReport next = runSample();
        assertThat(next.status()).as(RunReportWriter.summary(next)).isEqualTo(RunReport.SUCCEEDED);
        assertThat(next.resources().get("studentEducationOrganizationAssociations").created()).isEqualTo(dead);
        assertThat(next.resources().get("students").created() + next.resources().get("students").updated()).isZero();
    }

    @Test
    void retryFailedReplaysTheDeadLettersNow() throws Exception {
        start(Map.of("rollcall.district.demo.edfi.retries", "0"));
        app.sandbox().faults().only("students").errors(1.0);
        RunReport failing = runSample();
        app.sandbox().faults().clear();
        long deadStudents = failing.resources().get("students").failed();
        assertThat(deadStudents).isPositive();
        // the children of a failed student hit an unresolved reference, were re-queued once, then dead-lettered
        assertThat(failing.resources().get("studentSchoolAssociations").failed()).isPositive();
        assertThat(failing.failures()).anySatisfy(f -> {
            assertThat(f.status()).isEqualTo(409);
            assertThat(f.resource()).isEqualTo("studentSchoolAssociations");
        });

        List<RunReport> retried = app.replays().retryFailed(null);

        assertThat(retried).singleElement().satisfies(r -> {
            assertThat(r.status()).as(RunReportWriter.summary(r)).isEqualTo(RunReport.SUCCEEDED);
            assertThat(r.resources().get("students").created()).isEqualTo(deadStudents);
            assertThat(r.resources().get("studentSchoolAssociations").created())
                    .isEqualTo(failing.resources().get("studentSchoolAssociations").failed());
        });
        assertThat(app.replays().retryFailed(null)).as("nothing is left to retry")
                .allSatisfy(r -> assertThat(sum(r, c -> c.created() + c.failed())).isZero());
    }
}
