package org.rollcall.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rollcall.edfi.ProgramDefinition;

/** The keys of the demographics rules: share allow-list, programs, unprocessed grades, race M, gone defaults. */
class DemographicsSettingsTest {

    private static RollcallConfig config(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>();
        p.put("rollcall.districts", "demo");
        p.put("rollcall.district.demo.lea-id", "867530");
        p.put("rollcall.district.demo.lea-name", "Demo");
        p.putAll(extra);
        return RollcallConfig.of(p, Map.of());
    }

    private static List<String> problems(Map<String, String> extra) {
        try {
            config(extra);
            return List.of();
        } catch (ConfigException e) {
            return e.problems();
        }
    }

    @Test
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"these values may not be shared automatically\": the default"
            + " allow-list is empty")
    void nothingIsSharedByDefault() {
        assertThat(config(Map.of()).get(Settings.SHARE, "demo")).isEmpty();
        assertThat(config(Map.of("rollcall.district.demo.share", "ell_status, ext.title_i"))
                .get(Settings.SHARE, "demo")).containsExactly("ell_status", "ext.title_i");
    }

    @Test
    void anAllowListNamesOnlySensitiveFields() {
        assertThat(problems(Map.of("rollcall.district.demo.share", "ell_status,Gender")))
                .singleElement().asString().startsWith("rollcall.district.demo.share: 'Gender' is not one of ");
    }

    @Test
    @DisplayName("seed 001_dd604ac86191a619.txt, \"other\", \"null\", or \"Post Grad\": the default list, which a"
            + " district can change or set to none")
    void unprocessedGrades() {
        assertThat(config(Map.of()).get(Settings.CLEVER_UNPROCESSED_GRADES, "demo"))
                .containsExactly("Other", "null", "Post Grad", "PostGraduate");
        assertThat(config(Map.of("rollcall.district.demo.clever.unprocessed-grades", "Other, Ungraded"))
                .get(Settings.CLEVER_UNPROCESSED_GRADES, "demo")).containsExactly("Other", "Ungraded");
        assertThat(config(Map.of("rollcall.district.demo.clever.unprocessed-grades", "none"))
                .get(Settings.CLEVER_UNPROCESSED_GRADES, "demo")).isEmpty();
    }

    @Test
    void raceMPolicy() {
        assertThat(config(Map.of()).get(Settings.CLEVER_MULTIRACIAL, "demo")).isEqualTo("unmapped");
        assertThat(config(Map.of("rollcall.district.demo.clever.multiracial", "omit"))
                .get(Settings.CLEVER_MULTIRACIAL, "demo")).isEqualTo("omit");
        assertThat(problems(Map.of("rollcall.district.demo.clever.multiracial", "all"))).hasSize(1);
    }

    @Test
    void programsHaveDefaultsAndTakeANameAndAType() {
        RollcallConfig c = config(Map.of("rollcall.district.demo.program.special-education",
                "Special Services | Special Education"));
        assertThat(c.get(Settings.PROGRAM_SPECIAL_EDUCATION, "demo"))
                .isEqualTo(new ProgramDefinition("Special Services", "Special Education"));
        assertThat(c.get(Settings.PROGRAM_FOOD_SERVICE, "demo"))
                .isEqualTo(new ProgramDefinition("School Food Service", "Student School Food Service"));
        assertThat(c.get(Settings.PROGRAM_SECTION_504, "demo").type()).isEqualTo("Section 504 Placement");
        assertThat(c.get(Settings.PROGRAM_TITLE_I_PARTICIPANT, "demo")).isEqualTo("Public Targeted Assistance Program");
        assertThat(problems(Map.of("rollcall.district.demo.program.title-i", "Title I"))).singleElement().asString()
                .contains("is not 'program name|ProgramTypeDescriptor code'");
        assertThat(problems(Map.of("rollcall.district.demo.program.migrant", "|Migrant Education"))).hasSize(1);
        assertThat(problems(Map.of("rollcall.district.demo.program.migrant", "x".repeat(61) + "|Migrant Education")))
                .singleElement().asString().contains("1 to 60 characters");
    }

    @Test
    @DisplayName("a student no longer flagged for a program: the association is exited (endDate) by default,"
            + " deleted or left if the district says so; contacts cannot be exited")
    void goneDefaultsAndChecks() {
        Map<String, String> gone = config(Map.of()).get(Settings.GONE, "demo");
        assertThat(gone).containsEntry("studentSchoolAssociations", "exit")
                .containsEntry("studentSpecialEducationProgramAssociations", "exit")
                .containsEntry("studentProgramAssociations", "exit")
                .containsEntry("studentSchoolFoodServiceProgramAssociations", "exit")
                .containsEntry("studentTitleIPartAProgramAssociations", "exit")
                .containsEntry("studentLanguageInstructionProgramAssociations", "exit")
                .hasSize(6);
        assertThat(config(Map.of("rollcall.district.demo.gone", "studentSchoolFoodServiceProgramAssociations=delete"))
                .get(Settings.GONE, "demo")).containsExactly(
                        Map.entry("studentSchoolFoodServiceProgramAssociations", "delete"));
        assertThat(problems(Map.of("rollcall.district.demo.gone", "studentContactAssociations=exit")))
                .singleElement().asString().contains("only studentSchoolAssociations and student program associations");
    }
}
