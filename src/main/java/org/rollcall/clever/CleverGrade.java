package org.rollcall.clever;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Clever's grade vocabulary (formats.md 1.4): the API literals {@code InfantToddler, Preschool,
 * PreKindergarten, TransitionalKindergarten, Kindergarten, 1..12, 13, PostGraduate, Ungraded,
 * Other}, and the SIS spellings exporters send for them (K, KG, PK, TK, 01, ...), matched in any case.
 */
final class CleverGrade {

    static final String INFANT_TODDLER = "InfantToddler";
    static final String PRESCHOOL = "Preschool";
    static final String PRE_KINDERGARTEN = "PreKindergarten";
    static final String TRANSITIONAL_KINDERGARTEN = "TransitionalKindergarten";
    static final String KINDERGARTEN = "Kindergarten";
    static final String GRADE_13 = "13";
    static final String POST_GRADUATE = "PostGraduate";
    static final String UNGRADED = "Ungraded";
    static final String OTHER = "Other";

    /** The levels in school order; Ungraded and Other have no place in it. */
    static final List<String> LADDER;

    private static final Map<String, String> SPELLINGS = new HashMap<>();

    static {
        List<String> ladder = new ArrayList<>(List.of(INFANT_TODDLER, PRESCHOOL, PRE_KINDERGARTEN,
                TRANSITIONAL_KINDERGARTEN, KINDERGARTEN));
        for (int g = 1; g <= 12; g++) {
            ladder.add(Integer.toString(g));
        }
        ladder.add(GRADE_13);
        ladder.add(POST_GRADUATE);
        LADDER = List.copyOf(ladder);

        spell(KINDERGARTEN, "K", "KG", "Kindergarten");
        spell(PRE_KINDERGARTEN, "PK", "P", "PreK", "Pre-K", "PreKindergarten");
        spell(TRANSITIONAL_KINDERGARTEN, "TK", "TransitionalKindergarten");
        spell(PRESCHOOL, "PS", "Preschool");
        spell(INFANT_TODDLER, "IT", "InfantToddler");
        spell(POST_GRADUATE, "PG", "PostGraduate");
        spell(UNGRADED, "UG", "Ungraded");
        spell(OTHER, "Other");
        spell(GRADE_13, "13");
        for (int g = 1; g <= 12; g++) {
            // 0?1..12: SIS exports pad to two digits
            spell(Integer.toString(g), Integer.toString(g), "0" + g);
        }
    }

    private CleverGrade() {
    }

    private static void spell(String literal, String... spellings) {
        for (String s : spellings) {
            SPELLINGS.put(s, literal);
            SPELLINGS.put(s.toLowerCase(Locale.ROOT), literal);
        }
    }

    /** Clever's literal for a grade as a source spells it, or null when it is not a grade. */
    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String literal = SPELLINGS.get(raw); // as listed: no case folding
        return literal != null ? literal : SPELLINGS.get(raw.toLowerCase(Locale.ROOT));
    }

    /**
     * The grades a school serves, from its normalised low and high grade (either may be null).
     * Transitional kindergarten and grade 13 are served only by schools that name them as an end of
     * their range: a PK-5 school is not assumed to run a TK class. Null when low is above high.
     */
    static List<String> range(String low, String high) {
        if (low == null && high == null) {
            return List.of();
        }
        if (low == null || high == null || low.equals(high)) {
            return List.of(low != null ? low : high);
        }
        int from = LADDER.indexOf(low);
        int to = LADDER.indexOf(high);
        if (from < 0 || to < 0) {
            return List.of(low, high); // Ungraded or Other: no range to fill in
        }
        if (from > to) {
            return null;
        }
        List<String> grades = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            String g = LADDER.get(i);
            boolean onlyAsEnd = g.equals(TRANSITIONAL_KINDERGARTEN) || g.equals(GRADE_13);
            if (!onlyAsEnd || i == from || i == to) {
                grades.add(g);
            }
        }
        return grades;
    }
}
