package org.rollcall.edfi.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Error bodies as ODS/API 7.2+ and older servers send them (edfi-api.md 1.7). */
class EdFiErrorTest {

    @Test
    void problemDetailsKeepDetailAndEveryJsonPath() {
        EdFiError e = EdFiError.of(400, "{\"detail\":\"Data validation failed. See 'validationErrors' for details.\","
                + "\"type\":\"urn:ed-fi:api:bad-request:data-validation-failed\",\"title\":\"Data Validation Failed\","
                + "\"status\":400,\"correlationId\":\"c1\",\"validationErrors\":{\"$.lastSurname\":"
                + "[\"LastSurname is required and should not be left empty.\"]}}");
        assertThat(e.type()).isEqualTo("urn:ed-fi:api:bad-request:data-validation-failed");
        assertThat(e.message()).isEqualTo("Data validation failed. See 'validationErrors' for details. | "
                + "$.lastSurname: LastSurname is required and should not be left empty.");
    }

    @Test
    void olderServersMessageAndPlainTextAreKept() {
        assertThat(EdFiError.of(409, "{\"message\":\"The value supplied for the related 'student' resource does not exist.\"}")
                .message()).isEqualTo("The value supplied for the related 'student' resource does not exist.");
        assertThat(EdFiError.of(502, "Bad gateway").message()).isEqualTo("Bad gateway");
        assertThat(EdFiError.of(500, "").message()).isEqualTo("HTTP 500 with no body");
    }

    @Test
    void unresolvedReferenceIsRecognised() {
        assertThat(EdFiError.of(409, "{\"type\":\"urn:ed-fi:api:data-conflict:unresolved-reference\","
                + "\"detail\":\"The referenced 'Student' item does not exist.\"}").isUnresolvedReference()).isTrue();
        assertThat(EdFiError.of(409, "{\"type\":\"urn:ed-fi:api:data-conflict:dependent-item-exists\"}")
                .isUnresolvedReference()).isFalse();
    }
}
