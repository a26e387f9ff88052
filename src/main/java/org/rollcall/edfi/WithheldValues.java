package org.rollcall.edfi;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many students had a value of each sensitive field that the target does not receive
 * ({@link SharingPolicy}), for the run report's {@code withheld} section.
 */
public final class WithheldValues {

    /** Students whose {@code field} was withheld. */
    public record Count(String field, long count) { }

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void add(String field) {
        counts.computeIfAbsent(field, k -> new LongAdder()).increment();
    }

    /** The counts in the order {@link SharingPolicy#SENSITIVE_FIELDS} lists the fields. */
    public List<Count> counts() {
        List<Count> out = new ArrayList<>();
        for (String field : SharingPolicy.SENSITIVE_FIELDS) {
            LongAdder n = counts.get(field);
            if (n != null) {
                out.add(new Count(field, n.sum()));
            }
        }
        return out;
    }
}
