package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.ServiceStatus;
import org.apache.camel.health.HealthCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.report.RunReport;
import org.rollcall.run.District;

/**
 * Drops fetched by SFTP from a real server (Apache MINA SSHD on loopback) through the real routes
 * (clever-sftp, clever-watch, clever-drop) into the real sandbox: logins by password and by
 * public key, host keys checked against known_hosts, a connection lost mid-download, a file still
 * being uploaded, a done marker, what happens to the server's files, and the nightly fixed names.
 */
class SftpDropIT {

    private static final List<String> RESOURCES = CleverToEdFiIT.RESOURCES;
    private static final String PASSWORD = "s3cret pass+word&x=1)(%#";

    @TempDir
    Path work;

    private final List<AutoCloseable> open = new ArrayList<>();
    private RollcallApp app;

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private EmbeddedSftp server(String password, java.security.PublicKey key) {
        EmbeddedSftp s = EmbeddedSftp.start(work, password, key);
        open.add(s);
        return s;
    }

    private Path data() {
        return work.resolve("data");
    }

    /** The keys of an SFTP district fetching from {@code server}, with known_hosts holding its real key. */
    private Map<String, String> sftp(String district, EmbeddedSftp server) {
        Map<String, String> p = new HashMap<>();
        String k = "rollcall.district." + district + ".clever.";
        p.put(k + "sftp.host", "127.0.0.1");
        p.put(k + "sftp.port", Integer.toString(server.port()));
        p.put(k + "sftp.user", EmbeddedSftp.USER);
        p.put(k + "sftp.password", "${env:TEST_SFTP_PASSWORD:" + PASSWORD + "}");
        p.put(k + "sftp.known-hosts-file", EmbeddedSftp.knownHosts(work, server.knownHostsLine()).toString());
        p.put(k + "sftp.timeout", "10s");
        p.put(k + "poll-interval", "300ms");
        p.put(k + "quiet-period", "1s");
        return p;
    }

