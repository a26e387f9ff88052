package org.rollcall.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Writes run reports as JSON under the reports folder and renders the short human summary. */
public final class RunReportWriter {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public RunReportWriter(Path dir) {
        this.dir = dir;
    }

    /** Where a run's report is (or will be) written. */
    public Path fileOf(String runId) {
        return dir.resolve(runId + ".json");
    }

    /** Writes {@code <runId>.json} and replaces {@code latest.json}; returns the run's file. */
    public Path write(RunReport report) {
        try {
            Files.createDirectories(dir);
            Path file = fileOf(report.runId());
            Path tmp = dir.resolve(report.runId() + ".json.tmp");
            JSON.writeValue(tmp.toFile(), report);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // a temp name per run: two districts may finish at the same moment
            Path latestTmp = dir.resolve("latest." + report.runId() + ".tmp");
            Files.copy(file, latestTmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(latestTmp, dir.resolve("latest.json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run report to " + dir, e);
        }
    }

    /** The last run's report, if any run has written one. */
    public Optional<RunReport> latest() {
        Path latest = dir.resolve("latest.json");
        if (!Files.exists(latest)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(latest.toFile(), RunReport.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + latest, e);
        }
    }

    /** A few lines for the terminal: status, a table of counts, the problems and failures in short. */
    public static String summary(RunReport r) {
        StringBuilder sb = new StringBuilder();
        Duration took = r.finishedAt() == null ? Duration.ZERO : Duration.between(r.startedAt(), r.finishedAt());
        sb.append(String.format("Run %s (district %s, %s): %s in %.1fs%n", r.runId(), r.district(), r.source(),
                r.status(), took.toMillis() / 1000.0));
        if (r.message() != null) {
            sb.append("  ").append(r.message()).append(System.lineSeparator());
        }
        if (!r.resources().isEmpty()) {
            sb.append(String.format("  %-46s %8s %8s %10s %8s %7s %7s %5s%n", "resource", "created", "updated",
                    "unchanged", "deleted", "exited", "failed", "held"));
            for (Map.Entry<String, RunReport.Counts> e : r.resources().entrySet()) {
                RunReport.Counts c = e.getValue();
                sb.append(String.format("  %-46s %8d %8d %10d %8d %7d %7d %5d%n", e.getKey(), c.created(), c.updated(),
                        c.unchanged(), c.deleted(), c.exited(), c.failed(), c.held()));
            }
        }
        if (!r.statuses().isEmpty()) {
            sb.append("  students by enrollment status: ");
            sb.append(String.join(", ", r.statuses().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue()).toList())).append(System.lineSeparator());
        }
        for (RunReport.Failure f : r.failures()) {
            sb.append(String.format("  failed: %d %s (HTTP %d) %s; %s lines %s%n", f.count(), f.resource(), f.status(),
                    f.message(), f.source(), shortLines(f.lines(), f.count())));
        }
        for (ProblemCollector.Group g : r.problems()) {
            sb.append(String.format("  %s: %s%s%s: %s (%d)%n", g.severity().name().toLowerCase(java.util.Locale.ROOT),
                    g.file(), g.lines().isEmpty() ? "" : " lines " + shortLines(g.lines(), g.count()),
                    g.field() == null ? "" : ", field " + g.field(), g.message(), g.count()));
        }
        for (RunReport.Withheld w : r.withheld()) {
            sb.append(String.format("  withheld: %s of %d students (not on the district's share list)%n",
                    w.field(), w.count()));
        }
        for (RunReport.Unmapped u : r.unmapped()) {
            sb.append(String.format("  unmapped: %s '%s' has no descriptor in the crosswalk (%d records)%n",
                    u.field(), u.value(), u.count()));
        }
        return sb.toString();
    }

    private static String shortLines(java.util.List<Long> lines, long count) {
        if (lines.isEmpty()) {
            return "-";
        }
        String shown = lines.size() <= 8 ? lines.toString()
                : lines.subList(0, 8).toString().replace("]", ", ...]");
        return count > lines.size() ? shown + " of " + count : shown;
    }
}
