package org.rollcall.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.rollcall.edfi.EdFiResource;

/** A store written by an earlier Rollcall keeps its plans and bodies when the schema moves on. */
class StateStoreMigrationTest {

    @Test
    void bodiesStoredInlineByVersion2AreStillThereAfterTheyMoveApart() throws Exception {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        JdbcDataSource old = new JdbcDataSource();
        old.setURL(url);
        old.setUser("sa");
        Flyway.configure().dataSource(old).locations("classpath:db/migration").target("2").load().migrate();
        try (Connection c = old.getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into sync_run (run_id, district, target, source, status, started_at) "
                    + "values ('r1', 'demo', 't', 'clever', 'succeeded', current_timestamp)");
            st.execute("insert into planned_change (run_id, resource, natural_key, action, payload, payload_hash, "
                    + "dependency_level, outcome) values ('r1', 'students', 'studentUniqueId=1', 'CREATE', "
                    + "'{\"studentUniqueId\":\"1\"}', 'h1', 30, null)");
            st.execute("insert into record_state (target, resource, natural_key, edfi_id, payload_hash, last_status, "
                    + "last_seen_run, last_payload, source, updated_at) values ('t', 'students', 'studentUniqueId=2', "
                    + "'id-2', 'h2', 'created', 'r0', '{\"studentUniqueId\":\"2\"}', 'clever', current_timestamp)");
        }
        try (StateStore store = StateStore.open(url, "sa", "", 2, java.nio.file.Files.createTempDirectory("store"))) {
            assertThat(store.pending("r1", EdFiResource.STUDENTS, 0, 10)).singleElement()
                    .satisfies(ch -> assertThat(ch.payload()).isEqualTo("{\"studentUniqueId\":\"1\"}"));
            assertThat(store.present("t", EdFiResource.STUDENTS, "clever", "", 10)).singleElement()
                    .satisfies(r -> assertThat(r.edfiId()).isEqualTo("id-2"));
            assertThat(store.acceptedBodies("t", EdFiResource.STUDENTS, java.util.List.of("studentUniqueId=2")))
                    .containsEntry("studentUniqueId=2", "{\"studentUniqueId\":\"2\"}");
        }
    }

    /**
     * The embedded store of an installation that ran with H2 2.3.232 (src/test/resources/stores/h2-2.3.232,
     * written by this store's {@code open} and {@code openRun} on that version) opens on the H2 this
     * build ships, which fixes H2 issue 4247 (rows written just before a close could be missing after
     * the reopen), and keeps what it held.
     */
    @Test
    void anEmbeddedStoreWrittenByTheEarlierH2OpensAndKeepsItsRuns(@org.junit.jupiter.api.io.TempDir Path data)
            throws Exception {
        Path state = java.nio.file.Files.createDirectories(data.resolve("state"));
        try (var in = getClass().getResourceAsStream("/stores/h2-2.3.232/rollcall.mv.db")) {
            java.nio.file.Files.copy(in, state.resolve("rollcall.mv.db"));
        }
        try (StateStore store = StateStore.open("embedded", null, null, 2, data)) {
            assertThat(store.run("r-2-3-232")).hasValueSatisfying(r -> assertThat(r.district()).isEqualTo("demo"));
            store.openRun("r-now", "demo", "demo@sandbox", "clever", "written by this build");
        }
        try (StateStore store = StateStore.open("embedded", null, null, 2, data)) {
            assertThat(store.run("r-now")).isPresent();
        }
    }
}
