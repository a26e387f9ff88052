package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollcall.model.School;

/**
 * Reading speed on generated 100,000- and 1,000,000-student drops. Tagged {@code benchmark}, so the
 * default build skips it; run with {@code mvn -o test -Dtest=CleverDropBenchmarkTest -Dsurefire.excludedGroups=}.
 */
@Tag("benchmark")
class CleverDropBenchmarkTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} students")
    @ValueSource(ints = {100_000, 1_000_000})
    void readADrop(int size) throws Exception {
        long genStart = System.nanoTime();
        CleverDistrictGenerator.Layout layout = CleverDistrictGenerator.generate(dir, size);
        long genMs = (System.nanoTime() - genStart) / 1_000_000;

        long start = System.nanoTime();
        CleverDrop drop = CleverDrop.open(dir, TestDrops.OPTIONS);
        long openMs = (System.nanoTime() - start) / 1_000_000;
        Map<String, School> schools = drop.readSchools(p -> { });
        AtomicLong students = new AtomicLong();
        // ids only, as a run keeps them for the enrollment check
        Set<String> ids = new HashSet<>();
        long readStart = System.nanoTime();
        drop.readStudents(schools, s -> {
            students.incrementAndGet();
            ids.add(s.sourceId());
        }, p -> { });
        long readMs = (System.nanoTime() - readStart) / 1_000_000;
        long enrollStart = System.nanoTime();
        drop.readEnrollments(ids::contains, schools, p -> { });
        long enrollMs = (System.nanoTime() - enrollStart) / 1_000_000;

        System.out.printf("%,d students (%,d bytes), %,d enrollments: generate %d ms, open %d ms, students %d ms"
                        + " (%,.0f rows/s), enrollments %d ms (%,.0f rows/s)%n", size,
                Files.size(dir.resolve("students.csv")), layout.enrollmentRows(), genMs, openMs, readMs,
                layout.studentRows() / (readMs / 1e3), enrollMs, layout.enrollmentRows() / (enrollMs / 1e3));
        assertThat(students.get()).isEqualTo(layout.studentRows() - 2);
        assertThat(drop.sectionEnrollments()).isEqualTo(layout.enrollmentRows() - 1);
    }
}
