package org.rollcall.compact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdTableTest {

    @TempDir
    Path dir;

    @Test
    void holdsAValuePerIdThroughGrowth() {
        IdTable t = new IdTable(dir);
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < 300_000; i++) {
            String id = "student-" + i;
            assertThat(t.putIfAbsent(id, i * 3L)).isEqualTo(IdTable.ABSENT);
            expected.put(id, i * 3L);
        }
        assertThat(t.size()).isEqualTo(300_000);
        expected.forEach((id, v) -> assertThat(t.get(id)).as(id).isEqualTo(v));
        assertThat(t.get("student-300000")).isEqualTo(IdTable.ABSENT);
        assertThat(t.contains("")).isFalse();
    }

    @Test
    void theFirstValueStandsUnlessReplaced() {
        IdTable t = new IdTable(dir);
        t.putIfAbsent("a", 1);
        assertThat(t.putIfAbsent("a", 2)).isEqualTo(1);
        assertThat(t.get("a")).isEqualTo(1);
        assertThat(t.put("a", 3)).isEqualTo(1);
        assertThat(t.get("a")).isEqualTo(3);
        assertThat(t.size()).isEqualTo(1);
        assertThatThrownBy(() -> t.put("b", IdTable.ABSENT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHashIsNeverTheEmptySlotNorAbsentAndTellsNearIdsApart() {
        java.util.Set<Long> hashes = new java.util.HashSet<>();
        for (int i = 0; i < 1_000_000; i++) {
            long h = IdTable.hash(Integer.toString(i));
            assertThat(h).isNotIn(0L, IdTable.ABSENT);
            hashes.add(h);
        }
        assertThat(hashes).hasSize(1_000_000);
        assertThat(IdTable.hash("José")).isNotEqualTo(IdTable.hash("Jose"));
    }
}
