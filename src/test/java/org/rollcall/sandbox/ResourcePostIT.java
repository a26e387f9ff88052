package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** POST is an upsert by natural key (edfi-api.md 1.3; ODS Postman ResponseTests "POST"). */
class ResourcePostIT extends SandboxITBase {

    @Test
    void aNewItemIs201AndTheSameNaturalKeyAgainIs200WithTheSameLocation() {
        HttpResponse<String> created = client.post("students", Payloads.student("604821"));
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("http://127\\.0\\.0\\.1:\\d+/data/v3/ed-fi/students/[0-9a-f]{32}");
        assertThat(created.headers().firstValue("ETag")).isPresent();

        HttpResponse<String> updated = client.post("students", Payloads.student("604821", "Other"));
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(updated.headers().firstValue("Location")).hasValue(location);
    }

    @Test
    void theETagChangesWhenTheBodyChangesAndOnlyThen() {
        String first = client.post("students", Payloads.student("604822")).headers().firstValue("ETag").orElseThrow();
        String same = client.post("students", Payloads.student("604822")).headers().firstValue("ETag").orElseThrow();
        String changed = client.post("students", Payloads.student("604822", "Changed")).headers().firstValue("ETag")
                .orElseThrow();
        assertThat(same).isEqualTo(first);
        assertThat(changed).isNotEqualTo(first);
    }

    @Test
    void aPostReplacesTheWholeResourceRatherThanMerging() {
        String withMiddle = """
                {"studentUniqueId": "604823", "firstName": "Test", "middleName": "M", "lastSurname": "Learner",
                 "birthDate": "2010-05-04"}""";
        String id = stored("students", withMiddle);
        stored("students", Payloads.student("604823"));
        assertThat(SandboxClient.json(client.get("students/" + id)).has("middleName")).isFalse();
    }

    @Test
    void theIdIsStableForTheNaturalKeyAcrossSandboxes() {
        String id = stored("students", Payloads.student("604824"));
        SandboxClient other = SandboxClient.start(SandboxOptions.inMemory());
        try {
            HttpResponse<String> r = other.post("students", Payloads.student("604824"));
            assertThat(SandboxClient.idOf(r)).isEqualTo(id);
        } finally {
            other.sandbox.close();
        }
    }

    @Test
    void anIdInTheBodyIs400() {
        HttpResponse<String> r = client.post("students",
                "{\"id\": \"0123456789abcdef0123456789abcdef\", \"studentUniqueId\": \"1\", \"firstName\": \"A\","
                        + " \"lastSurname\": \"B\", \"birthDate\": \"2010-01-01\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode problem = SandboxClient.json(r);
        assertThat(problem.get("type").asText()).isEqualTo("urn:ed-fi:api:bad-request:data-validation-failed");
        assertThat(problem.get("errors").get(0).asText()).isEqualTo("Resource identifiers cannot be assigned by the"
                + " client. The 'id' property should not be included in the request body.");
    }

    @Test
    void aPostToAnItemUrlIs405() {
        String id = stored("students", Payloads.student("604825"));
        HttpResponse<String> r = client.post("students/" + id, Payloads.student("604825"));
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(SandboxClient.json(r).get("type").asText()).isEqualTo("urn:ed-fi:api:method-not-allowed");
    }

    @Test
    void aTrailingSlashOnTheCollectionWorks() {
        assertThat(client.post("students/", Payloads.student("604826")).statusCode()).isEqualTo(201);
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> r = client.post("students", "{\"studentUniqueId\": ");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(SandboxClient.json(r).get("type").asText()).startsWith("urn:ed-fi:api:bad-request");
        assertThat(client.post("students", "[1, 2]").statusCode()).isEqualTo(400);
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        HttpResponse<String> r = client.send(client.authorized(client.data("students"))
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("x")));
        assertThat(r.statusCode()).isEqualTo(415);
    }
}
