package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** DELETE by id; 409 while something refers to the item (edfi-api.md 1.5; Postman ResponseTests "Delete"). */
class ResourceDeleteIT extends SandboxITBase {

    @Test
    void aDeleteIs204AndTheItemIsGone() {
        String id = stored("students", Payloads.student("608001"));
        assertThat(client.delete("students/" + id).statusCode()).isEqualTo(204);
        assertThat(client.get("students/" + id).statusCode()).isEqualTo(404);
        assertThat(client.delete("students/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void aStudentAnEnrollmentRefersToCannotBeDeleted() {
        storeDistrictWithStudent("608002");
        String studentId = SandboxClient.idOf(client.post("students", Payloads.student("608002")));
        String ssaId = stored("studentSchoolAssociations", Payloads.ssa("608002", Payloads.SCHOOL_ID, "2024-08-21"));

        HttpResponse<String> blocked = client.delete("students/" + studentId);
        assertThat(blocked.statusCode()).isEqualTo(409);
        JsonNode problem = SandboxClient.json(blocked);
        assertThat(problem.get("type").asText()).isEqualTo("urn:ed-fi:api:data-conflict:dependent-item-exists");
        assertThat(problem.get("title").asText()).isEqualTo("Dependent Item Exists");
        assertThat(problem.get("detail").asText()).isEqualTo("The requested action cannot be performed because this"
                + " item is referenced by an existing 'StudentSchoolAssociation' item.");

        assertThat(client.delete("studentSchoolAssociations/" + ssaId).statusCode()).isEqualTo(204);
        assertThat(client.delete("students/" + studentId).statusCode()).isEqualTo(204);
    }

    @Test
    void aSchoolAnEducationOrganizationReferenceResolvedToCannotBeDeleted() {
        storeDistrictWithStudent("608003");
        String schoolId = SandboxClient.idOf(client.post("schools", Payloads.school(Payloads.SCHOOL_ID, Payloads.LEA_ID)));
        stored("studentEducationOrganizationAssociations", Payloads.seoa("608003", Payloads.SCHOOL_ID, "White"));
        HttpResponse<String> r = client.delete("schools/" + schoolId);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(SandboxClient.json(r).get("detail").asText())
                .contains("'StudentEducationOrganizationAssociation'");
    }

    @Test
    void aMismatchedIfMatchIs412() {
        String id = stored("students", Payloads.student("608004"));
        HttpResponse<String> r = client.delete("students/" + id, "If-Match", "\"InvalidETAG\"");
        assertThat(r.statusCode()).isEqualTo(412);
        assertThat(SandboxClient.json(r).get("type").asText()).isEqualTo("urn:ed-fi:api:optimistic-lock-failed");
        assertThat(client.get("students/" + id).statusCode()).isEqualTo(200);
    }

    @Test
    void aMalformedIdIs400AndACollectionDeleteIs405() {
        assertThat(client.delete("students/not-an-id").statusCode()).isEqualTo(400);
        assertThat(client.delete("students").statusCode()).isEqualTo(405);
    }
}
