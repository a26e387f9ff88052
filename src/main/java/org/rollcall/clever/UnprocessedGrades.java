package org.rollcall.clever;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grades whose rows are not processed (rollcall.district.<id>.clever.unprocessed-grades). Seed
 * 001 (001_dd604ac86191a619.txt, ANet): "Students and courses with "other", "null", or "Post Grad"
 * as their grade level will not be processed." An entry matches a Grade written the same way in any
 * case ({@code null}, {@code Post Grad}), or any spelling of the same Clever grade ({@code PostGraduate}
 * also matches {@code PG}).
 */
public final class UnprocessedGrades {

    /** The seed's three, with Clever's own literal for a post-graduate. */
    public static final List<String> SEED_DEFAULT = List.of("Other", "null", "Post Grad", "PostGraduate");

    private final List<String> entries;
    // the entry a raw value matches, by lower-cased spelling and by Clever literal
    private final Map<String, String> bySpelling = new HashMap<>();
    private final Map<String, String> byLiteral = new HashMap<>();

    public UnprocessedGrades(List<String> entries) {
        this.entries = List.copyOf(entries);
        for (String e : this.entries) {
            String entry = e.strip();
            bySpelling.putIfAbsent(entry.toLowerCase(Locale.ROOT), entry);
            String literal = CleverGrade.normalise(entry);
            if (literal != null) {
                byLiteral.putIfAbsent(literal, entry);
            }
        }
    }

    public static UnprocessedGrades seedDefault() {
        return new UnprocessedGrades(SEED_DEFAULT);
    }

    public List<String> entries() {
        return entries;
    }

    /** The configured entry a Grade value matches, or null when the row is processed. */
    public String match(String rawGrade) {
        if (rawGrade == null) {
            return null;
        }
        String entry = bySpelling.get(rawGrade.strip().toLowerCase(Locale.ROOT));
        if (entry != null) {
            return entry;
        }
        String literal = CleverGrade.normalise(rawGrade.strip());
        return literal == null ? null : byLiteral.get(literal);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnprocessedGrades u && u.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return String.join(",", entries);
    }
}
