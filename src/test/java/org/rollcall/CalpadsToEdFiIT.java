package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.calpads.CalpadsImports;
import org.rollcall.config.RollcallConfig;
import org.rollcall.registry.RegistryEntry;
import org.rollcall.registry.StudentRegistry;
import org.rollcall.skyward.simulator.QmlativSimulator;
import org.rollcall.skyward.simulator.SimulatorOptions;
import org.rollcall.calpads.ImportMode;
import org.rollcall.calpads.ImportType;
import org.rollcall.report.RunReport;
import org.rollcall.run.District;
import org.rollcall.sync.StateStore;

/**
 * CALPADS end to end (seed 003), on the real parts: the sample district sent by a Clever run to
 * the sandbox over HTTP fills the registry; a CALPADS Test changes nothing (registry, state store
 * and sandbox compared before and after); the Update sends the SSIDs, ELA status and primary
 * language to Ed-Fi through the delivery route; the next Clever run keeps them; the inbox route
 * imports a file that arrives.
 */
class CalpadsToEdFiIT {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final String LIMITED = "uri://ed-fi.org/LimitedEnglishProficiencyDescriptor#Limited";

    @TempDir
    Path data;

    private RollcallApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** The sample's students that CALPADS files here name: M or F, names Windows-1252 can write, each once. */
    private record Row(String studentId, String number, String first, String middle, String last, LocalDate birth,
                       String gender) { }

