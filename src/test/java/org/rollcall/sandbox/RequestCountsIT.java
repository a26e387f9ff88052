package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** Every answered request is counted per method, resource and status, in process and over HTTP. */
class RequestCountsIT extends SandboxITBase {

    @Test
    void requestsAreCountedPerMethodResourceAndStatus() {
        client.post("students", Payloads.student("613001"));
        client.post("students", Payloads.student("613001"));
        client.post("students", "{}");
        client.get("students");
        client.getPublic("");

        RequestCounts counts = client.sandbox.counts();
        assertThat(counts.get("POST", "students", 201)).isEqualTo(1);
        assertThat(counts.get("POST", "students", 200)).isEqualTo(1);
        assertThat(counts.get("POST", "students", 400)).isEqualTo(1);
        assertThat(counts.total("POST", "students")).isEqualTo(3);
        assertThat(counts.get("GET", "students", 200)).isEqualTo(1);
        assertThat(counts.get("POST", "oauth/token", 200)).isEqualTo(1);
        assertThat(counts.total("POST")).isEqualTo(4);
        assertThat(counts.get("GET", "discovery", 200)).isEqualTo(1);
        assertThat(counts.asMap()).containsEntry("POST students 201", 1L);
    }

    @Test
    void theCountsAreReadableOverHttpWithoutChangingThem() {
        client.post("students", Payloads.student("613002"));
        JsonNode body = SandboxClient.json(client.getPublic("_sandbox/requests"));
        assertThat(body.get("counts").get("POST students 201").asLong()).isEqualTo(1);
        assertThat(body.get("total").asLong()).isEqualTo(2);
        JsonNode again = SandboxClient.json(client.getPublic("_sandbox/requests"));
        assertThat(again.get("total").asLong()).isEqualTo(2);
    }
}
