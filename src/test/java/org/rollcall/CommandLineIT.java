package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands an operator types, run against a copy of the installation (config, routes, samples)
 * in a temporary home: exit codes for orchestrators (0, 1, 2, 3), the guard's approve, plan and trace.
 */
class CommandLineIT {

    @TempDir
    Path home;

    private String out;
    private String err;

    private int rollcall(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new RollcallMain(home, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8)).execute(args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private void install() throws IOException {
        for (String dir : new String[] {"config", "routes", "samples"}) {
            copyTree(Path.of(dir), home.resolve(dir));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private Path inbox() {
        return home.resolve("data/inbox/clever");
    }

    @Test
    void aTruncatedDropExitsThreeAndApproveReleasesIt() throws Exception {
        install();
        assertThat(rollcall("demo")).as(out + err).isZero();
        assertThat(out).contains("succeeded");

        copyTree(home.resolve("samples/clever"), inbox());
        AtomicInteger n = new AtomicInteger();
        TestDistricts.editCsv(inbox().resolve("students.csv"), row -> n.incrementAndGet() % 2 == 0 ? null : row);

        assertThat(rollcall("plan")).as(out + err).isZero();
        assertThat(out).contains("nothing was sent").contains("studentSchoolAssociations");
        assertThat(out).as("sample keys are masked on the terminal").containsPattern("studentUniqueId=\\w\\w\\*\\*\\*\\*");
        assertThat(Files.exists(inbox().resolve("students.csv"))).isTrue();

        assertThat(rollcall("run", "--once")).as(out + err).isEqualTo(3);
        Matcher m = Pattern.compile("\\./rollcall approve (\\S+)'").matcher(out);
        assertThat(m.find()).as(out).isTrue();
        String runId = m.group(1);

        assertThat(rollcall("approve", runId)).as(out + err).isZero();
        assertThat(out).contains("succeeded");
        assertThat(rollcall("approve", runId)).isEqualTo(2);
        assertThat(err).contains("has no held changes");

        assertThat(rollcall("report")).isZero();
        assertThat(out).contains("exited");
    }

    @Test
    void traceShowsEveryRunThatTouchedAStudent() throws Exception {
        install();
        assertThat(rollcall("demo")).isZero();
        String student;
        try (var rows = Files.lines(home.resolve("samples/clever/students.csv"))) {
            student = rows.skip(1).findFirst().orElseThrow().split(",")[1];
        }
        assertThat(rollcall("demo")).isZero();

        assertThat(rollcall("trace", student)).as(out + err).isZero();

        assertThat(out).contains("students studentUniqueId=" + student).contains("students.csv:")
                .contains("studentSchoolAssociations").contains("studentEducationOrganizationAssociations")
                .contains("created");
        assertThat(rollcall("trace", "no-such-student")).isZero();
        assertThat(out).contains("No run has touched");
    }

    @Test
    void badUsageAndBadConfigurationExitTwo() throws Exception {
        install();
        assertThat(rollcall("approve")).isEqualTo(2);
        assertThat(rollcall("approve", "20200101-000000-demo-0000")).isEqualTo(2);
        assertThat(err).contains("no run 20200101-000000-demo-0000");
        assertThat(rollcall("retry-failed", "--bogus")).isEqualTo(2);
        Files.writeString(home.resolve("config/application.properties"),
                "rollcall.district.demo.guard.max-share = 1.5\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(rollcall("run", "--once")).isEqualTo(2);
        assertThat(err).contains("rollcall.district.demo.guard.max-share");
    }
}
