package org.rollcall.calpads;

import java.util.Locale;

/**
 * Seed 003's "Work to Perform": Test compares the file with the registry and writes the results
 * report, changing nothing ("The Test function is required before updating SSIDs and ELAs");
 * Update applies what Test would allow and sends the changes to Ed-Fi.
 */
public enum ImportMode {
    TEST, UPDATE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportMode ofKey(String key) {
        return switch (key) {
            case "test" -> TEST;
            case "update" -> UPDATE;
            default -> throw new IllegalArgumentException("'" + key + "' is not a mode (test, update)");
        };
    }
}
