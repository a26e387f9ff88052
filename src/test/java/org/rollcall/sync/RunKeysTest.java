package org.rollcall.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.edfi.EdFiResource;

class RunKeysTest {

    @TempDir
    Path tmp;

    @Test
    void entriesComeBackByKeyThenArrivalAcrossSpilledChunksAndTheFilesGoOnClose() {
        Path dir = tmp.resolve("run-1");
        int n = RunKeys.CHUNK * 3 + 17;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(7));
        RunKeys keys = new RunKeys(dir);
        long seq = 0;
        for (int i : order) {
            // every 1000th key arrives twice: its copies must come back together, the earlier first
            keys.add(EdFiResource.STUDENTS, new RunKeys.Entry("studentUniqueId=" + i, seq++, "h" + i,
                    RunKeys.Kind.UNCHANGED, "students.csv", i + 2));
            if (i % 1000 == 0) {
                keys.add(EdFiResource.STUDENTS, new RunKeys.Entry("studentUniqueId=" + i, seq++, "other",
                        RunKeys.Kind.PLANNED, null, 0));
            }
        }
        keys.add(EdFiResource.SCHOOLS, new RunKeys.Entry("schoolId=1", seq++, null, RunKeys.Kind.INVALID, "schools.csv", 2));

        List<RunKeys.Entry> read = new ArrayList<>();
        keys.sorted(EdFiResource.STUDENTS).forEachRemaining(read::add);
        assertThat(read).hasSize(n + n / 1000 + 1);
        for (int i = 1; i < read.size(); i++) {
            RunKeys.Entry a = read.get(i - 1);
            RunKeys.Entry b = read.get(i);
            int c = a.naturalKey().compareTo(b.naturalKey());
            assertThat(c < 0 || c == 0 && a.seq() < b.seq()).as(a + " before " + b).isTrue();
        }
        RunKeys.Entry zero = read.get(0);
        assertThat(zero.naturalKey()).isEqualTo("studentUniqueId=0");
        assertThat(read.get(1).naturalKey()).isEqualTo("studentUniqueId=0");
        assertThat(read.get(1).hash()).isEqualTo("other");
        assertThat(read.get(1).source()).isNull();
        Iterator<RunKeys.Entry> schools = keys.sorted(EdFiResource.SCHOOLS);
        assertThat(schools.next()).isEqualTo(new RunKeys.Entry("schoolId=1", seq - 1, null, RunKeys.Kind.INVALID,
                "schools.csv", 2));
        assertThat(keys.sorted(EdFiResource.CONTACTS).hasNext()).isFalse();

        keys.close();
        assertThat(Files.exists(dir)).isFalse();
    }
}
