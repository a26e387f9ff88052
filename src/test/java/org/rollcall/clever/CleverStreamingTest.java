package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.model.School;
import org.rollcall.report.Problem;

/** A big drop streams: students are handed on as they are read and memory stays flat. */
class CleverStreamingTest {

    static final int STUDENTS = 200_000;
    // far below the file itself (about 45 MB as bytes, twice that as Java text)
    static final long MAX_HEAP_GROWTH = 24L << 20;

    @TempDir
    Path dir;

    @Test
    @DisplayName("a generated 200,000-student students.csv is read with the heap staying small")
    void aLargeDropKeepsTheHeapFlat() throws Exception {
        CleverDistrictGenerator.Layout layout = CleverDistrictGenerator.generate(dir, STUDENTS);
        // students.csv alone: students_ext.csv is held as a map by design, measured in StudentExtensionsMemoryTest
        Files.delete(dir.resolve("students_ext.csv"));
        long fileBytes = Files.size(dir.resolve("students.csv"));
        long rows = layout.studentRows();

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();

        long openStart = System.nanoTime();
        CleverDrop drop = CleverDrop.open(dir, TestDrops.OPTIONS);
        long openNanos = System.nanoTime() - openStart;
        AtomicLong errors = new AtomicLong();
        AtomicLong warnings = new AtomicLong();
        Map<String, School> schools = drop.readSchools(p -> count(p, errors, warnings));

        AtomicLong students = new AtomicLong();
        AtomicLong peak = new AtomicLong();
        drop.readStudents(schools, s -> {
            // nothing is kept; every 20,000 students, what is still reachable is measured
            if (students.incrementAndGet() % 20_000 == 0) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed() - baseline, Math::max);
            }
        }, p -> count(p, errors, warnings));

        assertThat(students.get()).isEqualTo(rows - 2);
        assertThat(errors.get()).isEqualTo(2);
        assertThat(warnings.get()).isEqualTo(1);
        assertThat(peak.get()).as("heap growth while streaming %,d bytes of students.csv", fileBytes)
                .isLessThan(MAX_HEAP_GROWTH);

        // the same pass again, untimed by garbage collections, for a rate
        long start = System.nanoTime();
        AtomicLong again = new AtomicLong();
        drop.readStudents(schools, s -> again.incrementAndGet(), p -> { });
        long nanos = System.nanoTime() - start;
        System.out.printf("students.csv %,d rows (%,d bytes): open (whole-drop check) %d ms, read %d ms = %,.0f rows/s;"
                        + " peak heap growth %,d bytes; %,d enrollment rows%n", rows, fileBytes, openNanos / 1_000_000,
                nanos / 1_000_000, rows / (nanos / 1e9), peak.get(), layout.enrollmentRows());
        assertThat(again.get()).isEqualTo(rows - 2);
    }

    private static void count(Problem p, AtomicLong errors, AtomicLong warnings) {
        if (p.severity() == Problem.Severity.ERROR) {
            errors.incrementAndGet();
        } else if (p.severity() == Problem.Severity.WARNING) {
            warnings.incrementAndGet();
        }
    }
}
