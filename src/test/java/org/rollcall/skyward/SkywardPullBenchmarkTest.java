package org.rollcall.skyward;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.rollcall.bench.JvmMeasures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollcall.edfi.DescriptorCrosswalk;
import org.rollcall.edfi.Ds5Mapper;
import org.rollcall.edfi.MappingContext;
import org.rollcall.edfi.UnmappedValues;
import org.rollcall.report.ProblemCollector;
import org.rollcall.skyward.simulator.QmlativSimulator;
import org.rollcall.skyward.simulator.SimulatorOptions;

/**
 * Pull and mapping speed against the simulator over loopback HTTP (no Ed-Fi delivery), with the heap
 * the pull adds on top of the simulator's own district. Tagged {@code benchmark}; run with
 * {@code mvn -o test -Dtest=SkywardPullBenchmarkTest -Dsurefire.excludedGroups=}.
 */
@Tag("benchmark")
class SkywardPullBenchmarkTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} students")
    @ValueSource(ints = {10_000, 50_000})
    void pullAndMap(int size) throws Exception {
        try (QmlativSimulator sim = QmlativSimulator.start(SimulatorOptions.district(size, TODAY))) {
            SkywardOptions o = QmlativClientIT.options(sim.baseUrl(), "rollcall-key", "rollcall-secret", 1000);
            System.gc();
            long baseline = usedHeap();
            JvmMeasures.resetPeaks();
            long start = System.nanoTime();
            QmlativClient client = new QmlativClient(o, Clock.systemUTC());
            SkywardSnapshot snap = new SkywardFetch(client, o).fetch(TODAY, dir.resolve("names.jsonl"));
            long fetchMs = (System.nanoTime() - start) / 1_000_000;
            assertThat(snap.complete()).as(snap.failure()).isTrue();
            MappingContext ctx = new MappingContext("uri://ed-fi.org",
                    DescriptorCrosswalk.load(Path.of("config/descriptors/skyward.csv"), "uri://ed-fi.org"), 867530,
                    new ProblemCollector(), new UnmappedValues());
            AtomicLong records = new AtomicLong();
            long mapStart = System.nanoTime();
            SkywardMapping m = new SkywardMapping(snap, o, new Ds5Mapper(), ctx);
            m.run(r -> records.incrementAndGet(), s -> { });
            long mapMs = (System.nanoTime() - mapStart) / 1_000_000;
            long peak = JvmMeasures.peakHeap();
            long objects = snap.objectsRead().values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("%,d students: pull %,d objects in %,d requests, %d ms (%,.0f objects/s); map %,d records"
                            + " in %d ms (%,.1f us/record); heap %,d MB with the simulator loaded, peak %,d MB%n",
                    size, objects, client.requests(), fetchMs, objects / (fetchMs / 1e3), records.get(), mapMs,
                    mapMs * 1000.0 / records.get(), baseline >> 20, peak >> 20);
            assertThat(m.statuses().values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(sim.district().importedStudents());
        }
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
