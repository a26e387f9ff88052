package org.rollcall.calpads;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.rollcall.registry.Names;

/**
 * How well a CALPADS candidate matches the student an SSID was requested for, 0 to 100 (seed 003,
 * "Matching Criteria"): "Scoring is based on the matching of these submitted student record fields:
 * Legal and alias names, Gender, Date of birth, Birth Country, Birth State", "with the legal names
 * taking higher precedence" (1. a perfect match to legal names, 2. alias names to legal or alias
 * names), "Perfect matches maximize the match score, variations reduce the match score", and "The
 * farther away the potential match student's date of birth is from the submitted student's date of
 * birth, the lower the score". A field only counts when both sides have it, so a student without a
 * recorded birthplace can still score 100.
 */
final class CandidateScore {

    /** Whom the score compares: the names (legal and alias), gender, birth date and birthplace. */
    record Person(String first, String middle, String last, String aliasFirst, String aliasMiddle, String aliasLast,
                  LocalDate birthDate, String gender, String birthState, String birthCountry) { }

    enum Category { NO_MATCH, SINGLE, MULTIPLE }

    static final int NAME = 40;
    static final int LEGAL_TO_ALIAS = 30;
    static final int ALIAS_TO_ALIAS = 25;
    static final int SIMILAR_NAME = 15;
    static final int GENDER = 10;
    static final int BIRTH_DATE = 30;
    static final int BIRTH_STATE = 10;
    static final int BIRTH_COUNTRY = 10;
    /** Days apart at which the birth date stops adding to the score. */
    static final int BIRTH_DATE_WINDOW = 365;

    private CandidateScore() {
    }

    static int score(Person candidate, Person student) {
        int earned = names(candidate, student);
        int possible = NAME;
        if (candidate.gender() != null && student.gender() != null) {
            possible += GENDER;
            earned += Genders.code(candidate.gender()).equals(Genders.code(student.gender())) ? GENDER : 0;
        }
        if (candidate.birthDate() != null && student.birthDate() != null) {
            possible += BIRTH_DATE;
            long days = Math.abs(ChronoUnit.DAYS.between(candidate.birthDate(), student.birthDate()));
            earned += (int) Math.round(BIRTH_DATE * Math.max(0.0, 1.0 - days / (double) BIRTH_DATE_WINDOW));
        }
        if (present(candidate.birthState()) && present(student.birthState())) {
            possible += BIRTH_STATE;
            earned += Names.same(candidate.birthState(), student.birthState()) ? BIRTH_STATE : 0;
        }
        if (present(candidate.birthCountry()) && present(student.birthCountry())) {
            possible += BIRTH_COUNTRY;
            earned += Names.same(candidate.birthCountry(), student.birthCountry()) ? BIRTH_COUNTRY : 0;
        }
        return (int) Math.round(100.0 * earned / possible);
    }

    /** NO_MATCH, SINGLE or MULTIPLE: how many candidates reach {@code minScore}. */
    static Category category(List<Integer> scores, int minScore) {
        long n = scores.stream().filter(s -> s >= minScore).count();
        return n == 0 ? Category.NO_MATCH : n == 1 ? Category.SINGLE : Category.MULTIPLE;
    }

    private static int names(Person c, Person s) {
        boolean legal = sameName(c.first(), c.middle(), c.last(), s.first(), s.middle(), s.last());
        if (legal) {
            return NAME;
        }
        if (sameName(c.first(), c.middle(), c.last(), s.aliasFirst(), s.aliasMiddle(), s.aliasLast())
                || sameName(c.aliasFirst(), c.aliasMiddle(), c.aliasLast(), s.first(), s.middle(), s.last())) {
            return LEGAL_TO_ALIAS;
        }
        if (sameName(c.aliasFirst(), c.aliasMiddle(), c.aliasLast(), s.aliasFirst(), s.aliasMiddle(), s.aliasLast())) {
            return ALIAS_TO_ALIAS;
        }
        String ck = Names.soundex(c.last());
        boolean similarLast = ck != null && ck.equals(Names.soundex(s.last()));
        boolean sameInitial = initial(c.first()) != 0 && initial(c.first()) == initial(s.first());
        return similarLast && sameInitial ? SIMILAR_NAME : 0;
    }

    /** First and last names the same; middle names the same or one of them blank. */
    private static boolean sameName(String f1, String m1, String l1, String f2, String m2, String l2) {
        if (!present(f1) || !present(l1) || !present(f2) || !present(l2)) {
            return false;
        }
        boolean middle = !present(m1) || !present(m2) || Names.same(m1, m2);
        return Names.same(f1, f2) && Names.same(l1, l2) && middle;
    }

    private static char initial(String name) {
        String n = Names.normalise(name);
        return n == null ? 0 : n.charAt(0);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
