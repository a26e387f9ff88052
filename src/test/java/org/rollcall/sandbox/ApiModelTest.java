package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model derived from the DS 5.0 spec: natural keys (edfi-api.md 1.10), flat query names, references. */
class ApiModelTest {

    private final ApiModel model = ApiModel.get();

    private static List<String> identity(ResourceModel r) {
        return r.identity.stream().map(QueryParameter::name).toList();
    }

    private static List<String> paths(ResourceModel r, String query) {
        return r.queryParameters.get(query.toLowerCase()).paths().stream().map(p -> String.join(".", p)).toList();
    }

    @Test
    void naturalKeysAreTheIdentityQueryParametersOfTheSpec() {
        assertThat(identity(model.resource("students"))).containsExactly("studentUniqueId");
        assertThat(identity(model.resource("schools"))).containsExactly("schoolId");
        assertThat(identity(model.resource("localEducationAgencies"))).containsExactly("localEducationAgencyId");
        assertThat(identity(model.resource("studentSchoolAssociations")))
                .containsExactly("entryDate", "schoolId", "studentUniqueId");
        assertThat(identity(model.resource("studentEducationOrganizationAssociations")))
                .containsExactly("educationOrganizationId", "studentUniqueId");
        assertThat(identity(model.resource("studentSpecialEducationProgramAssociations")))
                .containsExactly("beginDate", "educationOrganizationId", "programEducationOrganizationId",
                        "programName", "programTypeDescriptor", "studentUniqueId");
        assertThat(identity(model.resource("programs")))
                .containsExactly("educationOrganizationId", "programName", "programTypeDescriptor");
    }

    @Test
    void referencePropertiesAreQueriedFlatWithTheOdsRoleNames() {
        ResourceModel ssa = model.resource("studentSchoolAssociations");
        assertThat(paths(ssa, "studentUniqueId")).containsExactly("studentReference.studentUniqueId");
        assertThat(paths(ssa, "schoolId")).containsExactlyInAnyOrder("schoolReference.schoolId",
                "calendarReference.schoolId");
        assertThat(paths(ssa, "nextYearSchoolId")).containsExactly("nextYearSchoolReference.schoolId");
        assertThat(paths(ssa, "classOfSchoolYear")).containsExactly("classOfSchoolYearTypeReference.schoolYear");
        ResourceModel spa = model.resource("studentProgramAssociations");
        assertThat(paths(spa, "programEducationOrganizationId")).containsExactly("programReference.educationOrganizationId");
        assertThat(paths(spa, "educationOrganizationId"))
                .containsExactly("educationOrganizationReference.educationOrganizationId");
        assertThat(paths(spa, "programName")).containsExactly("programReference.programName");
        assertThat(paths(model.resource("localAccounts"), "chartOfAccountIdentifier"))
                .containsExactly("chartOfAccountReference.accountIdentifier");
    }

    @Test
    void naturalKeyChangesAreAllowedOnTheEightCascadingResourcesOnly() {
        List<String> allowed = new ArrayList<>();
        model.resources().forEach(r -> {
            if (r.keyChangeAllowed) {
                allowed.add(r.name);
            }
        });
        assertThat(allowed).containsExactlyInAnyOrder("classPeriods", "grades", "gradebookEntries", "locations",
                "sections", "sessions", "studentSchoolAssociations", "studentSectionAssociations");
    }

    @Test
    void referencesResolveToTheirResourcesAndEducationOrganizationsToEverySubclass() {
        SchemaNode seoa = model.resource("studentEducationOrganizationAssociations").schema;
        assertThat(seoa.properties.get("studentReference").reference.candidates())
                .extracting(ReferenceTarget.Candidate::resource).containsExactly("students");
        ReferenceTarget edOrg = seoa.properties.get("educationOrganizationReference").reference;
        assertThat(edOrg.entityName()).isEqualTo("EducationOrganization");
        assertThat(edOrg.candidates()).extracting(ReferenceTarget.Candidate::resource)
                .contains("schools", "localEducationAgencies", "stateEducationAgencies", "educationServiceCenters")
                .doesNotContain("students");
        SchemaNode ssa = model.resource("studentSchoolAssociations").schema;
        assertThat(ssa.properties.get("schoolYearTypeReference").reference.candidates())
                .extracting(ReferenceTarget.Candidate::resource).containsExactly("schoolYearTypes");
        assertThat(model.resource("studentSpecialEducationProgramAssociations").schema.properties
                .get("programReference").reference.candidates())
                .extracting(ReferenceTarget.Candidate::resource).containsExactly("programs");
    }

    @Test
    void descriptorPropertiesKnowTheirDescriptorTypeIncludingRoleNamedOnes() {
        SchemaNode student = model.resource("students").schema;
        assertThat(student.properties.get("birthCountryDescriptor").descriptorType).isEqualTo("CountryDescriptor");
        assertThat(student.properties.get("birthSexDescriptor").descriptorType).isEqualTo("SexDescriptor");
        assertThat(student.properties.get("lastSurname").descriptorType).isNull();
        SchemaNode ssa = model.resource("studentSchoolAssociations").schema;
        assertThat(ssa.properties.get("entryGradeLevelDescriptor").descriptorType).isEqualTo("GradeLevelDescriptor");
        assertThat(ssa.properties.get("entryGradeLevelReasonDescriptor").descriptorType)
                .isEqualTo("EntryGradeLevelReasonDescriptor");
        SchemaNode races = model.resource("studentEducationOrganizationAssociations").schema.properties.get("races");
        assertThat(races.items.properties.get("raceDescriptor").descriptorType).isEqualTo("RaceDescriptor");
        assertThat(model.descriptorResource("SexDescriptor").name).isEqualTo("sexDescriptors");
        assertThat(model.descriptorResource("CTEProgramServiceDescriptor").name).isEqualTo("cteProgramServiceDescriptors");
    }

    @Test
    void dependenciesPutDescriptorsFirstAndEveryResourceAfterWhatItReferences() {
        List<ApiModel.Dependency> deps = model.dependencies();
        int lea = order(deps, "/ed-fi/localEducationAgencies");
        int school = order(deps, "/ed-fi/schools");
        int student = order(deps, "/ed-fi/students");
        int ssa = order(deps, "/ed-fi/studentSchoolAssociations");
        int seoa = order(deps, "/ed-fi/studentEducationOrganizationAssociations");
        int spa = order(deps, "/ed-fi/studentSpecialEducationProgramAssociations");
        int program = order(deps, "/ed-fi/programs");
        assertThat(order(deps, "/ed-fi/sexDescriptors")).isEqualTo(1);
        assertThat(lea).isLessThan(school);
        assertThat(school).isLessThan(ssa);
        assertThat(student).isLessThan(ssa).isLessThan(seoa);
        assertThat(program).isLessThan(spa);
        assertThat(deps).extracting(ApiModel.Dependency::order).isSorted();
    }

    private static int order(List<ApiModel.Dependency> deps, String resource) {
        return deps.stream().filter(d -> d.resource().equals(resource)).findFirst().orElseThrow().order();
    }
}
