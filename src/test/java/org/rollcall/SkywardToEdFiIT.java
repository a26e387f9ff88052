package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.config.RollcallConfig;
import org.rollcall.model.StudentStatus;
import org.rollcall.report.RunReport;
import org.rollcall.skyward.simulator.QmlativSimulator;
import org.rollcall.skyward.simulator.SimulatedDistrict;
import org.rollcall.skyward.simulator.SimulatedDistrict.Kind;
import org.rollcall.skyward.simulator.SimulatorOptions;

/**
 * Skyward Qmlativ to Ed-Fi end to end: the simulator on loopback, the whole app with its YAML routes,
 * the sandbox over real HTTP, the state store on an H2 file, and "today" from an injected clock in
 * the district's time zone. Seed 002's status rules are checked on what arrives in Ed-Fi.
 */
class SkywardToEdFiIT {

    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    static final List<String> RESOURCES = List.of("localEducationAgencies", "schools", "students", "contacts",
            "studentSchoolAssociations", "studentEducationOrganizationAssociations", "studentContactAssociations");
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private QmlativSimulator sim;
    private RollcallApp app;
    private String sandboxToken;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    /** A clock whose date is {@link #TODAY} in the district's zone, with time running. */
    static Clock clock() {
        Instant noon = TODAY.atTime(LocalTime.NOON).atZone(ZONE).toInstant();
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), noon));
    }

    private void start(SimulatorOptions options, int pageSize) throws Exception {
        start(options, pageSize, RollcallApp.Mode.ONCE, Map.of());
    }

    private void start(SimulatorOptions options, int pageSize, RollcallApp.Mode mode, Map<String, String> extra)
            throws Exception {
        sim = QmlativSimulator.start(options);
        Map<String, String> p = new HashMap<>();
        p.put("rollcall.data-dir", data.toString());
        p.put("rollcall.districts", "demo");
        p.put("rollcall.district.demo.lea-id", "867530");
        p.put("rollcall.district.demo.lea-name", "District demo");
        p.put("rollcall.district.demo.clever.inbox", data.resolve("inbox").toString());
        p.put("rollcall.district.demo.edfi.concurrency", "8");
        p.put("rollcall.district.demo.skyward.url", sim.baseUrl().toString());
        p.put("rollcall.district.demo.skyward.client-key", options.clientKey());
        p.put("rollcall.district.demo.skyward.client-secret", "${env:DEMO_SKYWARD_SECRET}");
        p.put("rollcall.district.demo.skyward.page-size", Integer.toString(pageSize));
        p.put("rollcall.district.demo.skyward.time-zone", ZONE.getId());
        p.put("rollcall.district.demo.skyward.retries", "3");
        p.put("rollcall.district.demo.skyward.backoff", "10ms");
        p.putAll(extra);
        RollcallConfig config = RollcallConfig.of(p, Map.of("DEMO_SKYWARD_SECRET", options.clientSecret()));
        Map<String, String> camel = new HashMap<>();
        if (mode == RollcallApp.Mode.DAEMON) {
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                camel.put("camel.management.port", Integer.toString(s.getLocalPort()));
            }
        }
        app = RollcallApp.start(Path.of("").toAbsolutePath(), config, mode, camel, clock());
    }

    private RunReport runOnce() {
        List<RunReport> reports = app.runSkyward();
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    private long posts() {
        return RESOURCES.stream().mapToLong(r -> app.sandbox().counts().total("POST", r)).sum();
    }

    private static Map<String, Long> expectedStatuses(SimulatedDistrict d) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (StudentStatus s : StudentStatus.values()) {
            out.put(s.label(), d.expectedStatusCounts().getOrDefault(s, 0L));
        }
        return out;
    }

    @Test
    void aNightlyRunOf10000StudentsAcrossPagesWithTheTokenExpiringMidRunThenAnIdenticalRunChangesNothing()
            throws Exception {
        start(SimulatorOptions.district(10_000, TODAY).expireTokensAfter(12).fail("Demographics/Name", 3, 503, 1)
                .tooManyRequestsEvery(40), 500);
        SimulatedDistrict d = sim.district();

        RunReport first = runOnce();

        assertThat(first.status()).as(first.message()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(first.statuses()).isEqualTo(expectedStatuses(d));
        assertThat(first.resources().get("students").created()).isEqualTo(d.importedStudents());
        for (String r : RESOURCES) {
            assertThat(first.resources().get(r).created()).as(r + " created").isPositive();
            assertThat(first.resources().get(r).failed()).as(r + " failed").isZero();
        }
        assertThat(app.sandbox().counts().asMap().keySet()).noneMatch(k -> k.endsWith(" 400") || k.endsWith(" 409"));
        assertThat(sim.tokensIssued()).as("a new token after the first one expired").isGreaterThanOrEqualTo(2);
        assertThat(sim.counts().get("GET Demographics/Name 503")).isEqualTo(1);
        assertThat(sim.counts().get("GET Demographics/Name 200")).as("names across pages").isGreaterThan(40);

        long postsAfterFirst = posts();
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
    void everyStatusRuleOfSeed002ArrivesInEdFi() throws Exception {
        start(SimulatorOptions.district(220, TODAY), 50);
        SimulatedDistrict d = sim.district();
        RunReport report = runOnce();
        assertThat(report.status()).as(report.message()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(report.statuses()).isEqualTo(expectedStatuses(d));
        assertThat(Files.readString(data.resolve("reports").resolve(report.runId() + ".json"))).contains("PRE-ENROLLED");

        Map<String, List<JsonNode>> ssa = byStudent(getAll("studentSchoolAssociations"));
        Map<String, Kind> kinds = new HashMap<>();
        sim.district().rows("Student/Student").forEach(r -> kinds.put(r.get("StudentNumber").asText(),
                d.kindOf(r.get("StudentNumber").asText())));
        for (Map.Entry<String, Kind> e : kinds.entrySet()) {
            List<JsonNode> enrollments = ssa.getOrDefault(e.getKey(), List.of());
            String who = e.getKey() + " " + e.getValue();
            switch (e.getValue()) {
                case OUT_OF_WINDOW -> assertThat(enrollments).as(who + ": withdrew over a year ago, not imported").isEmpty();
                case GRADUATED -> {
                    assertThat(enrollments).as(who).hasSize(1);
                    assertThat(enrollments.get(0).path("exitWithdrawTypeDescriptor").asText())
                            .as(who + ": exited, never deleted").endsWith("#Graduated");
                    assertThat(enrollments.get(0).has("exitWithdrawDate")).isTrue();
                }
                case INACTIVE, CECS_ONLY_CURRENT -> {
                    assertThat(enrollments).as(who + ": every enrollment exited (CECS ones are not sent)")
                            .isNotEmpty().allMatch(x -> x.has("exitWithdrawDate") && x.has("exitWithdrawTypeDescriptor"));
                    assertThat(enrollments).hasSize(e.getValue() == Kind.INACTIVE ? 2 : 1);
                }
                case PRE_ENROLLED -> {
                    assertThat(enrollments).as(who).hasSize(1);
                    assertThat(LocalDate.parse(enrollments.get(0).get("entryDate").asText())).isAfter(TODAY);
                    assertThat(enrollments.get(0).has("exitWithdrawDate")).isFalse();
                }
                case SAME_DAY_TODAY -> {
                    assertThat(enrollments).as(who).hasSize(1);
                    JsonNode x = enrollments.get(0);
                    assertThat(x.get("entryDate").asText()).isEqualTo(TODAY.toString());
                    assertThat(x.get("exitWithdrawDate").asText()).isEqualTo(TODAY.toString());
                    assertThat(x.get("exitWithdrawTypeDescriptor").asText())
                            .as("the Qmlativ code's own Ed-Fi descriptor wins over the crosswalk").endsWith("#Withdrawn");
                }
                case TWO_SCHOOLS -> assertThat(enrollments).as(who).hasSize(2).noneMatch(x -> x.has("exitWithdrawDate"));
                case CECS_AND_HOME -> assertThat(enrollments).as(who + ": the CECS enrollment is not sent").hasSize(1);
                case SUMMER -> assertThat(enrollments).as(who).hasSize(2);
                case ENDS_TODAY -> assertThat(enrollments.get(0).path("exitWithdrawTypeDescriptor").asText())
                        .as("82 through the crosswalk").endsWith("#Transferred");
                default -> assertThat(enrollments).as(who).hasSize(1);
            }
        }
        // parents and guardians arrive as contacts; a non-guardian emergency contact does not
        List<JsonNode> contacts = getAll("contacts");
        List<JsonNode> links = getAll("studentContactAssociations");
        long guardians = d.rows("Demographics/NameRelationship").stream()
                .filter(r -> r.get("IsGuardian").asBoolean())
                .filter(r -> d.kindOf(studentNumberOfName(d, r.get("NameID").asLong())).expected != null).count();
        assertThat(links).hasSize((int) guardians);
        assertThat(contacts).hasSize((int) guardians);
        assertThat(links).allMatch(l -> l.path("relationDescriptor").asText().matches(".*#(Mother|Father|Guardian)"));
        assertThat(links).anyMatch(l -> l.path("primaryContactStatus").asBoolean() && l.path("contactPriority").asInt() == 1);
        assertThat(contacts).allMatch(c -> c.has("firstName") && c.has("lastSurname"));
        assertThat(contacts).noneMatch(c -> c.get("contactUniqueId").asText().startsWith("9"));
    }

    @Test
    void aFetchThatFailsMidWayPlansAndSendsNothingDeletesNothingAndTheNextRunCompletes() throws Exception {
        start(SimulatorOptions.district(200, TODAY), 50);
        RunReport first = runOnce();
        assertThat(first.status()).isEqualTo(RunReport.SUCCEEDED);
        long postsAfterFirst = posts();

        sim.fail("Demographics/Name", 2, 503, -1);
        RunReport failed = runOnce();
        assertThat(failed.status()).isEqualTo(RunReport.FAILED);
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.message()).contains("did not complete").contains("nothing was planned or sent")
                .contains("Demographics/Name page 2").contains("503");
        assertThat(failed.resources()).isEmpty();
        assertThat(failed.statuses()).isEmpty();
        assertThat(posts()).isEqualTo(postsAfterFirst);
        assertThat(app.sandbox().counts().total("DELETE")).isZero();
        assertThat(Files.list(data.resolve("skyward"))).as("the names spool is removed").isEmpty();

        sim.heal();
        RunReport next = runOnce();
        assertThat(next.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(next.resources().get("students").unchanged()).isEqualTo(first.resources().get("students").created());
        assertThat(posts()).isEqualTo(postsAfterFirst);
    }

    @Test
    void anEnrollmentMissingFromACompletePullIsExitedButAFailedPullExitsNothing() throws Exception {
        start(SimulatorOptions.district(100, TODAY), 40);
        SimulatedDistrict d = sim.district();
        assertThat(runOnce().status()).isEqualTo(RunReport.SUCCEEDED);
        // a TWO_SCHOOLS student loses one of their two enrollments in Skyward
        String number = d.rows("Student/Student").stream().map(r -> r.get("StudentNumber").asText())
                .filter(n -> d.kindOf(n) == Kind.TWO_SCHOOLS).findFirst().orElseThrow();
        long studentId = d.rows("Student/Student").stream().filter(r -> r.get("StudentNumber").asText().equals(number))
                .findFirst().orElseThrow().get("StudentID").asLong();
        assertThat(d.rows("Enrollment/EntryWithdrawal").removeIf(r -> r.get("StudentID").asLong() == studentId
                && r.get("SchoolID").asLong() != 1 + (studentId - 1000) % d.schoolCount())).isTrue();
        long before = posts() + app.sandbox().counts().total("PUT");

        sim.fail("Demographics/Name", 2, 503, -1);
        RunReport failed = runOnce();
        assertThat(failed.status()).isEqualTo(RunReport.FAILED);
        assertThat(posts() + app.sandbox().counts().total("PUT")).as("no exit from a failed pull").isEqualTo(before);

        sim.heal();
        RunReport next = runOnce();
        assertThat(next.status()).as(next.message()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(next.resources().get("studentSchoolAssociations").exited()).isEqualTo(1);
        List<JsonNode> ssa = byStudent(getAll("studentSchoolAssociations")).get(number);
        assertThat(ssa).hasSize(2);
        assertThat(ssa).filteredOn(x -> x.has("exitWithdrawDate")).singleElement()
                .satisfies(x -> assertThat(x.get("exitWithdrawDate").asText()).isEqualTo(TODAY.toString()));
        assertThat(app.sandbox().counts().total("DELETE")).isZero();
    }

    @Test
    void aFetchThatFailsOnTheFirstRunSendsNothingAtAll() throws Exception {
        start(SimulatorOptions.district(100, TODAY).fail("Enrollment/EntryWithdrawal", 2, 503, 4), 40);
        RunReport failed = runOnce();
        assertThat(failed.status()).isEqualTo(RunReport.FAILED);
        assertThat(failed.message()).contains("Enrollment/EntryWithdrawal page 2");
        assertThat(posts()).isZero();
        RunReport next = runOnce();
        assertThat(next.status()).as(next.message()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(next.resources().get("students").created()).isEqualTo(sim.district().importedStudents());
    }

    @Test
    void aSecondTriggerWhileASyncIsRunningIsSkipped() throws Exception {
        start(SimulatorOptions.district(100, TODAY).slowPages(1, Duration.ofMillis(60)), 50);
        var template = app.camel().createProducerTemplate();
        CompletableFuture<RunReport> a = CompletableFuture.supplyAsync(
                () -> template.requestBody("direct:skyward-sync-demo", null, RunReport.class));
        Thread.sleep(150);
        RunReport b = template.requestBody("direct:skyward-sync-demo", null, RunReport.class);
        assertThat(b).as("the second trigger is skipped").isNull();
        assertThat(a.get().status()).isEqualTo(RunReport.SUCCEEDED);
    }

    @Test
    void theQuartzScheduleRunsTheSyncInTheDistrictsTimeZone() throws Exception {
        start(SimulatorOptions.district(60, TODAY), 50, RollcallApp.Mode.DAEMON,
                Map.of("rollcall.district.demo.skyward.schedule", "0/2 * * * * ?"));
        assertThat(app.camel().getRoutes()).extracting(r -> r.getRouteId())
                .contains("skyward-schedule-demo", "skyward-sync-demo", "edfi-delivery-demo");
        assertThat(app.camel().getRoute("skyward-schedule-demo").getEndpoint().getEndpointUri())
                .contains("America").contains("Chicago");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> app.reports().latest().filter(r -> r.source().equals("skyward")
                        && r.status().equals(RunReport.SUCCEEDED)).isPresent());
        assertThat(app.sandbox().counts().total("POST", "students")).isEqualTo(sim.district().importedStudents());
    }

    private static String studentNumberOfName(SimulatedDistrict d, long nameId) {
        return d.rows("Student/Student").stream().filter(r -> r.get("NameID").asLong() == nameId).findFirst()
                .map(r -> r.get("StudentNumber").asText()).orElseThrow();
    }

    private static Map<String, List<JsonNode>> byStudent(List<JsonNode> rows) {
        Map<String, List<JsonNode>> out = new HashMap<>();
        rows.forEach(r -> out.computeIfAbsent(r.path("studentReference").path("studentUniqueId").asText(),
                k -> new ArrayList<>()).add(r));
        return out;
    }

    /** Every item of a resource in the sandbox, read over its API. */
    private List<JsonNode> getAll(String resource) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI root = app.sandbox().rootUrl();
        if (sandboxToken == null) {
            HttpResponse<String> t = http.send(HttpRequest.newBuilder(root.resolve("oauth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=rollcall&client_secret="
                            + URLEncoder.encode("rollcall-sandbox", StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            sandboxToken = JSON.readTree(t.body()).get("access_token").asText();
        }
        List<JsonNode> out = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(root.resolve("data/v3/ed-fi/" + resource
                    + "?limit=500&offset=" + offset)).header("Authorization", "Bearer " + sandboxToken).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = JSON.readTree(r.body());
            page.forEach(out::add);
            if (page.size() < 500) {
                return out;
            }
        }
    }
}
