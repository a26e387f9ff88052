package org.rollcall.sync;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The state store contract on the embedded default: H2 (in memory here, a file in production). */
class StateStoreTest extends StateStoreContract {

    private StateStore store;

    @org.junit.jupiter.api.io.TempDir
    Path dataDir;

    @BeforeEach
    void open() {
        store = StateStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4, dataDir);
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
