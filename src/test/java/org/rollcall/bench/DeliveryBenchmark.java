package org.rollcall.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.RollcallApp;
import org.rollcall.clever.CleverDistrictGenerator;
import org.rollcall.config.RollcallConfig;
import org.rollcall.report.RunReport;
import org.rollcall.run.RunContext;

/**
 * The delivery engine's figures: a synthetic district of N students pushed through parse, map,
 * plan and deliver into the sandbox (in its own JVM on loopback, so the hub's CPU and heap are
 * measured alone); then the same drop with 1% of students changed; then parse + plan heap at
 * several sizes. Prints figures; run it as the README's performance section says.
 *
 * <p>-Dbench.students (default 100000), -Dbench.planSizes (default 10000,100000,1000000),
 * -Dbench.rostering (default false: schools.csv, students.csv and enrollments.csv only, the figures the
 * README quotes; true adds teachers.csv, sections.csv and staff.csv, so each student's three or four
 * section enrollments are planned and sent too).
 */
@Tag("benchmark")
class DeliveryBenchmark {

    @TempDir
    Path tmp;

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static final boolean ROSTERING = Boolean.getBoolean("bench.rostering");

    @Test
    void fullSyncThenOnePercentChangedThenPlanHeapBySize() throws Exception {
        int students = Integer.getInteger("bench.students", 100_000);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process sandbox = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx6g", "-cp", System.getProperty("java.class.path"), SandboxProcess.class.getName(),
                Integer.toString(port)).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("ready")) {
                    break;
                }
            }
            Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "sandbox-out");
            drain.setDaemon(true);
            drain.start();
            deliver(students, "http://127.0.0.1:" + port + "/", sandbox);
        } finally {
            sandbox.destroy();
        }
        String sizes = System.getProperty("bench.planSizes", "10000,100000,1000000");
        for (String n : sizes.split(",")) {
            planHeap(Integer.parseInt(n.trim()));
        }
    }

    private RollcallConfig config(Path data, String url) {
        Map<String, String> p = new HashMap<>();
        p.put("rollcall.data-dir", data.toString());
        p.put("rollcall.districts", "bench");
        p.put("rollcall.district.bench.lea-id", Long.toString(CleverDistrictGenerator.LEA_ID));
        p.put("rollcall.district.bench.lea-name", CleverDistrictGenerator.LEA_NAME);
        p.put("rollcall.district.bench.school-year-start", "2026-08-17");
        p.put("rollcall.district.bench.clever.inbox", data.resolve("inbox").toString());
        p.put("rollcall.district.bench.edfi.url", url);
        p.put("rollcall.district.bench.edfi.concurrency", System.getProperty("bench.concurrency", "16"));
        return RollcallConfig.of(p, Map.of());
    }

    private void deliver(int students, String url, Process sandbox) throws Exception {
        Path drop = tmp.resolve("drop");
        CleverDistrictGenerator.generate(drop, students, ROSTERING);
        Path data = tmp.resolve("deliver");
        try (RollcallApp app = RollcallApp.start(Path.of("").toAbsolutePath(), config(data, url),
                RollcallApp.Mode.ONCE, Map.of())) {
            Path inbox = app.districts().get("bench").cleverInbox();
            copy(drop, inbox);
            long sandboxCpu = cpuMicros(sandbox);
            Measure m = Measure.start();
            RunReport first = app.runWaiting().get(0);
            m.stop();
            long sent = sum(first, true);
            assertThat(first.status()).isEqualTo(RunReport.SUCCEEDED);
            print("first full sync of " + students + " students" + (ROSTERING ? " with rostering files" : ""), m, sent,
                    first);
            System.out.printf("  sandbox CPU %.1f µs per record sent%n", (cpuMicros(sandbox) - sandboxCpu) / (double) sent);

            copy(drop, inbox);
            int changed = changeOnePercent(inbox.resolve("students.csv"));
            Measure m2 = Measure.start();
            RunReport second = app.runWaiting().get(0);
            m2.stop();
            long sent2 = sum(second, true);
            print("same drop, " + changed + " students (1%) changed", m2, sent2, second);
            System.out.printf("  HTTP calls per changed student: %.2f%n", sent2 / (double) changed);
        }
    }

    private static long cpuMicros(Process p) {
        return p.info().totalCpuDuration().map(d -> d.toNanos() / 1000).orElse(0L);
    }

    /**
     * Changes the Race of every 100th student (every row of that student: one with contacts has
     * several), so one StudentEducationOrganizationAssociation each. Bytes are kept as they are
     * (read and written as ISO-8859-1), so nothing else in the file changes, whatever its encoding.
     */
    private static int changeOnePercent(Path students) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (var r = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(
                Files.newBufferedReader(students, StandardCharsets.ISO_8859_1))) {
            r.forEach(rec -> rows.add(new ArrayList<>(rec.getFields())));
        }
        List<String> header = rows.get(0);
        int id = header.indexOf("Student_id");
        int race = header.indexOf("Race");
        java.util.Set<String> chosen = new java.util.HashSet<>();
        java.util.Set<String> passed = new java.util.HashSet<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (passed.add(row.get(id)) && passed.size() % 100 == 1) {
                chosen.add(row.get(id));
            }
            if (chosen.contains(row.get(id))) {
                row.set(race, row.get(race).equals("W") ? "B" : "W");
            }
        }
        try (var w = de.siegmar.fastcsv.writer.CsvWriter.builder().build(
                Files.newBufferedWriter(students, StandardCharsets.ISO_8859_1))) {
            rows.forEach(w::writeRecord);
        }
        return chosen.size();
    }

    private void planHeap(int students) throws Exception {
        Path drop = tmp.resolve("plan-" + students);
        CleverDistrictGenerator.generate(drop, students, ROSTERING);
        Path data = tmp.resolve("plan-data-" + students);
        try (RollcallApp app = RollcallApp.start(Path.of("").toAbsolutePath(), config(data, "jsonl:" + tmp.resolve("out")),
                RollcallApp.Mode.ONCE, Map.of())) {
            copy(drop, app.districts().get("bench").cleverInbox());
            System.gc();
            Measure m = Measure.start(true);
            List<RunContext> plans = app.planWaiting();
            m.stop();
            long planned = plans.get(0).plan().toSend();
            System.out.printf("parse + map + plan, %,d students: %,d records in %.1f s (%,.0f records/s), "
                            + "hub CPU %.1f µs/record, %s%n", students, planned, m.seconds(),
                    planned / m.seconds(), m.cpuMicros() / (double) planned, m.heap());
        }
    }

    private static void print(String what, Measure m, long sent, RunReport r) {
        long records = sum(r, false);
        System.out.printf("%s: %,d records (%,d sent) in %.1f s; %,.0f records/s, %,.0f HTTP requests/s; "
                        + "hub CPU %.1f µs per record sent; %s%n", what, records, sent, m.seconds(),
                records / m.seconds(), sent / m.seconds(), sent == 0 ? 0.0 : m.cpuMicros() / (double) sent, m.heap());
        r.resources().forEach((k, c) -> System.out.printf("    %-42s created %,8d updated %,8d unchanged %,8d failed %,d%n",
                k, c.created(), c.updated(), c.unchanged(), c.failed()));
    }

    private static long sum(RunReport r, boolean sentOnly) {
        return r.resources().values().stream().mapToLong(c -> c.created() + c.updated() + c.deleted() + c.exited()
                + c.failed() + (sentOnly ? 0 : c.unchanged())).sum();
    }

    private static void copy(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /**
     * Wall time, process CPU and heap over one step. The heap in use after a full collection is the
     * live set (what -Xmx must hold); a sampler forces one every few seconds during a step that asks
     * for it (costing that step a little time) and keeps the largest. The pools' peaks count garbage
     * too and are printed as an upper bound.
     */
    private static final class Measure {
        long wall;
        long cpu;
        long peak;
        final java.util.concurrent.atomic.AtomicLong live = new java.util.concurrent.atomic.AtomicLong(-1);
        private Thread sampler;

        static Measure start() {
            return start(false);
        }

        static Measure start(boolean sampleLive) {
            Measure m = new Measure();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    p.resetPeakUsage();
                }
            }
            if (sampleLive) {
                m.sampler = new Thread(() -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.sleep(3000);
                            m.sampleLive();
                        }
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                    }
                }, "live-heap-sampler");
                m.sampler.setDaemon(true);
                m.sampler.start();
            }
            m.cpu = OS.getProcessCpuTime();
            m.wall = System.nanoTime();
            return m;
        }

        private void sampleLive() {
            System.gc();
            live.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        }

        void stop() throws InterruptedException {
            wall = System.nanoTime() - wall;
            cpu = OS.getProcessCpuTime() - cpu;
            if (sampler != null) {
                sampler.interrupt();
                sampler.join();
            }
            List<Long> peaks = new ArrayList<>();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    peaks.add(p.getPeakUsage().getUsed());
                }
            }
            peak = peaks.stream().mapToLong(Long::longValue).sum();
        }

        double seconds() {
            return wall / 1e9;
        }

        double cpuMicros() {
            return cpu / 1e3;
        }

        /** "peak live heap 123 MB (pools' peaks 456 MB)", or only the pools' peaks when not sampled. */
        String heap() {
            String peaks = String.format("pools' peaks %,d MB", peak / (1024 * 1024));
            return live.get() < 0 ? "heap: " + peaks
                    : String.format("peak live heap %,d MB (%s)", live.get() / (1024 * 1024), peaks);
        }
    }
}
