package org.rollcall.ops;

/**
 * Masks identifiers before they reach a log line, exception or metric: a natural key keeps its
 * field names and loses the middle of each value ({@code studentUniqueId=60****21}).
 */
public final class Mask {

    private Mask() {
    }

    /** A single identifier: the first and last two characters survive when it is long enough. */
    public static String id(String value) {
        if (value == null) {
            return "null";
        }
        if (value.length() <= 4) {
            return "****";
        }
        return value.substring(0, 2) + "****" + value.substring(value.length() - 2);
    }

    /** A natural key in {@code name=value|name=value} form. */
    public static String key(String naturalKey) {
        if (naturalKey == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : naturalKey.split("\\|")) {
            if (sb.length() > 0) {
                sb.append('|');
            }
            int eq = part.indexOf('=');
            sb.append(eq < 0 ? id(part) : part.substring(0, eq + 1) + id(part.substring(eq + 1)));
        }
        return sb.toString();
    }
}
