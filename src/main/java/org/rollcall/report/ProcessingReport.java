package org.rollcall.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one drop's files gave, like Clever's processing report: per file the rows read, accepted
 * and rejected, the warnings and how it was decoded; then each problem with its file, line, field,
 * tier and message. Written next to the run report as {@code <runId>.processing.json} and
 * {@code .txt}. It lives under the data folder, where student data may be.
 *
 * @param status the run's status ({@code rejected} when a file-level problem refused the drop)
 * @param drop   the folder the drop was read from
 */
public record ProcessingReport(String runId, String district, String status, String message, String drop,
                               List<FileSummary> files, List<ProblemLine> problems) {

    /**
     * One file of the drop. {@code rowsRead}, {@code accepted} and {@code rejected} are null when
     * the file was not read (the drop was rejected first, or no reader reads that file);
     * {@code fatal} when the file itself refused the drop.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FileSummary(String file, boolean present, String encoding, Long rowsRead, Long accepted,
                              Long rejected, long errors, long warnings, boolean fatal) { }

    /**
     * One problem. {@code line} is null for a problem about the whole file; {@code moreLines}
     * (otherwise absent) counts further lines with the same problem that are not listed one by one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProblemLine(Problem.Severity tier, String file, Long line, String field, String message,
                              Long moreLines) { }

    /**
     * The report of a run: {@code present} are the drop's file names, {@code counts} what the
     * readers counted, {@code problems} the run's input problems.
     */
    public static ProcessingReport of(String runId, String district, String status, String message, String drop,
                                      List<String> present, FileCounts counts, List<ProblemCollector.Group> problems) {
        Map<String, FileCounts.FileRows> rows = new LinkedHashMap<>();
        counts.files().forEach(f -> rows.put(f.file(), f));
        Set<String> names = new LinkedHashSet<>(rows.keySet());
        names.addAll(present);
        problems.forEach(g -> names.add(g.file()));
        List<FileSummary> files = new ArrayList<>();
        for (String name : names) {
            FileCounts.FileRows r = rows.get(name);
            boolean streamed = r != null && r.streamed();
            files.add(new FileSummary(name, present.contains(name), r == null ? null : r.encoding(),
                    streamed ? r.read() : null, streamed ? r.accepted() : null, streamed ? r.rejected() : null,
                    count(problems, name, Problem.Severity.ERROR), count(problems, name, Problem.Severity.WARNING),
                    count(problems, name, Problem.Severity.FATAL) > 0));
        }
        List<String> order = List.copyOf(names);
        List<ProblemLine> lines = new ArrayList<>();
        for (ProblemCollector.Group g : problems) {
            if (g.lines().isEmpty()) {
                // about the whole file (a second pass over the file reports it again: once is enough)
                lines.add(new ProblemLine(g.severity(), g.file(), null, g.field(), g.message(), null));
                continue;
            }
            g.lines().forEach(l -> lines.add(new ProblemLine(g.severity(), g.file(), l, g.field(), g.message(), null)));
            if (g.count() > g.lines().size()) {
                lines.add(new ProblemLine(g.severity(), g.file(), null, g.field(), g.message(),
                        g.count() - g.lines().size()));
            }
        }
        lines.sort(Comparator.comparingInt((ProblemLine p) -> order.indexOf(p.file()))
                // the whole file's problems first, the lines not listed one by one last
                .thenComparing(p -> p.line() != null ? p.line() : p.moreLines() == null ? 0L : Long.MAX_VALUE)
                .thenComparing(ProblemLine::tier));
        return new ProcessingReport(runId, district, status, message, drop, List.copyOf(files), List.copyOf(lines));
    }

    private static long count(List<ProblemCollector.Group> problems, String file, Problem.Severity severity) {
        return problems.stream().filter(g -> g.severity() == severity && g.file().equals(file))
                .mapToLong(ProblemCollector.Group::count).sum();
    }
}
