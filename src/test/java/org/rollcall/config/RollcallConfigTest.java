package org.rollcall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollcallConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> p = new HashMap<>();
        p.put("rollcall.districts", "demo");
        p.put("rollcall.district.demo.lea-id", "867530");
        p.put("rollcall.district.demo.lea-name", "Demo");
        p.put("camel.main.name", "ignored: not a rollcall key");
        return p;
    }

    @Test
    void everyKeyHasItsDefaultWhenOnlyTheRequiredOnesAreSet() {
        RollcallConfig c = RollcallConfig.of(minimal(), Map.of());
        assertThat(c.districts()).containsExactly("demo");
        assertThat(c.get(Settings.DATA_DIR)).isEqualTo(Path.of("data"));
        assertThat(c.get(Settings.REPORTS_DIR)).isEqualTo(Path.of("data/reports"));
        assertThat(c.get(Settings.LEA_ID, "demo")).isEqualTo(867530L);
        assertThat(c.get(Settings.EDFI_URL, "demo")).isEqualTo("embedded");
        assertThat(c.get(Settings.EDFI_CONCURRENCY, "demo")).isEqualTo(8);
        assertThat(c.get(Settings.CLEVER_INBOX, "demo")).isEqualTo(Path.of("data/inbox/clever"));
        assertThat(c.get(Settings.CLEVER_POLL, "demo")).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.get(Settings.EDFI_CLIENT_SECRET, "demo")).isEqualTo("rollcall-sandbox");
    }

    @Test
    void anUnknownKeyStopsStartUpWithOneLineNamingItAndTheLikelyKey() {
        Map<String, String> p = minimal();
        p.put("rollcall.district.demo.edfi.concurency", "4");
        assertThatThrownBy(() -> RollcallConfig.of(p, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "rollcall.district.demo.edfi.concurency: unknown key (did you mean rollcall.district.demo.edfi.concurrency?)"));
    }

    @Test
    void aKeyForADistrictThatIsNotListedIsUnknown() {
        Map<String, String> p = minimal();
        p.put("rollcall.district.north.lea-id", "1");
        assertThatThrownBy(() -> RollcallConfig.of(p, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("rollcall.district.north.lea-id: unknown key");
    }

    @Test
    void anInvalidValueNamesTheKeyAndWhatIsWrong() {
        Map<String, String> p = minimal();
        p.put("rollcall.district.demo.edfi.concurrency", "lots");
        p.put("rollcall.district.demo.edfi.url", "ftp://x");
        p.put("rollcall.district.demo.school-year-start", "17/08/2026");
        assertThatThrownBy(() -> RollcallConfig.of(p, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "rollcall.district.demo.edfi.concurrency: 'lots' is not a whole number",
                        "rollcall.district.demo.edfi.url: 'ftp://x' is neither 'embedded' nor an http(s) URL",
                        "rollcall.district.demo.school-year-start: '17/08/2026' is not a date YYYY-MM-DD"));
    }

    @Test
    void aRequiredKeyThatIsMissingIsNamed() {
        Map<String, String> p = minimal();
        p.remove("rollcall.district.demo.lea-name");
        assertThatThrownBy(() -> RollcallConfig.of(p, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("rollcall.district.demo.lea-name: is required but not set");
    }

    @Test
    void aSecretWrittenIntoTheFileIsRefusedAndOneFromTheEnvironmentIsTaken() {
        Map<String, String> p = minimal();
        p.put("rollcall.district.demo.edfi.client-secret", "hunter2");
        assertThatThrownBy(() -> RollcallConfig.of(p, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rollcall.district.demo.edfi.client-secret: is a secret; set it from the environment")
                .hasMessageNotContaining("hunter2");
        p.put("rollcall.district.demo.edfi.client-secret", "${env:DEMO_SECRET}");
        RollcallConfig c = RollcallConfig.of(p, Map.of("DEMO_SECRET", "s3cret"));
        assertThat(c.get(Settings.EDFI_CLIENT_SECRET, "demo")).isEqualTo("s3cret");
        assertThat(String.join("\n", c.describe())).contains("${env:DEMO_SECRET} (set, masked)").doesNotContain("s3cret");
    }

    @Test
    void anEnvironmentVariableThatIsNotSetFallsBackToItsDefaultOrFails() {
        Map<String, String> p = minimal();
        p.put("rollcall.district.demo.edfi.concurrency", "${env:CONC:3}");
        assertThat(RollcallConfig.of(p, Map.of()).get(Settings.EDFI_CONCURRENCY, "demo")).isEqualTo(3);
        p.put("rollcall.district.demo.edfi.concurrency", "${env:CONC}");
        assertThatThrownBy(() -> RollcallConfig.of(p, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessage("rollcall.district.demo.edfi.concurrency: environment variable CONC is not set");
    }

    @Test
    void twoDistrictsCannotShareAnInbox() {
        Map<String, String> p = minimal();
        p.put("rollcall.districts", "demo,north");
        p.put("rollcall.district.north.lea-id", "2");
        p.put("rollcall.district.north.lea-name", "North");
        assertThatThrownBy(() -> RollcallConfig.of(p, Map.of())).isInstanceOf(ConfigException.class)
                .hasMessageContaining("rollcall.district.north.clever.inbox").hasMessageContaining("also the inbox of district 'demo'");
        p.put("rollcall.district.north.clever.inbox", "data/inbox/north");
        RollcallConfig c = RollcallConfig.of(p, Map.of());
        assertThat(c.districts()).containsExactly("demo", "north");
        assertThat(c.get(Settings.LEA_ID, "north")).isEqualTo(2L);
    }

    @Test
    void theSchoolYearStartDefaultsToMidAugustOfTheCurrentSchoolYear() {
        assertThat(Settings.currentSchoolYearStart(LocalDate.of(2026, 11, 23))).isEqualTo(LocalDate.of(2026, 8, 15));
        assertThat(Settings.currentSchoolYearStart(LocalDate.of(2027, 3, 1))).isEqualTo(LocalDate.of(2026, 8, 15));
    }

    @Test
    void theListingShowsEveryKeyWithItsDoc() {
        RollcallConfig c = RollcallConfig.of(minimal(), Map.of());
        String listing = String.join("\n", c.describe());
        for (Setting<?> s : Settings.ALL) {
            assertThat(listing).contains(s.nameFor("demo") + " = ");
            assertThat(listing).contains(s.doc());
        }
    }
}