    private RollcallApp daemon(Map<String, String> keys, String... districts) throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            managementPort = s.getLocalPort();
        }
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data(), keys, districts),
                RollcallApp.Mode.DAEMON, Map.of("camel.management.port", Integer.toString(managementPort)));
        return app;
    }

    private int managementPort;

    /** What the district's exporter does each night: write the files, same names, over last night's. */
    private static void upload(Path root) {
        TestDistricts.copyDrop(Path.of("samples/clever"), root);
    }

    /** The district's run reports, oldest first. */
    private List<RunReport> reports(String district) throws IOException {
        Path dir = data().resolve("reports");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        List<RunReport> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String n = f.getFileName().toString();
                if (n.matches("\\d{8}-\\d{6}-" + district + "-[0-9a-f]{4}\\.json")) {
                    out.add(json.readValue(f.toFile(), RunReport.class));
                }
            }
        }
        out.sort(Comparator.comparing(RunReport::runId));
        return out;
    }

    private RunReport awaitRun(String district, int n) {
        await().atMost(Duration.ofSeconds(90)).until(() -> reports(district).size() >= n);
        try {
            return reports(district).get(n - 1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Data writes the sandbox answered (POST, PUT, DELETE), token requests left out. */
    private long writes() {
        var c = app.sandbox().counts();
        return c.total("POST") - c.total("POST", "oauth/token") + c.total("PUT") + c.total("DELETE");
    }

    private static long created(RunReport r) {
        return r.resources().values().stream().mapToLong(RunReport.Counts::created).sum();
    }

    private static long changed(RunReport r) {
        return r.resources().values().stream().mapToLong(c -> c.created() + c.updated() + c.deleted() + c.exited()).sum();
    }

    private static List<String> namesIn(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private HealthCheck.Result health(String district) {
        return org.apache.camel.health.HealthCheckRegistry.get(app.camel()).getCheck("clever-arrival-" + district)
                .orElseThrow().call();
    }

    /** What an operator's monitor reads: /observe/health on the management port, every check. */
    private String observeHealth() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + managementPort
                + "/observe/health?exposureLevel=full")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    @DisplayName("password login; the same file names next night are processed again; the same content again is a run "
            + "in which everything is unchanged (0 writes); the server's files are kept")
    void nightlyFixedNamesByPassword() throws Exception {
        EmbeddedSftp server = server(PASSWORD, null);
        upload(server.root());
        daemon(sftp("demo", server), "demo");
        District demo = app.districts().get("demo");

        RunReport first = awaitRun("demo", 1);
        assertThat(first.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(first.resources().get("students").created()).isPositive();
        assertThat(namesIn(demo.cleverInbox().resolve("archive").resolve(first.runId())))
                .containsExactly("enrollments.csv", "schools.csv", "students.csv", "students_ext.csv");
        assertThat(namesIn(server.root())).as("keep: Clever's convention, nobody deletes them")
                .containsExactly("enrollments.csv", "schools.csv", "students.csv", "students_ext.csv");
        assertThat(Files.exists(data().resolve("reports").resolve(first.runId() + ".processing.json"))).isTrue();

        // nothing new on the server: poll after poll, the files already fetched are not a new drop
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> reports("demo").size() == 1);
        assertThat(server.downloadsOf("students.csv")).isEqualTo(1);

        // the next night: the same names, one student's race changed
        upload(server.root());
        AtomicBoolean changed = new AtomicBoolean();
        TestDistricts.editCsv(server.root().resolve("students.csv"), row -> {
            if (!changed.get() && "W".equals(row.get("Race")) && !row.get("First_name").isBlank()) {
                row.put("Race", "B");
                changed.set(true);
            }
            return row;
        });
        RunReport second = awaitRun("demo", 2);
        assertThat(second.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(second.resources().get("studentEducationOrganizationAssociations").updated()).isEqualTo(1);
        assertThat(changed(second)).isEqualTo(1);

        // the night after: exactly the same content again, written anew (SFTP times are whole seconds)
        long writesBefore = writes();
        for (String f : namesIn(server.root())) {
            Path file = server.root().resolve(f);
            Files.write(file, Files.readAllBytes(file));
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(2)));
        }
        RunReport third = awaitRun("demo", 3);
        assertThat(third.status()).isEqualTo(RunReport.SUCCEEDED);
        for (String r : RESOURCES) {
            assertThat(third.resources().get(r).unchanged()).as(r + " unchanged").isPositive();
        }
        assertThat(changed(third)).as("everything unchanged").isZero();
        assertThat(writes()).as("no HTTP write").isEqualTo(writesBefore);
    }

    @Test
    @DisplayName("public-key login with a passphrase from the environment; after-download = move puts the server's "
            + "files in a dated folder")
    void publicKeyLoginAndMove() throws Exception {
        com.jcraft.jsch.JSch jsch = new com.jcraft.jsch.JSch();
        com.jcraft.jsch.KeyPair key = com.jcraft.jsch.KeyPair.genKeyPair(jsch, com.jcraft.jsch.KeyPair.RSA, 3072);
        Path keyFile = work.resolve("id_rsa");
        key.writePrivateKey(keyFile.toString(), "key passphrase".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream pub = new ByteArrayOutputStream();
        key.writePublicKey(pub, "district");
        java.security.PublicKey publicKey = org.apache.sshd.common.config.keys.PublicKeyEntry
                .parsePublicKeyEntry(pub.toString(StandardCharsets.US_ASCII).trim()).resolvePublicKey(null, null, null);
        EmbeddedSftp server = server(null, publicKey);
        upload(server.root());
        Map<String, String> keys = sftp("demo", server);
        keys.remove("rollcall.district.demo.clever.sftp.password");
        keys.put("rollcall.district.demo.clever.sftp.private-key-file", keyFile.toString());
        keys.put("rollcall.district.demo.clever.sftp.private-key-passphrase", "${env:TEST_KEY_PASSPHRASE:key passphrase}");
        keys.put("rollcall.district.demo.clever.sftp.after-download", "move");
        daemon(keys, "demo");

        RunReport run = awaitRun("demo", 1);
        assertThat(run.status()).isEqualTo(RunReport.SUCCEEDED);
        await().atMost(Duration.ofSeconds(10)).until(() -> !Files.exists(server.root().resolve("students.csv")));
        assertThat(namesIn(server.root().resolve(".rollcall/downloaded")))
                .map(n -> n.replaceFirst("^\\d{8}-\\d{6}-", "")).containsExactlyInAnyOrder(
                        "enrollments.csv", "schools.csv", "students.csv", "students_ext.csv");
    }

    @Test
    @DisplayName("the server goes away mid-download: the partial file is never processed; the next poll fetches it "
            + "whole; after-download = delete removes each file once it is downloaded whole")
    void serverGoesAwayMidDownload() throws Exception {
        EmbeddedSftp server = server(PASSWORD, null);
        server.dropConnectionDuring("students.csv", 1);
        upload(server.root());
        long rows;
        try (var lines = Files.lines(Path.of("samples/clever/students.csv"))) {
            rows = lines.count() - 1;
        }
        Map<String, String> keys = sftp("demo", server);
        keys.put("rollcall.district.demo.clever.sftp.after-download", "delete");
        daemon(keys, "demo");

        RunReport run = awaitRun("demo", 1);
        assertThat(server.downloadsOf("students.csv")).as("cut off once, then fetched again").isEqualTo(2);
        assertThat(run.status()).isEqualTo(RunReport.SUCCEEDED);
        String processing = Files.readString(data().resolve("reports").resolve(run.runId() + ".processing.json"));
        assertThat(processing).contains("\"file\" : \"students.csv\"").contains("\"rowsRead\" : " + rows);
        assertThat(run.problems()).noneMatch(p -> p.severity() == org.rollcall.report.Problem.Severity.FATAL);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> reports("demo").size() == 1);
        assertThat(namesIn(server.root())).as("deleted once downloaded").isEmpty();
    }

    @Test
    @DisplayName("a wrong host key is refused with a clear error that stops the district, not the daemon")
    void wrongHostKeyStopsTheDistrictOnly() throws Exception {
        EmbeddedSftp server = server(PASSWORD, null);
        upload(server.root());
        Map<String, String> keys = sftp("demo", server);
        keys.put("rollcall.district.demo.clever.sftp.known-hosts-file",
                EmbeddedSftp.knownHosts(Files.createDirectories(work.resolve("wrong")), server.wrongKnownHostsLine())
                        .toString());
        keys.put("rollcall.district.north.clever.poll-interval", "300ms");
        daemon(keys, "demo", "north");

        await().atMost(Duration.ofSeconds(20)).until(() ->
                app.camel().getRouteController().getRouteStatus("clever-sftp-demo") == ServiceStatus.Stopped);
        HealthCheck.Result demo = health("demo");
        assertThat(demo.getState()).isEqualTo(HealthCheck.State.DOWN);
        assertThat(demo.getMessage()).get().asString().contains("127.0.0.1:" + server.port())
                .contains("host key").contains("known_hosts");
        assertThat(server.downloadsOf("students.csv")).isZero();
        assertThat(observeHealth()).contains("clever-arrival-demo").contains("DOWN");

        // the daemon goes on: another district's drop is processed
        District north = app.districts().get("north");
        TestDistricts.dropSample(north.cleverInbox());
        assertThat(awaitRun("north", 1).status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(health("north").getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(reports("demo")).isEmpty();
    }

    @Test
    @DisplayName("quiet period: a students.csv still being uploaded is not fetched until it has stopped changing")
    void fileStillBeingWritten() throws Exception {
        EmbeddedSftp server = server(PASSWORD, null);
        Path root = server.root();
        TestDistricts.copyDrop(Path.of("samples/clever"), work.resolve("full"));
        List<String> lines = Files.readAllLines(work.resolve("full/students.csv"));
        Files.copy(work.resolve("full/schools.csv"), root.resolve("schools.csv"));
        Files.copy(work.resolve("full/enrollments.csv"), root.resolve("enrollments.csv"));
        Map<String, String> keys = sftp("demo", server);
        keys.put("rollcall.district.demo.clever.quiet-period", "2s");
        daemon(keys, "demo");

        // the upload: a few rows every 200 ms for about four seconds, longer than the quiet period
        Path students = root.resolve("students.csv");
        Files.writeString(students, lines.get(0) + "\n");
        int step = Math.max(1, (lines.size() - 1) / 20);
        for (int i = 1; i < lines.size(); i += step) {
            Files.writeString(students, String.join("\n", lines.subList(i, Math.min(lines.size(), i + step))) + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            Thread.sleep(200);
            assertThat(server.downloadsOf("students.csv")).as("not fetched while it grows").isZero();
        }
        RunReport run = awaitRun("demo", 1);
        assertThat(run.status()).isEqualTo(RunReport.SUCCEEDED);
        String processing = Files.readString(data().resolve("reports").resolve(run.runId() + ".processing.json"));
        assertThat(processing).contains("\"rowsRead\" : " + (lines.size() - 1));
        assertThat(server.downloadsOf("students.csv")).isEqualTo(1);
    }

    @Test
    @DisplayName("done marker: the files wait on the server until upload.done arrives; the marker is archived with the drop")
    void doneMarker() throws Exception {
        EmbeddedSftp server = server(PASSWORD, null);
        upload(server.root());
        Map<String, String> keys = sftp("demo", server);
        keys.put("rollcall.district.demo.clever.done-marker", "upload.done");
        // the quiet period alone would never complete this drop
        keys.put("rollcall.district.demo.clever.quiet-period", "1h");
        daemon(keys, "demo");
        District demo = app.districts().get("demo");

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> reports("demo").isEmpty()
                && !Files.exists(demo.cleverInbox().resolve("students.csv")));
        Files.writeString(server.root().resolve("upload.done"), "");

        RunReport run = awaitRun("demo", 1);
        assertThat(run.status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(namesIn(demo.cleverInbox().resolve("archive").resolve(run.runId())))
                .containsExactly("enrollments.csv", "schools.csv", "students.csv", "students_ext.csv", "upload.done");
        // the marker stays on the server (keep) and is not a new drop poll after poll
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> reports("demo").size() == 1);
    }

    @Test
    @DisplayName("run --once fetches by SFTP first, then processes; an unreachable server is reported, not fatal")
    void runOnceFetchesFirst() throws Exception {
        EmbeddedSftp server = server(PASSWORD, null);
        upload(server.root());
        for (String f : namesIn(server.root())) {
            Files.setLastModifiedTime(server.root().resolve(f), FileTime.from(Instant.now().minusSeconds(600)));
        }
        Map<String, String> keys = sftp("demo", server);
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data(), keys, "demo"),
                RollcallApp.Mode.ONCE, Map.of());
        List<RunReport> reports = app.runWaiting();
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).status()).isEqualTo(RunReport.SUCCEEDED);
        assertThat(created(reports.get(0))).isPositive();
        assertThat(app.fetchFailures()).isEmpty();
        app.close();

        int port = server.port();
        server.close();
        open.remove(server);
        app = RollcallApp.start(Path.of("").toAbsolutePath(), TestDistricts.config(data(), keys, "demo"),
                RollcallApp.Mode.ONCE, Map.of());
        assertThat(app.runWaiting()).isEmpty();
        assertThat(app.fetchFailures()).singleElement().asString().contains("district demo")
                .contains("127.0.0.1:" + port).doesNotContain(PASSWORD);
    }
}