    private static List<Row> sampleStudents(int n) throws IOException {
        List<Row> out = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(Path.of("samples/clever/students.csv"))) {
            for (NamedCsvRecord r : csv) {
                String name = r.getField("First_name") + r.getField("Middle_name") + r.getField("Last_name");
                boolean writable = WINDOWS_1252.newEncoder().canEncode(name);
                boolean again = out.stream().anyMatch(x -> x.number().equals(r.getField("Student_number")));
                if (out.size() < n && writable && !again && !r.getField("First_name").isBlank()
                        && Set.of("M", "F").contains(r.getField("Gender"))) {
                    String dob = r.getField("DOB");
                    LocalDate birth = dob.contains("-") ? LocalDate.parse(dob)
                            : LocalDate.parse(dob, DateTimeFormatter.ofPattern("M/d/yyyy"));
                    out.add(new Row(r.getField("Student_id"), r.getField("Student_number"), r.getField("First_name"),
                            r.getField("Middle_name"), r.getField("Last_name"), birth, r.getField("Gender")));
                }
            }
        }
        return out;
    }

    private static String ssidLine(Row r, String ssid) {
        return String.join("^", "3375176", "0113100", ssid, r.number(), r.last(), r.first(), r.middle(), r.gender(),
                r.birth().format(DateTimeFormatter.BASIC_ISO_DATE), "20260817", "05", "EL", "20250901", "01");
    }

    private void dropWithoutStateIds(District d, Set<String> numbers, Map<String, String> stateIds) {
        TestDistricts.dropSample(d.cleverInbox());
        TestDistricts.editCsv(d.cleverInbox().resolve("students.csv"), row -> {
            if (numbers.contains(row.get("Student_number"))) {
                row.put("State_id", stateIds.getOrDefault(row.get("Student_number"), ""));
            }
            return row;
        });
    }

    private RunReport runOnce() {
        List<RunReport> reports = app.runWaiting();
        assertThat(reports).hasSize(1);
        return reports.get(0);
    }

    private List<String> dump(String table, String order) {
        StateStore store = app.store();
        return store.query("select * from " + table + " order by " + order, rs -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                sb.append(rs.getString(i)).append('|');
            }
            return sb.toString();
        });
    }

    private List<List<String>> stateOfEverything() {
        return List.of(dump("student_registry", "district, local_number"), dump("sync_run", "run_id"),
                dump("record_state", "target, resource, natural_key"), dump("planned_change", "seq"));
    }

    /** POSTs of data resources (the reader's token requests are not counted). */
    private long dataPosts() {
        return CleverToEdFiIT.RESOURCES.stream().mapToLong(r -> app.sandbox().counts().total("POST", r)).sum();
    }

    private Map<String, JsonNode> seoas(SandboxReader sandbox) {
        Map<String, JsonNode> out = new java.util.HashMap<>();
        for (JsonNode n : sandbox.all("studentEducationOrganizationAssociations")) {
            out.put(n.path("studentReference").path("studentUniqueId").asText(), n);
        }
        return out;
    }

    private static String stateCode(JsonNode seoa) {
        for (JsonNode c : seoa.path("studentIdentificationCodes")) {
            if (c.path("studentIdentificationSystemDescriptor").asText().endsWith("#State")) {
                return c.path("identificationCode").asText();
            }
        }
        return null;
    }

    @Test
    void aTestChangesNothingAndTheUpdateSendsSsidsAndElaDataThatTheNextCleverRunKeeps() throws Exception {
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data, "demo"), RollcallApp.Mode.ONCE,
                Map.of());
        District demo = app.districts().get("demo");
        List<Row> rows = sampleStudents(5);
        Set<String> numbers = new HashSet<>(rows.stream().map(Row::number).toList());
        dropWithoutStateIds(demo, numbers, Map.of());
        assertThat(runOnce().status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(app.store().query("select count(*) from student_registry", rs -> rs.getLong(1)).get(0))
                .as("every sample student with a readable row is in the registry").isEqualTo(238L);

        List<String> lines = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            lines.add(ssidLine(rows.get(i), "880000000" + i));
        }
        Path file = data.resolve("SSID_EXTRACT.txt");
        Files.writeString(file, String.join("\r\n", lines) + "\r\n", WINDOWS_1252);

        SandboxReader sandbox = new SandboxReader(app.sandbox());
        List<List<String>> before = stateOfEverything();
        Map<String, JsonNode> seoasBefore = seoas(sandbox);
        long postsBefore = dataPosts();

        CalpadsImports.Outcome test = app.calpads().run("demo", file, ImportType.SSID, ImportMode.TEST, false);
        assertThat(test.wouldImport()).as(Files.readString(test.report())).isEqualTo(5);
        assertThat(test.errors()).isZero();
        assertThat(stateOfEverything()).as("registry, runs, record state and plans, byte for byte").isEqualTo(before);
        assertThat(seoas(sandbox)).isEqualTo(seoasBefore);
        assertThat(dataPosts()).as("no POST reached the sandbox").isEqualTo(postsBefore);

        CalpadsImports.Outcome update = app.calpads().run("demo", file, ImportType.SSID, ImportMode.UPDATE, false);
        assertThat(update.imported()).isEqualTo(5);
        assertThat(update.runId()).isNotNull();
        assertThat(update.exitCode()).isZero();
        RunReport sent = app.reports().latest().orElseThrow();
        assertThat(sent.runId()).isEqualTo(update.runId());
        assertThat(sent.source()).isEqualTo("calpads");
        assertThat(sent.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(sent.resources().get("studentEducationOrganizationAssociations").updated()).isEqualTo(5);
        assertThat(sent.resources().get("students").unchanged()).isEqualTo(5);
        Map<String, JsonNode> after = seoas(sandbox);
        for (int i = 0; i < rows.size(); i++) {
            JsonNode seoa = after.get(rows.get(i).studentId());
            assertThat(stateCode(seoa)).isEqualTo("880000000" + i);
            assertThat(seoa.path("limitedEnglishProficiencyDescriptor").asText()).isEqualTo(LIMITED);
            assertThat(seoa.path("languages").get(0).path("languageDescriptor").asText())
                    .isEqualTo("uri://ed-fi.org/LanguageDescriptor#spa");
        }

        // seed 003 "EL in the file overwrites the LEP Program Status Code to LEP": each student is in the
        // English learner program from the ELA start date (the district shares no ell_status: only CALPADS says so)
        assertThat(sent.resources().get("studentLanguageInstructionProgramAssociations").created()).isEqualTo(5);
        Map<String, String> learners = new java.util.HashMap<>();
        for (JsonNode a : sandbox.all("studentLanguageInstructionProgramAssociations")) {
            assertThat(a.at("/programReference/programName").asText()).isEqualTo("English Learner");
            learners.put(a.at("/studentReference/studentUniqueId").asText(), a.path("beginDate").asText());
        }
        Map<String, String> expected = new java.util.HashMap<>();
        rows.forEach(r -> expected.put(r.studentId(), "2025-09-01"));
        assertThat(learners).isEqualTo(expected);
        assertThat(sandbox.all("programs")).extracting(p -> p.path("programName").asText()).contains("English Learner");

        // the nightly Clever run (the SIS still has no State_id) does not undo the import: nothing to send
        dropWithoutStateIds(demo, numbers, Map.of());
        RunReport nightly = runOnce();
        assertThat(nightly.resources().get("studentEducationOrganizationAssociations").updated()).isZero();
        assertThat(nightly.resources().get("studentLanguageInstructionProgramAssociations").unchanged())
                .as("the Clever run keeps the associations the import sent").isEqualTo(5);
        assertThat(nightly.resources().get("studentLanguageInstructionProgramAssociations").exited()).isZero();
        assertThat(stateCode(seoas(sandbox).get(rows.get(0).studentId()))).isEqualTo("8800000000");

        // seed 003: the SIS's State_id is the current stateID; when it has one, it is what Ed-Fi gets
        dropWithoutStateIds(demo, numbers, Map.of(rows.get(0).number(), "9912345678"));
        RunReport withStateId = runOnce();
        assertThat(withStateId.resources().get("studentEducationOrganizationAssociations").updated()).isEqualTo(1);
        assertThat(stateCode(seoas(sandbox).get(rows.get(0).studentId()))).isEqualTo("9912345678");
        // and a later import of the old SSID cannot overwrite it
        Path again = data.resolve("SSID_AGAIN.txt");
        Files.writeString(again, ssidLine(rows.get(0), "8800000000") + "\r\n", WINDOWS_1252);
        CalpadsImports.Outcome conflict = app.calpads().run("demo", again, ImportType.SSID, ImportMode.TEST, false);
        assertThat(Files.readString(conflict.report())).contains(
                "StateID (8800000000) being imported cannot overwrite current stateID (9912345678)");
    }

    @Test
    void aSkywardSyncFillsTheRegistryAndKeepsImportedElaData() throws Exception {
        SimulatorOptions options = SimulatorOptions.district(60, SkywardToEdFiIT.TODAY);
        try (QmlativSimulator sim = QmlativSimulator.start(options)) {
            Map<String, String> p = new java.util.HashMap<>();
            p.put("rollcall.data-dir", data.toString());
            p.put("rollcall.districts", "demo");
            p.put("rollcall.district.demo.lea-id", "867530");
            p.put("rollcall.district.demo.lea-name", "District demo");
            p.put("rollcall.district.demo.clever.inbox", data.resolve("inbox").toString());
            p.put("rollcall.district.demo.skyward.url", sim.baseUrl().toString());
            p.put("rollcall.district.demo.skyward.client-key", options.clientKey());
            p.put("rollcall.district.demo.skyward.client-secret", "${env:SECRET}");
            p.put("rollcall.district.demo.skyward.time-zone", SkywardToEdFiIT.ZONE.getId());
            app = RollcallApp.start(Path.of("").toAbsolutePath(), RollcallConfig.of(p, Map.of("SECRET",
                    options.clientSecret())), RollcallApp.Mode.ONCE, Map.of(), SkywardToEdFiIT.clock());
            List<RunReport> first = app.runSkyward();
            assertThat(first).singleElement().extracting(RunReport::status).isEqualTo(RunReport.SUCCEEDED);
            StudentRegistry registry = new StudentRegistry(app.store());
            assertThat(registry.count("demo")).isPositive();
            // the simulated students all have a StudentStateID: an ELA import is what CALPADS brings them
            RegistryEntry e = app.store().query("select local_number from student_registry where gender in ('M', 'F') "
                    + "order by local_number fetch first 1 rows only", rs -> rs.getString(1))
                    .stream().findFirst().flatMap(n -> registry.find("demo", n)).orElseThrow();
            Path file = data.resolve("SKYWARD_SELA.txt");
            Files.writeString(file, String.join("^", "SELA", "", "R1", "3375176", "0113100", "2026-2027",
                    e.currentStateId(), e.legalName().first(), e.legalName().last(),
                    e.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE), e.gender(), e.localNumber(), "EL", "20250901",
                    "01", "") + "\r\n", WINDOWS_1252);
            CalpadsImports.Outcome o = app.calpads().run("demo", file, ImportType.ELA, ImportMode.UPDATE, true);
            assertThat(o.imported()).as(Files.readString(o.report())).isEqualTo(1);
            JsonNode seoa = seoas(new SandboxReader(app.sandbox())).get(e.uniqueId());
            assertThat(seoa.path("limitedEnglishProficiencyDescriptor").asText()).isEqualTo(LIMITED);
            assertThat(seoa.path("languages").get(0).path("languageDescriptor").asText()).endsWith("#spa");
            // the next sync maps the student with the overlay, under Skyward's own mapping version: nothing to send
            RunReport next = app.runSkyward().get(0);
            assertThat(next.resources().get("studentEducationOrganizationAssociations").updated()).isZero();
            assertThat(seoas(new SandboxReader(app.sandbox())).get(e.uniqueId())
                    .path("limitedEnglishProficiencyDescriptor").asText()).isEqualTo(LIMITED);
        }
    }

    @Test
    void aFileInTheCalpadsInboxIsTestedReportedAndArchived() throws Exception {
        Path inbox = data.resolve("inbox/calpads");
        try (ServerSocket s = new ServerSocket(0)) {
            int port = s.getLocalPort();
            s.close();
            app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data,
                            Map.of("rollcall.district.demo.calpads.inbox", inbox.toString(),
                                    "rollcall.district.demo.calpads.poll-interval", "200ms"), "demo"),
                    RollcallApp.Mode.DAEMON, Map.of("camel.management.port", Integer.toString(port)));
        }
        assertThat(app.camel().getRoutes()).extracting(r -> r.getRouteId()).contains("calpads-watch-demo");
        Files.createDirectories(inbox);
        Path tmp = data.resolve("SIS79646.txt");
        Files.copy(Path.of("src/test/resources/calpads/seed-003/SIS79646.txt"), tmp);
        Files.move(tmp, inbox.resolve("SIS79646.txt"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(inbox.resolve("archive"))
                && Files.list(inbox.resolve("archive")).findAny().isPresent());
        Path reports = data.resolve("reports");
        Path report;
        try (var files = Files.list(reports)) {
            report = files.filter(p -> p.getFileName().toString().matches("calpads-.*\\.txt")).findFirst().orElseThrow();
        }
        // no SIS run has brought these students in: the Test reports each line, nothing changes
        assertThat(Files.readString(report)).contains("Test (nothing was changed)", "File Name: SIS79646.txt",
                "Record Count: 5", "Error Count: 5", "localStudentID (91116303) does not match a student");
        assertThat(Files.exists(inbox.resolve("SIS79646.txt"))).isFalse();
    }
}
