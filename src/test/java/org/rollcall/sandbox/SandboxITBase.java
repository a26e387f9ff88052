package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Each test gets its own in-memory sandbox on a free loopback port, and a client with a token. */
abstract class SandboxITBase {

    SandboxClient client;

    SandboxOptions options() {
        return SandboxOptions.inMemory();
    }

    @BeforeEach
    void startSandbox() {
        client = SandboxClient.start(options());
    }

    @AfterEach
    void stopSandbox() {
        client.sandbox.close();
    }

    /** POSTs a body that must be accepted (201 or 200) and returns the item's id. */
    String stored(String resource, String body) {
        HttpResponse<String> r = client.post(resource, body);
        assertThat(r.statusCode()).as(resource + ": " + r.body()).isIn(200, 201);
        return SandboxClient.idOf(r);
    }

    /** The LEA 255901, school 255901001 and one student: what an enrollment needs. */
    void storeDistrictWithStudent(String studentUniqueId) {
        stored("localEducationAgencies", Payloads.lea(Payloads.LEA_ID));
        stored("schools", Payloads.school(Payloads.SCHOOL_ID, Payloads.LEA_ID));
        stored("students", Payloads.student(studentUniqueId));
    }
}
