package org.rollcall.clever;

import java.util.regex.Pattern;

/**
 * What of a source value may appear in a problem message. A short code (gender "Q", grade "14")
 * or a school's id helps the operator and names no one; anything else is left out, because a
 * shifted column can put a student's name or birth date where a code belongs.
 */
final class MessageValues {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9-]{1,3}");
    private static final Pattern SCHOOL_IDENTIFIER = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private MessageValues() {
    }

    /** {@code 'Q'} for a short code, otherwise a note that the value is not shown. */
    static String code(String value) {
        return shown(value, CODE);
    }

    /** A school's id or number as written, when it looks like one. */
    static String schoolIdentifier(String value) {
        return shown(value, SCHOOL_IDENTIFIER);
    }

    /** A teacher's, section's or course's id as written, when it looks like one: these name no student. */
    static String rosterIdentifier(String value) {
        return shown(value, SCHOOL_IDENTIFIER);
    }

    private static String shown(String value, Pattern allowed) {
        return value != null && allowed.matcher(value).matches() ? "'" + value + "'" : "(value not shown)";
    }
}
