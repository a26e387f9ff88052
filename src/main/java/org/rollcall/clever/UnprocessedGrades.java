package org.rollcall.clever;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The grades whose rows are not processed (rollcall.district.<id>.clever.unprocessed-grades). Seed
 * 001 (001_dd604ac86191a619.txt, ANet): "Students and courses with "other", "null", or "Post Grad"
 * as their grade level will not be processed." The list applies to students.csv and sections.csv. An
 * entry matches a Grade spelled the same way ignoring case, spaces and punctuation ({@code null},
 * {@code Post Grad}, {@code post-grad}, {@code PostGrad}), or any spelling of the same Clever grade
 * ({@code PostGraduate} also matches {@code PG}). The literal text {@code null} is matched as written:
 * it is what a SIS export puts where it has no grade.
 */
public final class UnprocessedGrades {

    /** The seed's three, with Clever's own literal for a post-graduate. */
    public static final List<String> SEED_DEFAULT = List.of("Other", "null", "Post Grad", "PostGraduate");

    private final List<String> entries;
    // the entry a raw value matches, by spelling (see key) and by Clever literal
    private final Map<String, String> bySpelling = new HashMap<>();
    private final Map<String, String> byLiteral = new HashMap<>();

    public UnprocessedGrades(List<String> entries) {
        this.entries = List.copyOf(entries);
        for (String e : this.entries) {
            String entry = e.strip();
            if (!key(entry).isEmpty()) {
                bySpelling.putIfAbsent(key(entry), entry);
            }
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
        String entry = bySpelling.get(key(rawGrade));
        if (entry != null) {
            return entry;
        }
        String literal = CleverGrade.normalise(rawGrade.strip());
        return literal == null ? null : byLiteral.get(literal);
    }

    /** Letters and digits only, lower-cased: {@code Post Grad}, {@code post-grad} and {@code PostGrad} are one key. */
    private static String key(String grade) {
        StringBuilder sb = new StringBuilder(grade.length());
        for (int i = 0; i < grade.length(); i++) {
            char c = grade.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
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
