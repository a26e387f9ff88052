package org.rollcall.registry;

import java.time.LocalDate;

/**
 * What CALPADS Update imports added to a registry student (seed 003's overwrite logic): the SSID,
 * the LEP record (ELA status code, LEP program status, identified date, TBD date) and the primary
 * language, each with the Ed-Fi descriptor it maps to (null when the crosswalk has none). Any part
 * may be null; {@link #NONE} has none.
 *
 * @param importId the import that last changed it
 */
public record Overlay(String ssid, String elaStatus, String lepStatus, LocalDate identifiedDate, LocalDate tbdDate,
                      String lepUri, String primaryLanguage, String primaryLanguageUri, String importId) {

    public static final Overlay NONE = new Overlay(null, null, null, null, null, null, null, null, null);

    /** Whether the student has an LEP record (seed 003: "something on the student's LEP record"). */
    public boolean hasLepRecord() {
        return lepStatus != null || identifiedDate != null || tbdDate != null;
    }

    public Overlay withSsid(String value, String by) {
        return new Overlay(value, elaStatus, lepStatus, identifiedDate, tbdDate, lepUri, primaryLanguage,
                primaryLanguageUri, by);
    }

    public Overlay withLep(String ela, String status, LocalDate identified, LocalDate tbd, String uri, String by) {
        return new Overlay(ssid, ela, status, identified, tbd, uri, primaryLanguage, primaryLanguageUri, by);
    }

    public Overlay withPrimaryLanguage(String code, String uri, String by) {
        return new Overlay(ssid, elaStatus, lepStatus, identifiedDate, tbdDate, lepUri, code, uri, by);
    }
}
