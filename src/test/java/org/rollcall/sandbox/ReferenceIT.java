package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** References must resolve to stored items (edfi-api.md 1.7: 409 unresolved-reference). */
class ReferenceIT extends SandboxITBase {

    @Test
    void anEnrollmentOfAnUnknownStudentIs409UnresolvedReference() {
        stored("localEducationAgencies", Payloads.lea(Payloads.LEA_ID));
        stored("schools", Payloads.school(Payloads.SCHOOL_ID, Payloads.LEA_ID));
        HttpResponse<String> r = client.post("studentSchoolAssociations",
                Payloads.ssa("609001", Payloads.SCHOOL_ID, "2024-08-21"));
        assertThat(r.statusCode()).isEqualTo(409);
        JsonNode problem = SandboxClient.json(r);
        assertThat(problem.get("type").asText()).isEqualTo("urn:ed-fi:api:data-conflict:unresolved-reference");
        assertThat(problem.get("detail").asText()).isEqualTo("The referenced 'Student' item does not exist.");
        assertThat(problem.get("correlationId").asText()).isNotBlank();

        stored("students", Payloads.student("609001"));
        assertThat(client.post("studentSchoolAssociations", Payloads.ssa("609001", Payloads.SCHOOL_ID, "2024-08-21"))
                .statusCode()).isEqualTo(201);
    }

    @Test
    void aSchoolOfAnUnknownLeaIs409() {
        HttpResponse<String> r = client.post("schools", Payloads.school(Payloads.SCHOOL_ID, Payloads.LEA_ID));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(SandboxClient.json(r).get("detail").asText())
                .isEqualTo("The referenced 'LocalEducationAgency' item does not exist.");
    }

    @Test
    void anEducationOrganizationReferenceResolvesAgainstLeasAndSchools() {
        storeDistrictWithStudent("609002");
        assertThat(client.post("studentEducationOrganizationAssociations",
                Payloads.seoa("609002", Payloads.LEA_ID, "White")).statusCode()).isEqualTo(201);
        assertThat(client.post("studentEducationOrganizationAssociations",
                Payloads.seoa("609002", Payloads.SCHOOL_ID, "Asian")).statusCode()).isEqualTo(201);
        HttpResponse<String> r = client.post("studentEducationOrganizationAssociations",
                Payloads.seoa("609002", 999999, "Asian"));
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(SandboxClient.json(r).get("detail").asText())
                .isEqualTo("The referenced 'EducationOrganization' item does not exist.");
    }

    @Test
    void schoolYearTypesArePreSeededLikeAnOds() {
        storeDistrictWithStudent("609003");
        String withSchoolYear = Payloads.ssa("609003", Payloads.SCHOOL_ID, "2024-08-21").trim();
        withSchoolYear = withSchoolYear.substring(0, withSchoolYear.length() - 1)
                + ", \"schoolYearTypeReference\": {\"schoolYear\": 2025}}";
        assertThat(client.post("studentSchoolAssociations", withSchoolYear).statusCode()).isEqualTo(201);
        JsonNode years = SandboxClient.json(client.get("schoolYearTypes?limit=500"));
        assertThat(years).hasSize(Seeds.LAST_SCHOOL_YEAR - Seeds.FIRST_SCHOOL_YEAR + 1);
        assertThat(SandboxClient.json(client.get("schoolYearTypes?schoolYear=2025")).get(0)
                .get("schoolYearDescription").asText()).isEqualTo("2024-2025");
        String tooLate = withSchoolYear.replace("2025}", "2051}").replace("2024-08-21", "2024-08-22");
        assertThat(client.post("studentSchoolAssociations", tooLate).statusCode()).isEqualTo(409);
    }

    @Test
    void keyUnificationMismatchIs400() {
        storeDistrictWithStudent("609004");
        String body = """
                {"studentReference": {"studentUniqueId": "609004"}, "schoolReference": {"schoolId": 255901001},
                 "calendarReference": {"calendarCode": "2025", "schoolId": 255901044, "schoolYear": 2025},
                 "entryDate": "2024-08-21", "entryGradeLevelDescriptor": "uri://ed-fi.org/GradeLevelDescriptor#Ninth grade"}
                """;
        HttpResponse<String> r = client.post("studentSchoolAssociations", body);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.json(r).get("validationErrors").toString()).contains("schoolId");
    }
}
