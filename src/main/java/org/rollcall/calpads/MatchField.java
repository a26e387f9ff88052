package org.rollcall.calpads;

import java.util.Locale;

/**
 * The fields seed 003 says must match exactly to import ("Local Student Number, First Name, Middle
 * Name, Last Name, Birthdate, and Gender"), besides the local number the student is found by. Which
 * mismatches are fatal (not imported) and which are warnings (imported, reported) is
 * {@code rollcall.district.<id>.calpads.fatal}; the seed's default makes every one fatal.
 */
enum MatchField {
    FIRST_NAME(Check.FIRST_NAME, Element.FIRST_NAME),
    MIDDLE_NAME(Check.MIDDLE_NAME, Element.MIDDLE_NAME),
    LAST_NAME(Check.LAST_NAME, Element.LAST_NAME),
    BIRTH_DATE(Check.BIRTH_DATE, Element.BIRTH_DATE),
    GENDER(Check.GENDER, Element.GENDER);

    private final Check check;
    private final Element element;

    MatchField(Check check, Element element) {
        this.check = check;
        this.element = element;
    }

    Check check() {
        return check;
    }

    Element element() {
        return element;
    }

    /** The name config uses: {@code first-name}. */
    String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static MatchField ofKey(String key) {
        for (MatchField f : values()) {
            if (f.key().equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not one of first-name, middle-name, last-name, "
                + "birth-date, gender");
    }
}
