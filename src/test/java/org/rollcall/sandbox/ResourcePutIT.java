package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** PUT by id: full replacement, natural-key changes on the eight cascading resources only (edfi-api.md 1.4, 1.6). */
class ResourcePutIT extends SandboxITBase {

    @Test
    void aPutReplacesTheItemAndAnswers204WithTheNewETag() {
        HttpResponse<String> post = client.post("students", Payloads.student("607001"));
        String id = SandboxClient.idOf(post);
        HttpResponse<String> put = client.put("students/" + id, Payloads.student("607001", "Renamed"));
        assertThat(put.statusCode()).isEqualTo(204);
        assertThat(put.headers().firstValue("ETag")).isPresent().isNotEqualTo(post.headers().firstValue("ETag"));
        JsonNode item = SandboxClient.json(client.get("students/" + id));
        assertThat(item.get("lastSurname").asText()).isEqualTo("Renamed");
        assertThat(DataApi.quoted(item.get("_etag").asText())).isEqualTo(put.headers().firstValue("ETag").orElseThrow());
    }

    @Test
    void aPutNeverCreates() {
        HttpResponse<String> r = client.put("students/0123456789abcdef0123456789abcdef", Payloads.student("607002"));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(SandboxClient.json(client.get("students?studentUniqueId=607002"))).isEmpty();
    }

    @Test
    void aBodyIdMustMatchTheUrl() {
        String id = stored("students", Payloads.student("607003"));
        String withSameId = "{\"id\": \"" + id + "\"," + Payloads.student("607003").trim().substring(1);
        assertThat(client.put("students/" + id, withSameId).statusCode()).isEqualTo(204);
        String withOtherId = "{\"id\": \"0123456789abcdef0123456789abcdef\","
                + Payloads.student("607003").trim().substring(1);
        HttpResponse<String> r = client.put("students/" + id, withOtherId);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.json(r).get("type").asText())
                .isEqualTo("urn:ed-fi:api:bad-request:data-validation-failed");
    }

    @Test
    void theSsaEntryDateCanBeChangedByPutAndKeepsItsId() {
        storeDistrictWithStudent("607004");
        String id = stored("studentSchoolAssociations", Payloads.ssa("607004", Payloads.SCHOOL_ID, "2010-08-23"));
        HttpResponse<String> r = client.put("studentSchoolAssociations/" + id,
                Payloads.ssa("607004", Payloads.SCHOOL_ID, "2010-08-24"));
        assertThat(r.statusCode()).isEqualTo(204);
        JsonNode byNewKey = SandboxClient.json(client.get("studentSchoolAssociations?studentUniqueId=607004&schoolId="
                + Payloads.SCHOOL_ID + "&entryDate=2010-08-24"));
        assertThat(byNewKey).hasSize(1);
        assertThat(byNewKey.get(0).get("id").asText()).isEqualTo(id);
        assertThat(SandboxClient.json(client.get("studentSchoolAssociations?entryDate=2010-08-23"))).isEmpty();
        // the old key is free again: POSTing it creates a new item with a new id
        HttpResponse<String> again = client.post("studentSchoolAssociations",
                Payloads.ssa("607004", Payloads.SCHOOL_ID, "2010-08-23"));
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(SandboxClient.idOf(again)).isNotEqualTo(id);
    }

    @Test
    void aStudentUniqueIdCannotBeChangedByPut() {
        String id = stored("students", Payloads.student("607005"));
        HttpResponse<String> r = client.put("students/" + id, Payloads.student("607006"));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = SandboxClient.json(r);
        assertThat(problem.get("type").asText())
                .isEqualTo("urn:ed-fi:api:bad-request:data-validation-failed:key-change-not-supported");
        assertThat(problem.get("detail").asText()).isEqualTo(
                "Identifying values for the Student data cannot be changed. Delete and recreate the item instead.");
    }

    @Test
    void aMismatchedIfMatchIs412AndTheCurrentETagPasses() {
        HttpResponse<String> post = client.post("students", Payloads.student("607007"));
        String id = SandboxClient.idOf(post);
        HttpResponse<String> stale = client.put("students/" + id, Payloads.student("607007", "X"),
                "If-Match", "\"InvalidETAG\"");
        assertThat(stale.statusCode()).isEqualTo(412);
        JsonNode problem = SandboxClient.json(stale);
        assertThat(problem.get("type").asText()).isEqualTo("urn:ed-fi:api:optimistic-lock-failed");
        assertThat(problem.get("detail").asText()).isEqualTo("The item has been modified by another user.");
        HttpResponse<String> fresh = client.put("students/" + id, Payloads.student("607007", "X"),
                "If-Match", post.headers().firstValue("ETag").orElseThrow());
        assertThat(fresh.statusCode()).isEqualTo(204);
    }

    @Test
    void aPutWithoutAnIdIs405() {
        assertThat(client.put("students", Payloads.student("607008")).statusCode()).isEqualTo(405);
    }

    @Test
    void aPutIsValidatedLikeAPost() {
        String id = stored("students", Payloads.student("607009"));
        HttpResponse<String> r = client.put("students/" + id,
                "{\"studentUniqueId\": \"607009\", \"firstName\": \"A\", \"birthDate\": \"2010-01-01\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.json(r).get("validationErrors").has("$.lastSurname")).isTrue();
    }
}
