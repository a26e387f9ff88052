package org.rollcall.calpads;

import java.util.Locale;
import java.util.Optional;

/**
 * Seed 003's Import Types: "SSID Import - SSID Download File" (existing SSIDs), "SSID Import -
 * Request File" (the SSIDs an SSID request returned) and "ELA Import" (LEP and ELA data).
 */
public enum ImportType {
    SSID("SSID Import - SSID Download File"),
    REQUEST("SSID Import - Request File"),
    ELA("ELA Import");

    private final String label;

    ImportType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The name commands and config use: ssid, request, ela. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportType ofKey(String key) {
        for (ImportType t : values()) {
            if (t.key().equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not an import type (ssid, request, ela)");
    }

    /**
     * The type a file name says, by Rollcall's convention: {@code *.ssid.txt}, {@code *.request.txt},
     * {@code *.ela.txt}.
     */
    public static Optional<ImportType> ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (ImportType t : values()) {
            if (n.endsWith("." + t.key() + ".txt")) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
