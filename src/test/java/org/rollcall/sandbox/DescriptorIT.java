package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The DS 5.2 default descriptor sets, served read-only, plus descriptors a district adds by POST. */
class DescriptorIT extends SandboxITBase {

    @Test
    void defaultDescriptorsAreServedWithPagingAndTheFieldsLightbeamReads() {
        HttpResponse<String> r = client.get("sexDescriptors?totalCount=true");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Total-Count")).hasValue("4");
        JsonNode values = SandboxClient.json(r);
        assertThat(values).extracting(v -> v.get("codeValue").asText())
                .containsExactlyInAnyOrder("Female", "Male", "Non-binary", "Not Selected");
        JsonNode female = SandboxClient.json(client.get("sexDescriptors?codeValue=Female")).get(0);
        assertThat(female.get("namespace").asText()).isEqualTo("uri://ed-fi.org/SexDescriptor");
        assertThat(female.get("shortDescription").asText()).isEqualTo("Female");
        assertThat(female.has("description")).isTrue();
        assertThat(female.get("id").asText()).hasSize(32);
        assertThat(female.get("sexDescriptorId").isInt()).isTrue();
        assertThat(client.get("sexDescriptors/" + female.get("id").asText()).statusCode()).isEqualTo(200);

        HttpResponse<String> languages = client.get("languageDescriptors?limit=100&offset=400&totalCount=true");
        assertThat(languages.headers().firstValue("Total-Count")).hasValue("484");
        assertThat(SandboxClient.json(languages)).hasSize(84);
    }

    @Test
    void aDistrictDescriptorCanBeAddedAndThenCountsAsValid() {
        storeDistrictWithStudent("611001");
        String local = "uri://education.mn.gov/RaceDescriptor#Somali";
        HttpResponse<String> before = client.post("studentEducationOrganizationAssociations",
                Payloads.seoa("611001", Payloads.LEA_ID, "White").replace("uri://ed-fi.org/RaceDescriptor#White", local));
        assertThat(before.statusCode()).isEqualTo(400);

        HttpResponse<String> added = client.post("raceDescriptors", """
                {"namespace": "uri://education.mn.gov/RaceDescriptor", "codeValue": "Somali",
                 "shortDescription": "Somali", "description": "Somali"}""");
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(client.post("raceDescriptors", """
                {"namespace": "uri://education.mn.gov/RaceDescriptor", "codeValue": "Somali",
                 "shortDescription": "Somali (MN)"}""").statusCode()).isEqualTo(200);

        HttpResponse<String> after = client.post("studentEducationOrganizationAssociations",
                Payloads.seoa("611001", Payloads.LEA_ID, "White").replace("uri://ed-fi.org/RaceDescriptor#White", local));
        assertThat(after.statusCode()).isEqualTo(201);
        assertThat(SandboxClient.json(client.get("raceDescriptors?namespace="
                + SandboxClient.q("uri://education.mn.gov/RaceDescriptor")))).hasSize(1);
    }

    @Test
    void descriptorsAreValidatedAndReadOnlyOtherwise() {
        assertThat(client.post("raceDescriptors", "{\"codeValue\": \"X\"}").statusCode()).isEqualTo(400);
        String id = SandboxClient.json(client.get("sexDescriptors?codeValue=Male")).get(0).get("id").asText();
        assertThat(client.delete("sexDescriptors/" + id).statusCode()).isEqualTo(405);
        assertThat(client.put("sexDescriptors/" + id, "{}").statusCode()).isEqualTo(405);
    }
}
