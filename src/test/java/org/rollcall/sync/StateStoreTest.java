package org.rollcall.sync;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The state store contract on the embedded default: H2 (in memory here, a file in production). */
class StateStoreTest extends StateStoreContract {

    private StateStore store;

    @BeforeEach
    void open() {
        store = TestStores.h2();
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
