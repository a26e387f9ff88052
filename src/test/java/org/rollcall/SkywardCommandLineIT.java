package org.rollcall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.skyward.simulator.QmlativSimulator;
import org.rollcall.skyward.simulator.SimulatorOptions;

/** {@code ./rollcall run --once --source skyward} against the simulator, in a copy of the installation. */
class SkywardCommandLineIT {

    @TempDir
    Path home;

    private String out;

    private int rollcall(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        int code = new RollcallMain(home, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).execute(args);
        out = o.toString(StandardCharsets.UTF_8);
        return code;
    }

    private void install(String skywardUrl) throws IOException {
        for (String dir : new String[] {"config", "routes"}) {
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
        Files.writeString(home.resolve("config/application.properties"), String.join("\n", "",
                "rollcall.district.demo.skyward.url = " + skywardUrl,
                "rollcall.district.demo.skyward.client-key = rollcall-key",
                "rollcall.district.demo.skyward.client-secret = ${env:ROLLCALL_TEST_UNSET_SECRET:rollcall-secret}",
                "rollcall.district.demo.skyward.time-zone = UTC",
                "camel.management.enabled = false", ""), StandardOpenOption.APPEND);
    }

    @Test
    void runOnceWithSourceSkywardSyncsTheDistrictAndPrintsTheStatusCounts() throws Exception {
        try (QmlativSimulator sim = QmlativSimulator.start(SimulatorOptions.district(80, LocalDate.now(ZoneOffset.UTC)))) {
            install(sim.baseUrl().toString());
            assertThat(rollcall("run", "--once", "--source", "skyward")).as(out).isZero();
            assertThat(out).contains("(district demo, skyward): succeeded").contains("students by enrollment status")
                    .contains("PRE-ENROLLED").contains("studentContactAssociations");
            assertThat(rollcall("run", "--once", "--source", "skyward")).isZero();
            assertThat(out).contains("succeeded");
            assertThat(rollcall("run", "--once", "--source", "sis")).isEqualTo(RollcallMain.CONFIG_ERROR);
        }
    }
}
