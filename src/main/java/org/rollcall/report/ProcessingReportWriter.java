package org.rollcall.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Writes a drop's processing report next to its run report: {@code <runId>.processing.json} for
 * tools and {@code <runId>.processing.txt} for the district's data manager.
 */
public final class ProcessingReportWriter {

    private final Path dir;

    public ProcessingReportWriter(Path dir) {
        this.dir = dir;
    }

    public Path jsonFileOf(String runId) {
        return dir.resolve(runId + ".processing.json");
    }

    public Path textFileOf(String runId) {
        return dir.resolve(runId + ".processing.txt");
    }

    /** Writes both files; returns the JSON one. */
    public Path write(ProcessingReport report) {
        Path json = jsonFileOf(report.runId());
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(report.runId() + ".processing.json.tmp");
            RunReportWriter.JSON.writeValue(tmp.toFile(), report);
            Files.move(tmp, json, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(textFileOf(report.runId()), text(report), StandardCharsets.UTF_8);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the processing report to " + dir, e);
        }
    }

    /** The report as text: a table of the files, then every problem on a line of its own. */
    public static String text(ProcessingReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Processing report of run %s (district %s): %s%n", r.runId(), r.district(), r.status()));
        sb.append(String.format("Drop: %s%n", r.drop()));
        if (r.message() != null) {
            sb.append(r.message()).append(System.lineSeparator());
        }
        sb.append(System.lineSeparator());
        sb.append(String.format("%-18s %-16s %10s %9s %9s %9s%n", "file", "encoding", "rows read", "accepted",
                "rejected", "warnings"));
        for (ProcessingReport.FileSummary f : r.files()) {
            String encoding = !f.present() ? "(missing)" : f.encoding() == null ? "-" : f.encoding();
            sb.append(String.format("%-18s %-16s %10s %9s %9s %9d%s%n", f.file(), encoding, dash(f.rowsRead()),
                    dash(f.accepted()), dash(f.rejected()), f.warnings(), f.fatal() ? "  REJECTED the drop" : ""));
        }
        sb.append(System.lineSeparator());
        if (r.problems().isEmpty()) {
            sb.append("No problems.").append(System.lineSeparator());
            return sb.toString();
        }
        sb.append("Problems (FATAL: the drop is rejected; ERROR: the record is skipped; WARNING: the value is dropped)")
                .append(System.lineSeparator());
        for (ProcessingReport.ProblemLine p : r.problems()) {
            StringBuilder where = new StringBuilder(p.file());
            if (p.line() != null) {
                where.append(" line ").append(p.line());
            }
            if (p.field() != null) {
                where.append(p.line() != null ? ", field " : " field ").append(p.field());
            }
            sb.append(String.format("  %-8s %s: %s%s%n", p.tier().name().toUpperCase(Locale.ROOT), where, p.message(),
                    p.moreLines() == null ? "" : " (" + p.moreLines() + " more lines not listed)"));
        }
        return sb.toString();
    }

    private static String dash(Long n) {
        return n == null ? "-" : Long.toString(n);
    }
}
