package org.rollcall.clever;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Dates as Clever drops carry them: {@code MM/DD/YYYY} (Clever's own, also written {@code M/D/YYYY})
 * and {@code YYYY-MM-DD}, which SIS exporters send (formats.md 1.2, DOB).
 */
final class CleverDate {

    private CleverDate() {
    }

    /** The date, or null when the text is not a real date in one of the two forms. */
    static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
                return date(text.substring(0, 4), text.substring(5, 7), text.substring(8, 10));
            }
            int first = text.indexOf('/');
            int second = text.indexOf('/', first + 1);
            if (first < 1 || first > 2 || second - first < 2 || second - first > 3 || text.length() - second != 5) {
                return null;
            }
            return date(text.substring(second + 1), text.substring(0, first), text.substring(first + 1, second));
        } catch (DateTimeException e) {
            return null; // 02/30/2015: the right shape, not a day
        }
    }

    private static LocalDate date(String year, String month, String day) {
        if (!digits(year) || !digits(month) || !digits(day)) {
            return null;
        }
        return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
