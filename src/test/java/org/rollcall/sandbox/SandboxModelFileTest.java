package org.rollcall.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The compact model file is derived from the shipped Ed-Fi YAML and descriptor XML (see {@link ModelCompiler}).
 * This test fails when it is stale; run it with {@code -Dsandbox.model.regenerate=true} to rewrite it.
 */
class SandboxModelFileTest {

    @Test
    void theCommittedModelFileIsDerivedFromTheShippedEdFiSources() throws Exception {
        Path edfi = Path.of(getClass().getClassLoader().getResource("edfi/openapi").toURI()).getParent();
        String fresh = ModelCompiler.compile(edfi);
        if (Boolean.getBoolean("sandbox.model.regenerate")) {
            Path source = Path.of("src/main/resources/edfi").resolve(ModelCompiler.MODEL_FILE);
            Files.createDirectories(source.getParent());
            Files.writeString(source, fresh, StandardCharsets.UTF_8);
            Files.createDirectories(edfi.resolve(ModelCompiler.MODEL_FILE).getParent());
            Files.writeString(edfi.resolve(ModelCompiler.MODEL_FILE), fresh, StandardCharsets.UTF_8);
        }
        String committed;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("edfi/" + ModelCompiler.MODEL_FILE)) {
            assertThat(in).as("edfi/" + ModelCompiler.MODEL_FILE + " exists; regenerate it").isNotNull();
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(committed.equals(fresh))
                .as("edfi/%s is stale: run mvn -B -q -o test -Dtest=SandboxModelFileTest"
                        + " -Dsandbox.model.regenerate=true", ModelCompiler.MODEL_FILE)
                .isTrue();
    }
}
