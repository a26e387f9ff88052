package org.rollcall.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.edfi.EdFiJson;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.model.Lineage;
import org.rollcall.report.ProblemSink;

/** The embedded default store (an H2 file under data/state) as an installation without PostgreSQL has it. */
class EmbeddedStateStoreTest {

    @TempDir
    Path data;

    /** Without compacting as it closes, this plan leaves a file of about 42 MB; compacted, about 7 MB. */
    @Test
    void aStoreGivesBackTheFileSpaceAPlanTookWhenItCloses() throws Exception {
        try (StateStore store = StateStore.open("embedded", null, null, 2, data)) {
            store.openRun("r1", "demo", "t", "clever", "test");
            try (SyncPlanner planner = new SyncPlanner(store, "t", "r1", "v1", ProblemSink.IGNORE)) {
                for (int i = 0; i < 20_000; i++) {
                    planner.accept(EdFiRecord.of(EdFiResource.STUDENTS, EdFiJson.object()
                            .put("studentUniqueId", "s" + (i * 7919L % 1_000_003)).put("firstName", "A")
                            .put("lastSurname", "B" + i).put("birthDate", "2015-01-01"), Lineage.of("students.csv", i + 2)));
                }
                assertThat(planner.finish().toCreate(EdFiResource.STUDENTS)).isEqualTo(20_000);
            }
        }
        assertThat(Files.size(data.resolve("state/rollcall.mv.db"))).isLessThan(20L << 20);
        try (StateStore store = StateStore.open("embedded", null, null, 2, data)) {
            assertThat(store.pending("r1", EdFiResource.STUDENTS, 0, 20_001)).hasSize(20_000);
        }
    }
}
