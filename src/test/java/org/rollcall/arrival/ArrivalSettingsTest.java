package org.rollcall.arrival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.config.ConfigException;
import org.rollcall.config.RollcallConfig;

/** The clever.* arrival keys and clever.sftp.* account keys: defaults, and what stops start-up. */
class ArrivalSettingsTest {

    @TempDir
    Path home;

    private Map<String, String> district() {
        Map<String, String> p = new HashMap<>();
        p.put("rollcall.districts", "demo");
        p.put("rollcall.district.demo.lea-id", "867530");
        p.put("rollcall.district.demo.lea-name", "Demo");
        return p;
    }

    private Map<String, String> sftp() throws Exception {
        Map<String, String> p = district();
        p.put("rollcall.district.demo.clever.sftp.host", "sftp.example.org");
        p.put("rollcall.district.demo.clever.sftp.user", "demo-district");
        p.put("rollcall.district.demo.clever.sftp.password", "${env:DEMO_SFTP_PASSWORD}");
        p.put("rollcall.district.demo.clever.sftp.known-hosts-file",
                Files.writeString(home.resolve("known_hosts"), "sftp.example.org ssh-ed25519 AAAA\n").toString());
        return p;
    }

    private static final Map<String, String> ENV = Map.of("DEMO_SFTP_PASSWORD", "from-the-environment");

    private Arrivals arrivals(Map<String, String> p) {
        return Arrivals.from(RollcallConfig.of(p, ENV), home, Clock.systemUTC());
    }

    @Test
    @DisplayName("defaults: Clever's 5-minute quiet period, no done marker, a folder drop, no SFTP")
    void defaults() {
        Arrivals a = arrivals(district());
        assertThat(a.doneMarker("demo")).isEmpty();
        assertThat(a.sftp("demo")).isEmpty();
        ArrivalOptions o = ArrivalOptions.of(RollcallConfig.of(district(), Map.of()), "demo", home, new java.util.ArrayList<>());
        assertThat(o.quietPeriod()).isEqualTo(Duration.ofMinutes(5));
        assertThat(o.incompleteAfter()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    @DisplayName("an SFTP account: host key checking on, files kept on the server, password from the environment")
    void sftpDefaults() throws Exception {
        Arrivals a = arrivals(sftp());
        assertThat(a.sftp("demo")).isPresent();
        ArrivalOptions o = ArrivalOptions.of(RollcallConfig.of(sftp(), ENV), "demo", home, new java.util.ArrayList<>());
        assertThat(o.sftp().strictHostKeyChecking()).isTrue();
        assertThat(o.sftp().afterDownload()).isEqualTo("keep");
        assertThat(o.sftp().port()).isEqualTo(22);
        assertThat(o.sftp().password()).isEqualTo("from-the-environment");
        assertThat(o.sftp().toString()).doesNotContain("from-the-environment");
        assertThat(o.sftp().templateParameters()).containsEntry("strictHostKeyChecking", "yes")
                .containsEntry("knownHostsFile", home.resolve("known_hosts").toString())
                .containsEntry("noop", "true").doesNotContainKey("move");
    }

    @Test
    @DisplayName("the SFTP password is a secret: written in the file it stops start-up")
    void passwordOnlyFromTheEnvironment() throws Exception {
        Map<String, String> p = sftp();
        p.put("rollcall.district.demo.clever.sftp.password", "hunter2");
        assertThatThrownBy(() -> arrivals(p)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rollcall.district.demo.clever.sftp.password: is a secret");
    }

    @Test
    @DisplayName("a host without a user, or without a password or key, stops start-up naming the key")
    void loginNeeded() throws Exception {
        Map<String, String> p = sftp();
        p.remove("rollcall.district.demo.clever.sftp.user");
        p.remove("rollcall.district.demo.clever.sftp.password");
        assertThatThrownBy(() -> arrivals(p)).isInstanceOfSatisfying(ConfigException.class, e ->
                assertThat(e.problems()).containsExactly(
                        "rollcall.district.demo.clever.sftp.user: is required when clever.sftp.host is set",
                        "rollcall.district.demo.clever.sftp.password: clever.sftp.host is set, so set a password "
                                + "(= ${env:NAME}) or rollcall.district.demo.clever.sftp.private-key-file"));
    }

    @Test
    @DisplayName("host key checking on and no known_hosts file: start-up stops and says how to get the key")
    void knownHostsNeeded() throws Exception {
        Map<String, String> p = sftp();
        p.put("rollcall.district.demo.clever.sftp.known-hosts-file", home.resolve("nowhere").toString());
        assertThatThrownBy(() -> arrivals(p)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rollcall.district.demo.clever.sftp.known-hosts-file: ")
                .hasMessageContaining("ssh-keyscan -p 22 sftp.example.org");
    }

    @Test
    @DisplayName("host key checking off needs no known_hosts, and then none is read or written")
    void checkingOff() throws Exception {
        Map<String, String> p = sftp();
        p.put("rollcall.district.demo.clever.sftp.known-hosts-file", home.resolve("nowhere").toString());
        p.put("rollcall.district.demo.clever.sftp.strict-host-key-checking", "no");
        ArrivalOptions o = ArrivalOptions.of(RollcallConfig.of(p, ENV), "demo", home, new java.util.ArrayList<>());
        assertThat(arrivals(p).sftp("demo")).isPresent();
        assertThat(o.sftp().templateParameters()).containsEntry("strictHostKeyChecking", "no")
                .containsEntry("knownHostsFile", "");
    }

    @Test
    @DisplayName("a done marker that SFTP cannot list (hidden) or that is a drop file stops start-up")
    void markerNames() throws Exception {
        Map<String, String> p = sftp();
        p.put("rollcall.district.demo.clever.done-marker", ".done");
        assertThatThrownBy(() -> arrivals(p)).hasMessageContaining("'.done' is a hidden file name");
        Map<String, String> folder = district();
        folder.put("rollcall.district.demo.clever.done-marker", ".done");
        assertThat(arrivals(folder).doneMarker("demo")).isEqualTo(".done");
        folder.put("rollcall.district.demo.clever.done-marker", "students.csv");
        assertThatThrownBy(() -> arrivals(folder)).hasMessageContaining("students.csv is a file of the drop itself");
        folder.put("rollcall.district.demo.clever.done-marker", "../done");
        assertThatThrownBy(() -> arrivals(folder)).hasMessageContaining("is not a plain file name");
    }

    @Test
    @DisplayName("after-download = move names the server folder; one outside clever.sftp.directory is refused")
    void moveTo() throws Exception {
        Map<String, String> p = sftp();
        p.put("rollcall.district.demo.clever.sftp.after-download", "move");
        ArrivalOptions o = ArrivalOptions.of(RollcallConfig.of(p, ENV), "demo", home, new java.util.ArrayList<>());
        assertThat(o.sftp().templateParameters()).containsEntry("move",
                ".rollcall/downloaded/${date:now:yyyyMMdd-HHmmss}-${file:name}").containsEntry("noop", "false");
        p.put("rollcall.district.demo.clever.sftp.move-to", "../elsewhere");
        assertThatThrownBy(() -> arrivals(p)).hasMessageContaining("must be a folder below clever.sftp.directory");
    }
}
