package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./rollcall calpads import} as an operator types it, against a copy of the installation:
 * Test, the refused Update without a Test, the Update after one, and the README's exit codes.
 */
class CalpadsCommandLineIT {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    // a sample student (samples/clever/students.csv line 2): Yara Whitcombe, 24000000, M, 07/04/2021
    static final String YARA = "3375176^0113100^%s^24000000^Whitcombe^Yara^^M^20210704^20260817^KN^EO^20250901^00";

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
            try (var paths = Files.walk(Path.of(dir))) {
                for (Path p : paths.toList()) {
                    Path target = home.resolve(dir).resolve(Path.of(dir).relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private Path file(String name, String line) throws IOException {
        Path f = home.resolve(name);
        Files.writeString(f, line + "\r\n", WINDOWS_1252);
        return f;
    }

    @Test
    void testThenUpdateWithTheReadmesExitCodes() throws Exception {
        install();
        assertThat(rollcall("demo")).as(out + err).isZero();

        assertThat(rollcall("calpads", "import", "--type", "ssid")).isEqualTo(2);
        assertThat(err).contains("needs --type ssid|request|ela and a FILE");
        assertThat(rollcall("calpads", "import", "--type", "sid", "x.txt")).isEqualTo(2);

        // the sample's State_id is 9900000000: another SSID cannot overwrite it (exit 1)
        Path conflict = file("conflict.txt", String.format(YARA, "1111111111"));
        assertThat(rollcall("calpads", "import", "--type", "ssid", conflict.toString())).as(out + err).isEqualTo(1);
        assertThat(out).contains("1 records, 0 imported, 1 errors").contains("results: data/reports/calpads-");

        // the same SSID: nothing to import, nothing wrong (exit 0); the ELA data (EO) is what an Update brings
        Path same = file("same.txt", String.format(YARA, "9900000000"));
        assertThat(rollcall("calpads", "import", "--type", "ssid", "--mode", "update", same.toString()))
                .as(out + err).isEqualTo(2);
        assertThat(err).contains("run the Test first").contains("--force");
        assertThat(rollcall("calpads", "import", "--type", "ssid", same.toString())).as(out + err).isZero();
        assertThat(out).contains("Test only: nothing was changed; an Update would import 0 and update the ELA data of 1");
        assertThat(rollcall("calpads", "import", "--type", "ssid", "--mode", "update", same.toString()))
                .as(out + err).isZero();
        assertThat(out).contains("Update): 1 records, 0 imported, 0 errors").contains("(district demo, calpads)")
                .contains("studentEducationOrganizationAssociations");
        try (var reports = Files.list(home.resolve("data/reports"))) {
            assertThat(reports.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("calpads-")))
                    .anyMatch(n -> n.endsWith(".txt")).anyMatch(n -> n.endsWith(".csv")).anyMatch(n -> n.endsWith(".json"));
        }
        assertThat(out + err).as("no student data on the terminal beyond ids of runs and files")
                .doesNotContain("Whitcombe").doesNotContain("24000000");
    }
}
