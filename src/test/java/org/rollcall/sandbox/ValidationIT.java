package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Bodies are checked against the official DS 5.0 schema and the descriptor sets, answered with ODS/API 7.2+
 * problem details keyed by JSON path (edfi-api.md 1.7; Postman ResponseTests "missing a required value",
 * "invalid and non existing descriptors").
 */
class ValidationIT extends SandboxITBase {

    private JsonNode rejected(String resource, String body) {
        HttpResponse<String> r = client.post(resource, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = SandboxClient.json(r);
        assertThat(problem.get("type").asText()).isEqualTo("urn:ed-fi:api:bad-request:data-validation-failed");
        assertThat(problem.get("title").asText()).isEqualTo("Data Validation Failed");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).isEqualTo("Data validation failed. See 'validationErrors' for details.");
        assertThat(problem.get("correlationId").asText()).isNotBlank();
        return problem.get("validationErrors");
    }

    @Test
    void aMissingRequiredPropertyIsReportedAtItsPath() {
        JsonNode errors = rejected("students",
                "{\"studentUniqueId\": \"610001\", \"firstName\": \"A\", \"birthDate\": \"2010-01-01\"}");
        assertThat(errors.get("$.lastSurname").get(0).asText())
                .isEqualTo("LastSurname is required and should not be left empty.");
    }

    @Test
    void aWrongDateFormatIsReported() {
        JsonNode errors = rejected("students", "{\"studentUniqueId\": \"610002\", \"firstName\": \"A\","
                + " \"lastSurname\": \"B\", \"birthDate\": \"05/04/2010\"}");
        assertThat(errors.get("$.birthDate").get(0).asText()).contains("'05/04/2010'").contains("yyyy-MM-dd");
    }

    @Test
    void aPropertyTheSchemaDoesNotDefineIsRejected() {
        JsonNode errors = rejected("students", "{\"studentUniqueId\": \"610003\", \"firstName\": \"A\","
                + " \"lastSurnme\": \"B\", \"lastSurname\": \"B\", \"birthDate\": \"2010-01-01\"}");
        assertThat(errors.get("$.lastSurnme").get(0).asText()).contains("'lastSurnme' is not a property of Student");
    }

    @Test
    void anUnknownDescriptorInANestedCollectionIsReportedAtItsPath() {
        storeDistrictWithStudent("610004");
        JsonNode errors = rejected("studentEducationOrganizationAssociations",
                Payloads.seoa("610004", Payloads.LEA_ID, "Martian"));
        assertThat(errors.get("$.races[0].raceDescriptor").get(0).asText())
                .isEqualTo("RaceDescriptor value 'uri://ed-fi.org/RaceDescriptor#Martian' does not exist.");
    }

    @Test
    void aDescriptorWithoutANamespaceIsReported() {
        JsonNode errors = rejected("students", "{\"studentUniqueId\": \"610005\", \"firstName\": \"A\","
                + " \"lastSurname\": \"B\", \"birthDate\": \"2010-01-01\", \"birthCountryDescriptor\": \"00\"}");
        assertThat(errors.get("$.birthCountryDescriptor").get(0).asText()).isEqualTo("CountryDescriptor value '00' is"
                + " not a valid value for use as a descriptor (a '#' is expected to delineate the namespace and code"
                + " value portions).");
    }

    @Test
    void typesLengthsAndInt64AreChecked() {
        String tooLong = "x".repeat(76);
        JsonNode errors = rejected("students", "{\"studentUniqueId\": 610006, \"firstName\": \"" + tooLong + "\","
                + " \"lastSurname\": \"B\", \"birthDate\": \"2010-01-01\", \"multipleBirthStatus\": \"yes\"}");
        assertThat(errors.fieldNames()).toIterable()
                .contains("$.studentUniqueId", "$.firstName", "$.multipleBirthStatus");
        assertThat(errors.get("$.firstName").get(0).asText()).contains("maximum length of 75");

        JsonNode schoolErrors = rejected("schools", Payloads.school(Payloads.SCHOOL_ID, Payloads.LEA_ID)
                .replace("\"schoolId\": 255901001", "\"schoolId\": 99999999999999999999"));
        assertThat(schoolErrors.has("$.schoolId")).isTrue();
    }

    @Test
    void nestedRequiredPropertiesAndArraysAreChecked() {
        JsonNode errors = rejected("schools", """
                {"schoolId": 255901001, "nameOfInstitution": "X", "educationOrganizationCategories": [{}],
                 "gradeLevels": "Ninth"}""");
        assertThat(errors.has("$.educationOrganizationCategories[0].educationOrganizationCategoryDescriptor")).isTrue();
        assertThat(errors.has("$.gradeLevels")).isTrue();
    }

    @Test
    void aCorrelationIdSentByTheClientIsEchoedInTheProblem() {
        HttpResponse<String> byHeader = client.post("students", "{}", "correlation-id", "run-42");
        assertThat(SandboxClient.json(byHeader).get("correlationId").asText()).isEqualTo("run-42");
        HttpResponse<String> byQuery = client.post("students?correlationId=run-43", "{}");
        assertThat(SandboxClient.json(byQuery).get("correlationId").asText()).isEqualTo("run-43");
    }

    @Test
    void nullOptionalPropertiesAreAcceptedAndNotStored() {
        String id = stored("students", "{\"studentUniqueId\": \"610007\", \"firstName\": \"A\", \"middleName\": null,"
                + " \"lastSurname\": \"B\", \"birthDate\": \"2010-01-01\"}");
        assertThat(SandboxClient.json(client.get("students/" + id)).has("middleName")).isFalse();
    }

    @Test
    void aGetResponseCanBePostedBackAfterRemovingTheId() {
        storeDistrictWithStudent("610008");
        String id = stored("studentEducationOrganizationAssociations", Payloads.seoa("610008", Payloads.LEA_ID, "White"));
        JsonNode item = SandboxClient.json(client.get("studentEducationOrganizationAssociations/" + id));
        ((com.fasterxml.jackson.databind.node.ObjectNode) item).remove("id");
        HttpResponse<String> r = client.post("studentEducationOrganizationAssociations", item.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
}
