package org.rollcall.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.rollcall.edfi.EdFiResource;

class PlanLanesTest {

    @Test
    void aResourcesBatchesRunInTheOrderTheyWereHandedOverAndAwaitWaitsForAll() {
        PlanLanes lanes = new PlanLanes();
        List<String> ran = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            lanes.submit(EdFiResource.STUDENTS, () -> ran.add("students-" + n));
            lanes.submit(EdFiResource.SCHOOLS, () -> ran.add("schools-" + n));
        }
        lanes.await();
        assertThat(ran).hasSize(40);
        assertThat(ran.stream().filter(s -> s.startsWith("students")).toList())
                .containsExactly(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "students-" + i).toArray(String[]::new));
    }

    @Test
    void theFirstFailureStopsLaterBatchesAndReachesTheCaller() {
        PlanLanes lanes = new PlanLanes();
        List<String> ran = new CopyOnWriteArrayList<>();
        lanes.submit(EdFiResource.STUDENTS, () -> {
            throw new StateStoreException("the store went away");
        });
        assertThatThrownBy(() -> {
            for (int i = 0; i < 10; i++) {
                lanes.submit(EdFiResource.STUDENTS, () -> ran.add("later"));
            }
            lanes.await();
        }).isInstanceOf(StateStoreException.class).hasMessageContaining("went away");
        assertThat(ran).isEmpty();
    }
}
