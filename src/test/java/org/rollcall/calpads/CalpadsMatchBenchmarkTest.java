package org.rollcall.calpads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.rollcall.bench.JvmMeasures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.edfi.MappingContext;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.Student;
import org.rollcall.registry.RegistryEntry;
import org.rollcall.registry.RegistryIntake;
import org.rollcall.sync.StateStore;

/**
 * Matching at scale: a 200,000-line SSID Extract against a 1,000,000-student registry in the
 * embedded H2 file store, Test and then Update (without Ed-Fi delivery), with the registry intake
 * of the SIS runs that fill it. 3% of the lines carry a local number the registry does not know
 * (each is searched for by birth date and name key), 3% a misspelt last name, 1% a birth date one
 * day off. Tagged {@code benchmark}; run with
 * {@code mvn -o test -Dtest=CalpadsMatchBenchmarkTest -Dsurefire.excludedGroups= -Dsurefire.argLine=-Xmx512m}.
 */
@Tag("benchmark")
class CalpadsMatchBenchmarkTest {

    /** -Dcalpads.bench.registry and -Dcalpads.bench.lines try other sizes. */
    static final int REGISTRY = Integer.getInteger("calpads.bench.registry", 1_000_000);
    static final int LINES = Integer.getInteger("calpads.bench.lines", 200_000);
    static final String[] FIRST = {"Ana", "Ben", "Cara", "Diego", "Elena", "Farid", "Grace", "Hugo", "Iris", "José",
            "Kai", "Lena", "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tomás", "Uma", "Victor", "Wen",
            "Ximena", "Yusuf", "Zoë"};
    static final String[] LAST = {"Alvarez", "Brown", "Chen", "Dang", "Estrada", "Fischer", "Garcia", "Huang", "Ibarra",
            "Johnson", "Kim", "Lopez", "Martinez", "Nguyen", "Ortiz", "Patel", "Quintero", "Rodriguez", "Smith",
            "Tran", "Ueda", "Vasquez", "Williams", "Xu", "Yamamoto", "Zamora", "Núñez", "O'Brien", "Søndergaard"};
    static final String[] ELAS = {"EL", "RFEP", "IFEP", "EO"};

    @TempDir
    Path dir;

