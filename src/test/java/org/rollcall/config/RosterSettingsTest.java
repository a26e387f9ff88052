package org.rollcall.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rostering keys: seed 001's grades, course scope, and the gone policy of the new resources. */
class RosterSettingsTest {

    private static Map<String, String> minimal() {
        Map<String, String> p = new HashMap<>();
        p.put("rollcall.districts", "demo");
        p.put("rollcall.district.demo.lea-id", "867530");
        p.put("rollcall.district.demo.lea-name", "Demo");
        return p;
    }

    @Test
    @DisplayName("seed 001: \"Students and courses with \"other\", \"null\", or \"Post Grad\" as their grade level will"
            + " not be processed\" is the default of clever.unprocessed-grades, which a district can change")
    void theUnprocessedGradesDefaultToSeed001sAndAreConfigurable() {
        assertThat(RollcallConfig.of(minimal(), Map.of()).get(Settings.CLEVER_UNPROCESSED_GRADES, "demo"))
                .containsExactly("Other", "null", "Post Grad", "PostGraduate");
        Map<String, String> p = minimal();
        p.put("rollcall.district.demo.clever.unprocessed-grades", "Other, 13");
        assertThat(RollcallConfig.of(p, Map.of()).get(Settings.CLEVER_UNPROCESSED_GRADES, "demo"))
                .containsExactly("Other", "13");
    }

    @Test
    void coursesBelongToTheLeaUnlessConfiguredPerSchool() {
        assertThat(RollcallConfig.of(minimal(), Map.of()).get(Settings.CLEVER_COURSE_SCOPE, "demo")).isEqualTo("lea");
        Map<String, String> p = minimal();
        p.put("rollcall.district.demo.clever.course-scope", "district");
        assertThatThrownBy(() -> RollcallConfig.of(p, Map.of())).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.problems()).containsExactly(
                        "rollcall.district.demo.clever.course-scope: 'district' is not one of lea, school"));
    }

    @Test
    void sectionAssociationsGoneFromASnapshotAreDeletedByDefault() {
        // beside the enrollments and the program associations, which are exited (DemographicsSettingsTest)
        assertThat(RollcallConfig.of(minimal(), Map.of()).get(Settings.GONE, "demo"))
                .containsEntry("studentSchoolAssociations", "exit")
                .containsEntry("studentSectionAssociations", "delete")
                .containsEntry("staffSectionAssociations", "delete");
    }

    @Test
    void staffAndCoursesAreNeverDeleted() {
        for (String resource : List.of("staffs", "courses")) {
            Map<String, String> p = minimal();
            p.put("rollcall.district.demo.gone", resource + "=delete");
            assertThatThrownBy(() -> RollcallConfig.of(p, Map.of())).isInstanceOfSatisfying(ConfigException.class,
                    e -> assertThat(e.problems()).singleElement().asString().contains(resource + " are never deleted"));
        }
        Map<String, String> p = minimal();
        p.put("rollcall.district.demo.gone", "sections=delete,staffSchoolAssociations=delete");
        assertThat(RollcallConfig.of(p, Map.of()).get(Settings.GONE, "demo"))
                .isEqualTo(Map.of("sections", "delete", "staffSchoolAssociations", "delete"));
    }
}
