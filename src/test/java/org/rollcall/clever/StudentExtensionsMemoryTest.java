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
import org.rollcall.model.Program;
import org.rollcall.model.School;

/**
 * students_ext.csv is joined to students.csv through a table held while students.csv streams: per
 * sis_id a small record, never the file's rows, and those in mapped files under the run's folder:
 * the heap holds next to nothing however many students there are.
 */
class StudentExtensionsMemoryTest {

    static final int STUDENTS = 100_000;
    // the file is about 3 MB of bytes, twice that as Java text; its records (about 60 bytes each: a
    // hash slot at most half full, the line and codes) are mapped, so the heap keeps only the tables'
    // handles
    static final long MAX_HELD = 1L << 20;

    @TempDir
    Path dir;
    @TempDir
    Path work;

    @Test
    @DisplayName("100,000 students_ext.csv records are held off the heap while students.csv streams past them")
    void theJoinHoldsLittle() throws Exception {
        CleverDistrictGenerator.Layout layout = CleverDistrictGenerator.generate(dir, STUDENTS);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        CleverDrop drop = CleverDrop.open(dir, TestDrops.OPTIONS);
        Map<String, School> schools = drop.readSchools(p -> { });
        CleverCsvFile extFile = CleverCsvFile.open(CleverFile.STUDENTS_EXT, dir.resolve("students_ext.csv"),
                java.util.List.of(), new org.rollcall.report.FileCounts());

        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        StudentExtensions extensions = StudentExtensions.read(extFile, work, p -> { });
        System.gc();
        long held = memory.getHeapMemoryUsage().getUsed() - before;
        assertThat(extensions.size()).isEqualTo(STUDENTS + 1); // every student and the one unknown sis_id

        // the whole join, as a run reads it: the peak while students.csv streams, the map included
        System.gc();
        long baseline = memory.getHeapMemoryUsage().getUsed();
        AtomicLong rows = new AtomicLong();
        AtomicLong withTitleI = new AtomicLong();
        AtomicLong peak = new AtomicLong();
        long start = System.nanoTime();
        drop.readStudentRows(schools, r -> {
            if (r.student().program(Program.TITLE_I) != null) {
                withTitleI.incrementAndGet();
            }
            if (rows.incrementAndGet() % 20_000 == 0) {
                System.gc();
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed() - baseline, Math::max);
            }
        }, id -> { }, work, p -> { });
        long nanos = System.nanoTime() - start;

        assertThat(rows.get()).isEqualTo(layout.studentRows() - 2);
        assertThat(withTitleI.get()).as("students_ext.csv values reach the students").isPositive();
        assertThat(held).as("heap held by %,d students_ext.csv records", extensions.size()).isLessThan(MAX_HELD);
        System.out.printf("students_ext.csv %,d records (%,d bytes) held in %,d bytes (%d bytes/record); "
                        + "join with %,d students.csv rows in %d ms (%.1f us/row), peak heap growth %,d bytes%n",
                extensions.size(), Files.size(dir.resolve("students_ext.csv")), held, held / extensions.size(),
                rows.get(), nanos / 1_000_000, nanos / 1e3 / rows.get(), peak.get());
    }
}