    @Test
    void twoHundredThousandLinesAgainstAMillionStudents() throws Exception {
        StateStore store = StateStore.open("embedded", "", "", 4, dir);
        try (CalpadsFixture f = new CalpadsFixture(dir, Map.of(), store)) {
            MappingContext ctx = CalpadsFixture.context();
            Step intake = Step.start();
            RegistryIntake first = new RegistryIntake(f.registry, CalpadsFixture.DISTRICT, "sis-1", false,
                    CalpadsFixture.NONE, dir);
            for (int i = 0; i < REGISTRY; i++) {
                first.student(student(i), ctx);
            }
            first.finish();
            intake.stop();
            assertThat(f.registry.count(CalpadsFixture.DISTRICT)).isEqualTo(REGISTRY);

            // a nightly SIS run of unchanged students: the registry's cost in every run
            int nightly = Math.min(REGISTRY, 100_000);
            Step again = Step.start();
            RegistryIntake sis = new RegistryIntake(f.registry, CalpadsFixture.DISTRICT, "sis-2", false,
                    CalpadsFixture.NONE, dir);
            for (int i = 0; i < nightly; i++) {
                sis.student(student(i), ctx);
            }
            sis.finish();
            again.stop();

            Path file = dir.resolve("SSID_EXTRACT.txt");
            writeFile(file);

            Step test = Step.start();
            CalpadsImports.Outcome tested = f.test(file, ImportType.SSID);
            test.stop();

            AtomicLong handed = new AtomicLong();
            Step update = Step.start();
            CalpadsImports.Outcome updated = f.imports.run(CalpadsFixture.DISTRICT, file, ImportType.SSID,
                    ImportMode.UPDATE, false, new CalpadsImports.Delivery() {
                        @Override
                        public void changed(RegistryEntry student, Lineage lineage) {
                            handed.incrementAndGet();
                        }

                        @Override
                        public CalpadsImports.Sent finish() {
                            return new CalpadsImports.Sent(null, true);
                        }
                    });
            update.stop();

            System.out.printf("registry intake: %,d new students in %s (%.0f us CPU/student); %,d unchanged "
                            + "students %s (%.0f us CPU/student)%n", REGISTRY, intake, intake.cpuMicros() / REGISTRY,
                    nightly, again, again.cpuMicros() / nightly);
            System.out.printf("Test:   %,d lines in %s (%,.0f lines/s wall, %.0f us CPU/line): %,d to import, %,d "
                            + "errors, %,d warnings; %s (-Xmx %,d MB)%n", tested.records(), test,
                    tested.records() / test.seconds(), test.cpuMicros() / tested.records(), tested.wouldImport(),
                    tested.errors(), tested.warnings(), test.heap(), Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("Update: %,d lines in %s (%,.0f lines/s wall, %.0f us CPU/line): %,d imported, %,d "
                            + "students changed; %s%n", updated.records(), update,
                    updated.records() / update.seconds(), update.cpuMicros() / updated.records(), updated.imported(),
                    handed.get(), update.heap());
            System.out.printf("machine: %d processors, load average %.1f (other work shares them: CPU time is the "
                            + "steadier figure)%n", Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            assertThat(tested.records()).isEqualTo(LINES);
            assertThat(updated.imported()).isEqualTo(tested.wouldImport());
            assertThat(handed.get()).isEqualTo(updated.changedStudents());
        }
    }

    /** Wall time, process CPU and peak heap of one step. */
    private static final class Step {
        long wall = System.nanoTime();
        long cpu = JvmMeasures.processCpu();
        long peak;
        long live;

        static Step start() {
            System.gc();
            JvmMeasures.resetPeaks();
            return new Step();
        }

        void stop() {
            wall = System.nanoTime() - wall;
            cpu = JvmMeasures.processCpu() - cpu;
            peak = JvmMeasures.peakHeap();
            live = JvmMeasures.peakAfterGc();
        }

        double seconds() {
            return wall / 1e9;
        }

        double cpuMicros() {
            return cpu / 1e3;
        }

        /** Most heap used (pools' peaks summed) / most left in use after a collection: the live data. */
        String heap() {
            return String.format("heap peak %,d MB, after GC at most %,d MB", peak >> 20, live >> 20);
        }

        @Override
        public String toString() {
            return String.format("%.1f s (%.1f s CPU)", seconds(), cpu / 1e9);
        }
    }

    /** Registry student i: every fifth is named by the file; half have the SIS's state id. */
    static Student student(int i) {
        Random r = new Random(i);
        String stateId = i % 2 == 0 ? String.format("99%08d", i) : null;
        return new Student("clever", "u" + i, "c" + i, Integer.toString(30_000_000 + i), stateId,
                PersonName.of(FIRST[r.nextInt(FIRST.length)], i % 3 == 0 ? "Lee" : null, LAST[r.nextInt(LAST.length)]),
                null, LocalDate.of(2008, 1, 1).plusDays(r.nextInt(13 * 365)), r.nextBoolean() ? "M" : "F", null,
                List.of("W"), r.nextBoolean(), "Spanish", List.of(), Map.of(), null, null, "5", null, List.of(),
                Lineage.of("students.csv", i + 2));
    }

    private static void writeFile(Path file) throws Exception {
        DateTimeFormatter ccyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
        try (BufferedWriter w = Files.newBufferedWriter(file, CalpadsFixture.WINDOWS_1252)) {
            for (int j = 0; j < LINES; j++) {
                int i = j * (REGISTRY / LINES);
                Student s = student(i);
                String local = s.studentNumber();
                String last = s.legalName().last();
                LocalDate birth = s.birthDate();
                int kind = j % 100;
                if (kind < 3) {
                    local = Integer.toString(90_000_000 + i);
                } else if (kind < 6) {
                    last = last + "e";
                } else if (kind == 6) {
                    birth = birth.plusDays(1);
                }
                String ssid = s.stateId() != null ? s.stateId() : String.format("88%08d", i);
                Random r = new Random(-i);
                w.write(String.join("^", "3375176", "0113100", ssid, local, last, s.legalName().first(),
                        s.legalName().middle() == null ? "" : s.legalName().middle(), s.gender(),
                        birth.format(ccyymmdd), "20260817", "05", ELAS[r.nextInt(ELAS.length)],
                        LocalDate.of(2024, 9, 1).plusDays(r.nextInt(300)).format(ccyymmdd), r.nextBoolean() ? "01" : "00"));
                w.write("\r\n");
            }
        }
    }

    /** CPU time of this thread (the import runs on it, H2 embedded too), robust to a busy shared machine. */
    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }
}
