package org.rollcall.skyward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rollcall.config.ConfigException;
import org.rollcall.config.RollcallConfig;
import org.rollcall.config.Settings;

/** The rollcall.district.*.skyward.* block: off by default, complete when on, secrets from the environment. */
class SkywardSettingsTest {

    private static Map<String, String> minimal() {
        Map<String, String> p = new HashMap<>();
        p.put("rollcall.districts", "demo,north");
        p.put("rollcall.district.demo.lea-id", "867530");
        p.put("rollcall.district.demo.lea-name", "Demo");
        p.put("rollcall.district.north.lea-id", "867531");
        p.put("rollcall.district.north.lea-name", "North");
        p.put("rollcall.district.north.clever.inbox", "data/inbox/north");
        return p;
    }

    @Test
    void aDistrictWithoutSkywardUrlDoesNotSyncFromSkyward() {
        RollcallConfig c = RollcallConfig.of(minimal(), Map.of());
        assertThat(c.get(Settings.SKYWARD_URL, "demo")).isEmpty();
        assertThat(SkywardDistricts.from(c, Path.of("")).all()).isEmpty();
    }

    @Test
    void aSkywardDistrictTakesItsOptionsAndDefaults() {
        Map<String, String> p = minimal();
        p.put("rollcall.district.north.skyward.url", "https://skyward.example.org/NorthAPI/");
        p.put("rollcall.district.north.skyward.client-key", "rollcall");
        p.put("rollcall.district.north.skyward.client-secret", "${env:NORTH_SKYWARD_SECRET}");
        p.put("rollcall.district.north.skyward.entity-ids", "1, 7");
        p.put("rollcall.district.north.skyward.time-zone", "America/Denver");
        SkywardDistricts s = SkywardDistricts.from(RollcallConfig.of(p, Map.of("NORTH_SKYWARD_SECRET", "s3cret")),
                Path.of("").toAbsolutePath());
        assertThat(s.get("demo")).isEmpty();
        SkywardOptions o = s.get("north").orElseThrow().options();
        assertThat(o.baseUrl()).hasToString("https://skyward.example.org/NorthAPI");
        assertThat(o.clientSecret()).isEqualTo("s3cret");
        assertThat(o.entityIds()).isEqualTo(List.of(1L, 7L));
        assertThat(o.pageSize()).isEqualTo(500);
        assertThat(o.schedule()).isEqualTo("0 0 2 * * ?");
        assertThat(o.timeZone()).isEqualTo(ZoneId.of("America/Denver"));
        assertThat(o.studentIdField()).isEqualTo("StudentNumber");
    }

    @Test
    void aSkywardUrlNeedsAKeyAndASecretFromTheEnvironment() {
        Map<String, String> p = minimal();
        p.put("rollcall.district.demo.skyward.url", "https://skyward.example.org/DemoAPI");
        assertThatThrownBy(() -> SkywardDistricts.from(RollcallConfig.of(p, Map.of()), Path.of("")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "rollcall.district.demo.skyward.client-key: is required when skyward.url is set",
                        "rollcall.district.demo.skyward.client-secret: is required when skyward.url is set"));
        p.put("rollcall.district.demo.skyward.client-secret", "literal");
        assertThatThrownBy(() -> RollcallConfig.of(p, Map.of()).get(Settings.SKYWARD_CLIENT_SECRET, "demo"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is a secret");
    }

    @Test
    void invalidValuesNameTheKey() {
        Map<String, String> p = minimal();
        p.put("rollcall.district.demo.skyward.url", "ftp://x");
        p.put("rollcall.district.demo.skyward.entity-ids", "1,two");
        p.put("rollcall.district.demo.skyward.time-zone", "Mars/Olympus");
        assertThatThrownBy(() -> RollcallConfig.of(p, Map.of())).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(String.join("\n", e.problems())).contains("skyward.url: 'ftp://x' is not an http(s) URL")
                        .contains("skyward.entity-ids").contains("Mars/Olympus"));
    }
}
