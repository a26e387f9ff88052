package org.rollcall.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a run's problems grouped by severity, file, field and message, keeping every count and
 * the first {@value #MAX_LINES} line numbers of each group: a million bad rows stay a few lines in
 * the report. Thread-safe.
 */
public final class ProblemCollector implements ProblemSink {

    static final int MAX_LINES = 100;

    /** One group of identical problems: where they are and how many. */
    public record Group(Problem.Severity severity, String file, String field, String message,
                        List<Long> lines, long count) { }

    private static final class Acc {
        final List<Long> lines = new ArrayList<>();
        long count;
    }

    private final Map<List<Object>, Acc> groups = new LinkedHashMap<>();

    @Override
    public synchronized void report(Problem p) {
        Acc acc = groups.computeIfAbsent(List.of(p.severity(), p.file(), String.valueOf(p.field()), p.message()),
                k -> new Acc());
        acc.count++;
        if (p.line() > 0 && acc.lines.size() < MAX_LINES) {
            acc.lines.add(p.line());
        }
    }

    public synchronized List<Group> groups() {
        List<Group> out = new ArrayList<>();
        groups.forEach((k, acc) -> out.add(new Group((Problem.Severity) k.get(0), (String) k.get(1),
                "null".equals(k.get(2)) ? null : (String) k.get(2), (String) k.get(3), List.copyOf(acc.lines), acc.count)));
        out.sort(Comparator.comparing(Group::severity).thenComparing(Group::file));
        return out;
    }

    public synchronized long count(Problem.Severity severity) {
        long n = 0;
        for (Map.Entry<List<Object>, Acc> e : groups.entrySet()) {
            if (e.getKey().get(0) == severity) {
                n += e.getValue().count;
            }
        }
        return n;
    }
}
