package org.rollcall.registry;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.rollcall.sync.StateStore;

/** The student registry contract on the embedded default: H2 (in memory here, a file in production). */
class StudentRegistryTest extends StudentRegistryContract {

    private StateStore store;

    @BeforeEach
    void open() {
        store = StateStore.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", 4, Path.of("."));
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
