package org.rollcall.edfi;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Source values that had no crosswalk entry, counted per field and value, so the run report can
 * list descriptor coverage gaps before anyone reads a rejected record (peers.md 10.8).
 */
public final class UnmappedValues {

    /** One gap: how many records carried {@code value} in {@code field} with no descriptor for it. */
    public record Gap(String field, String value, long count) { }

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void add(String field, String value) {
        counts.computeIfAbsent(field + '\u0000' + value, k -> new LongAdder()).increment();
    }

    public List<Gap> gaps() {
        return counts.entrySet().stream().map(e -> {
            String[] parts = e.getKey().split("\u0000", 2);
            return new Gap(parts[0], parts[1], e.getValue().sum());
        }).sorted(java.util.Comparator.comparing(Gap::field).thenComparing(Gap::value)).toList();
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }
}
