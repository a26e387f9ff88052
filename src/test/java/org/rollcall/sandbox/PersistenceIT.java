package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sandbox with a store folder keeps everything across restarts, like a real ODS; export writes it as JSONL. */
class PersistenceIT {

    @TempDir
    Path store;

    private SandboxClient start() {
        return SandboxClient.start(SandboxOptions.inMemory().withStoreDir(store));
    }

    @Test
    void itemsIdsETagsAndCountsSurviveARestart() {
        SandboxClient first = start();
        String leaId;
        String studentId;
        String etag;
        try {
            leaId = SandboxClient.idOf(first.post("localEducationAgencies", Payloads.lea(Payloads.LEA_ID)));
            var post = first.post("students", Payloads.student("612001"));
            studentId = SandboxClient.idOf(post);
            etag = post.headers().firstValue("ETag").orElseThrow();
        } finally {
            first.sandbox.close();
        }
        assertThat(Files.exists(store.resolve("ods.mv.db"))).isTrue();

        SandboxClient second = start();
        try {
            JsonNode student = SandboxClient.json(second.get("students/" + studentId));
            assertThat(student.get("studentUniqueId").asText()).isEqualTo("612001");
            assertThat(DataApi.quoted(student.get("_etag").asText())).isEqualTo(etag);
            assertThat(second.post("students", Payloads.student("612001")).statusCode()).isEqualTo(200);
            assertThat(second.post("schools", Payloads.school(Payloads.SCHOOL_ID, Payloads.LEA_ID)).statusCode())
                    .as("the LEA stored before the restart resolves").isEqualTo(201);
            assertThat(second.get("localEducationAgencies/" + leaId).statusCode()).isEqualTo(200);
            assertThat(second.sandbox.counts().get("POST", "students", 201)).isEqualTo(1);
            assertThat(second.sandbox.counts().get("POST", "students", 200)).isEqualTo(1);
            assertThat(second.sandbox.counts().get("POST", "oauth/token", 200)).isEqualTo(2);
        } finally {
            second.sandbox.close();
        }
    }

    @Test
    void deletesAndDescriptorsPersistToo() {
        SandboxClient first = start();
        String id;
        try {
            id = SandboxClient.idOf(first.post("students", Payloads.student("612002")));
            assertThat(first.delete("students/" + id).statusCode()).isEqualTo(204);
            assertThat(first.post("sexDescriptors", """
                    {"namespace": "uri://education.mn.gov/SexDescriptor", "codeValue": "X", "shortDescription": "X"}""")
                    .statusCode()).isEqualTo(201);
        } finally {
            first.sandbox.close();
        }
        SandboxClient second = start();
        try {
            assertThat(second.get("students/" + id).statusCode()).isEqualTo(404);
            assertThat(SandboxClient.json(second.get("sexDescriptors?limit=100"))).hasSize(5);
        } finally {
            second.sandbox.close();
        }
    }

    @Test
    void aSecondSandboxOnTheSameFolderFailsWithAOneLineMessageNamingTheFolder() {
        SandboxClient first = start();
        try {
            assertThatThrownBy(this::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(store.toAbsolutePath().toString())
                    .hasMessageContaining("in use")
                    .hasMessageNotContaining("\n");
            assertThatThrownBy(() -> EdFiSandbox.export(store, store.resolve("out")))
                    .hasMessageContaining(store.toAbsolutePath().toString());
        } finally {
            first.sandbox.close();
        }
        start().sandbox.close(); // released on close
    }

    @Test
    void exportWritesEveryStoredResourceAsPostReadyJsonl() throws Exception {
        SandboxClient sandbox = start();
        try {
            sandbox.post("localEducationAgencies", Payloads.lea(Payloads.LEA_ID));
            sandbox.post("schools", Payloads.school(Payloads.SCHOOL_ID, Payloads.LEA_ID));
            sandbox.post("students", Payloads.student("612003"));
            sandbox.post("students", Payloads.student("612004"));
            sandbox.post("studentSchoolAssociations", Payloads.ssa("612003", Payloads.SCHOOL_ID, "2024-08-21"));
            sandbox.post("raceDescriptors", """
                    {"namespace": "uri://education.mn.gov/RaceDescriptor", "codeValue": "Somali", "shortDescription": "S"}""");
        } finally {
            sandbox.sandbox.close();
        }
        Path out = store.resolve("export");
        EdFiSandbox.export(store, out);

        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "localEducationAgencies.jsonl", "schools.jsonl", "students.jsonl",
                    "studentSchoolAssociations.jsonl", "raceDescriptors.jsonl");
        }
        List<String> students = Files.readAllLines(out.resolve("students.jsonl"));
        assertThat(students).hasSize(2);
        JsonNode first = SandboxClient.JSON.readTree(students.get(0));
        assertThat(first.get("studentUniqueId").asText()).isEqualTo("612003");
        assertThat(first.has("id")).isFalse();
        assertThat(first.has("_etag")).isFalse();
        JsonNode race = SandboxClient.JSON.readTree(Files.readAllLines(out.resolve("raceDescriptors.jsonl")).get(0));
        assertThat(race.has("raceDescriptorId")).isFalse();
        assertThat(race.get("codeValue").asText()).isEqualTo("Somali");
    }
}
