package org.rollcall.calpads;

import java.util.Locale;
import org.rollcall.registry.RegistryEntry;

/**
 * Gender as CALPADS compares it. Seed 003, "Non-Binary Gender Reporting": "CALPADS Extracts use
 * the Legal Gender field included in the Protected Identity Information"; a student with a Gender
 * of X (non-binary) carries a Legal Gender of M or F, and that is what a file's gender is matched on.
 */
final class Genders {

    private Genders() {
    }

    /** M, F or X for the codes sources write (M/Male, F/Female, X/N/Non-binary); anything else upper case. */
    static String code(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim().toUpperCase(Locale.ROOT);
        return switch (v) {
            case "M", "MALE" -> "M";
            case "F", "FEMALE" -> "F";
            case "X", "N", "NON-BINARY", "NONBINARY" -> "X";
            default -> v;
        };
    }

    /** The gender a CALPADS file carries for this student: the legal gender when it is M or F, else the gender. */
    static String calpads(RegistryEntry e) {
        String legal = code(e.legalGender());
        if ("M".equals(legal) || "F".equals(legal)) {
            return legal;
        }
        return code(e.gender());
    }

    /** A non-binary student with no legal gender M or F: nothing a file's M or F can match. */
    static boolean nonBinaryWithoutLegalGender(RegistryEntry e) {
        String legal = code(e.legalGender());
        return "X".equals(code(e.gender())) && !"M".equals(legal) && !"F".equals(legal);
    }
}
