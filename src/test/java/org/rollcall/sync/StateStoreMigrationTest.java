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
        try (StateStore store = StateStore.open(url, "sa", "", 2, Path.of("."))) {
            assertThat(store.pending("r1", EdFiResource.STUDENTS, 0, 10)).singleElement()
                    .satisfies(ch -> assertThat(ch.payload()).isEqualTo("{\"studentUniqueId\":\"1\"}"));
            assertThat(store.unseen("t", EdFiResource.STUDENTS, "clever", "r1", "", 10)).singleElement()
                    .satisfies(r -> assertThat(r.lastPayload()).isEqualTo("{\"studentUniqueId\":\"2\"}"));
        }
    }
}
