package org.rollcall.registry;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names are compared: "exact" ignores letter case, accents and extra spaces (CALPADS files are
 * often upper case and Windows-1252, SIS exports mixed case with accents: JOSE is José), and
 * nothing else. {@link #soundex} groups names that sound alike: with the birth date it is the block
 * a search for a student looks in, so no search compares every pair.
 */
public final class Names {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private Names() {
    }

    /** The name as compared: upper case, no accents, single spaces; null for a blank name. */
    public static String normalise(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String s = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        return SPACES.matcher(s.trim()).replaceAll(" ").toUpperCase(Locale.ROOT);
    }

    /** Whether two names are the same under {@link #normalise}; two blank names are the same. */
    public static boolean same(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        return x == null ? y == null : x.equals(y);
    }

    /** American Soundex of a name (R163 for Robert, Rupert), or null when it has no letter. */
    public static String soundex(String lastName) {
        String n = normalise(lastName);
        if (n == null) {
            return null;
        }
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                letters.append(c);
            }
        }
        if (letters.isEmpty()) {
            return null;
        }
        StringBuilder key = new StringBuilder().append(letters.charAt(0));
        char last = code(letters.charAt(0));
        for (int i = 1; i < letters.length() && key.length() < 4; i++) {
            char c = letters.charAt(i);
            char d = code(c);
            if (d != '0' && d != last) {
                key.append(d);
            }
            // H and W do not separate letters with the same code; vowels do
            if (c != 'H' && c != 'W') {
                last = d;
            }
        }
        while (key.length() < 4) {
            key.append('0');
        }
        return key.toString();
    }

    private static char code(char c) {
        return switch (c) {
            case 'B', 'F', 'P', 'V' -> '1';
            case 'C', 'G', 'J', 'K', 'Q', 'S', 'X', 'Z' -> '2';
            case 'D', 'T' -> '3';
            case 'L' -> '4';
            case 'M', 'N' -> '5';
            case 'R' -> '6';
            default -> '0';
        };
    }
}
