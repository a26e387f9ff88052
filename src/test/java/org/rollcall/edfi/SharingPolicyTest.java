package org.rollcall.edfi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rollcall.model.Program;
import org.rollcall.model.Student;

/**
 * Seed 000 (000_24ef7be37d1b8b28.txt): "Please note that because Clever considers the data submitted
 * for ell_status, frl_status, and iep_status to be sensitive, these values may not be shared
 * automatically with district-connected applications", and the extension fields are shared only
 * when the district picks them ("Click each field you want to share").
 */
class SharingPolicyTest {

    private final MappingContext ctx = new MappingContext("uri://ed-fi.org",
            DescriptorCrosswalk.load(Path.of("config/descriptors/clever.csv"), "uri://ed-fi.org"), 867530,
            p -> { }, new UnmappedValues(), ProgramCatalog.defaults(LocalDate.of(2026, 8, 17)));
    private final Ds5Mapper mapper = new Ds5Mapper();


    @Test
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"ell_status, frl_status, and iep_status ... sensitive\" and every"
            + " extension field: the ten fields an allow-list can name")
    void theSensitiveFields() {
        assertThat(SharingPolicy.SENSITIVE_FIELDS).containsExactly("ell_status", "frl_status", "iep_status",
                "ext.idea_indicator", "ext.disability_status", "ext.primary_disability_type", "ext.section_504_status",
                "ext.economic_disadvantage_status", "ext.migrant_status", "ext.title_i");
    }

    @Test
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"these values may not be shared automatically\": by default every"
            + " sensitive value is withheld and each one is counted")
    void byDefaultEverythingIsWithheld() {
        List<String> withheld = new ArrayList<>();
        Student s = SharingPolicy.withholdAll().apply(Ds5MapperTest.flagged("F"), withheld::add);
        assertThat(s.programs()).isEmpty();
        assertThat(withheld).containsExactlyElementsOf(SharingPolicy.SENSITIVE_FIELDS);
        assertThat(mapper.student(s, ctx)).extracting(EdFiRecord::resource).containsExactly(EdFiResource.STUDENTS,
                EdFiResource.STUDENT_SCHOOL_ASSOCIATIONS, EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS);
    }

    @Test
    @DisplayName("seed 000_24ef7be37d1b8b28.txt, \"Click each field you want to share\": an allow-listed field goes to"
            + " the target, the others are withheld")
    void anAllowListedFieldIsShared() {
        List<String> withheld = new ArrayList<>();
        Student s = SharingPolicy.of(List.of("frl_status", "ext.title_i"))
                .apply(Ds5MapperTest.flagged("F"), withheld::add);
        assertThat(s.programs()).containsOnlyKeys(Program.FREE_REDUCED_LUNCH, Program.TITLE_I);
        assertThat(withheld).hasSize(8).doesNotContain("frl_status", "ext.title_i");
        assertThat(mapper.student(s, ctx)).extracting(EdFiRecord::resource).contains(
                EdFiResource.STUDENT_SCHOOL_FOOD_SERVICE_PROGRAM_ASSOCIATIONS,
                EdFiResource.STUDENT_TITLE_I_PART_A_PROGRAM_ASSOCIATIONS)
                .doesNotContain(EdFiResource.STUDENT_SPECIAL_EDUCATION_PROGRAM_ASSOCIATIONS);
    }

    @Test
    @DisplayName("a withheld value is in no payload: the bodies are those of a student who never had it, so the"
            + " payload hashes do not change while the allow-list stays the same")
    void aWithheldValueChangesNoPayload() {
        Student plain = Ds5MapperTest.flagged("F").withPrograms(Map.of());
        SharingPolicy none = SharingPolicy.withholdAll();
        assertThat(bodies(none.apply(Ds5MapperTest.flagged("F"), f -> { }))).isEqualTo(bodies(plain));
        Student otherValues = Ds5MapperTest.flagged("F").withPrograms(Map.of(Program.IEP, "N", Program.MIGRANT, "No"));
        assertThat(bodies(none.apply(otherValues, f -> { }))).isEqualTo(bodies(plain));
    }

    @Test
    @DisplayName("allow-listing ell_status later changes exactly the records that carry it: the association's"
            + " English proficiency and the English learner association, nothing else")
    void allowListingLaterChangesOnlyWhatCarriesTheField() {
        List<String> before = bodies(SharingPolicy.withholdAll().apply(Ds5MapperTest.flagged("F"), f -> { }));
        List<String> after = bodies(SharingPolicy.of(List.of("ell_status"))
                .apply(Ds5MapperTest.flagged("F"), f -> { }));
        List<String> changed = new ArrayList<>(after);
        changed.removeAll(before);
        assertThat(changed).hasSize(2);
        assertThat(changed.get(0)).contains("limitedEnglishProficiencyDescriptor");
        assertThat(changed.get(1)).contains("englishLearnerParticipation");
        List<String> replaced = new ArrayList<>(before);
        replaced.removeAll(after);
        assertThat(replaced).as("only the association's body is replaced").singleElement()
                .satisfies(b -> assertThat(b).contains("studentIdentificationCodes"));
    }

    @Test
    void aNameThatIsNotASensitiveFieldIsRefused() {
        assertThatThrownBy(() -> SharingPolicy.of(List.of("frl"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'frl' is not one of ell_status, frl_status");
    }

    @Test
    void aStudentWhollySharedIsPassedOnAsItIs() {
        Student s = Ds5MapperTest.flagged("F");
        assertThat(SharingPolicy.of(SharingPolicy.SENSITIVE_FIELDS).apply(s, f -> {
            throw new AssertionError("nothing is withheld");
        })).isSameAs(s);
    }

    private List<String> bodies(Student s) {
        return mapper.student(s, ctx).stream().map(r -> EdFiJson.write(r.payload())).toList();
    }
}
