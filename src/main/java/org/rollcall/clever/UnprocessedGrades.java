package org.rollcall.clever;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Seed 001 (ANet rostering with Clever): "Students and courses with "other", "null", or "Post Grad"
 * as their grade level will not be processed." The grades are configured
 * ({@code clever.unprocessed-grades}); a grade matches one when, ignoring case, spaces and
 * punctuation, it is spelled the same ({@code Post Grad}, {@code post-grad}, {@code PostGrad}) or
 * stands for the same Clever grade ({@code PG} for {@code PostGraduate}). The literal text
 * {@code null} is matched as written: it is what a SIS export puts where it has no grade.
 */
final class UnprocessedGrades {

    private final Set<String> keys = new HashSet<>();

    UnprocessedGrades(List<String> grades) {
        for (String g : grades) {
            keys.add(key(g));
            String literal = CleverGrade.normalise(g.strip());
            if (literal != null) {
                keys.add(key(literal));
            }
        }
        keys.remove("");
    }

    /** Whether a grade as the file writes it (trimmed, not null) is one whose records are not processed. */
    boolean excludes(String raw) {
        if (keys.contains(key(raw))) {
            return true;
        }
        String literal = CleverGrade.normalise(raw);
        return literal != null && keys.contains(key(literal));
    }

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
}
