package org.rollcall.registry;

import org.rollcall.sync.StateStore;
import org.rollcall.sync.TestStores;

/** The student registry contract on a real PostgreSQL server (the production store), same migrations. */
class StudentRegistryPostgresIT extends StudentRegistryContract {

    @Override
    StateStore openStore() {
        return TestStores.postgres();
    }
}
