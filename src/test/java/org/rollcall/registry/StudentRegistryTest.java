package org.rollcall.registry;

import org.rollcall.sync.StateStore;
import org.rollcall.sync.TestStores;

/** The student registry contract on the embedded default: H2 (in memory here, a file in production). */
class StudentRegistryTest extends StudentRegistryContract {

    @Override
    StateStore openStore() {
        return TestStores.h2();
    }
}
