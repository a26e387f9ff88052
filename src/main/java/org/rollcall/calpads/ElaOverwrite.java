package org.rollcall.calpads;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.rollcall.registry.Overlay;
import org.rollcall.registry.RegistryEntry;

/**
 * Seed 003, "Overwrite Logic" and "Warning Messages", for one line's ELA data: the ELA Status Code
 * overwrites the LEP Program Status (through {@link ElaStatuses}), the ELA Start Date the Identified
 * Date (the TBD Date for TBD), a student with no LEP record gets one, the Primary Language overwrites
 * the Home Primary Language. What differed from the student's record is a warning: "ELA Status does
 * not match", "ELA Start Date does not match", "Home Language does not match".
 */
final class ElaOverwrite {

    /** A value of the file that differs from the record it overwrites. */
    record Warning(Check check, String imported, String current) { }

    /** The overlay after the line, whether it differs from before, and the warnings. */
    record Result(Overlay overlay, boolean changed, List<Warning> warnings) { }

    private ElaOverwrite() {
    }

    /**
     * @param code   the line's ELA Status Code (not blank)
     * @param start  its ELA Start Date, or null
     * @param lepUri the Ed-Fi limitedEnglishProficiency descriptor the code maps to, or null
     */
    static Result status(Overlay current, String code, LocalDate start, ElaStatuses table, String lepUri,
                         String importId) {
        List<Warning> warnings = new ArrayList<>();
        ElaStatuses.Status s = table.get(code).orElse(null);
        if (s == null) {
            warnings.add(new Warning(Check.ELA_UNKNOWN_STATUS, code, table.codes()));
            return new Result(current, false, warnings);
        }
        if (current.lepStatus() != null && !current.lepStatus().equals(s.programStatus())) {
            warnings.add(new Warning(Check.ELA_STATUS, s.code(), current.lepStatus()));
        }
        boolean tbd = s.startDateTo() == ElaStatuses.DateField.TBD;
        LocalDate was = tbd ? current.tbdDate() : current.identifiedDate();
        if (start != null && was != null && !was.equals(start)) {
            warnings.add(new Warning(Check.ELA_START_DATE, start.toString(), was.toString()));
        }
        LocalDate identified = !tbd && start != null ? start : current.identifiedDate();
        LocalDate tbdDate = tbd && start != null ? start : current.tbdDate();
        Overlay next = current.withLep(s.code(), s.programStatus(), identified, tbdDate, lepUri, importId);
        return new Result(next, !sameLep(current, next), warnings);
    }

    /**
     * @param code the line's Primary Language Code (not blank)
     * @param uri  the Ed-Fi LanguageDescriptor it maps to, or null when the crosswalk has none
     */
    static Result primaryLanguage(RegistryEntry student, Overlay current, String code, String uri, String importId) {
        List<Warning> warnings = new ArrayList<>();
        if (uri == null) {
            warnings.add(new Warning(Check.HOME_LANGUAGE_UNMAPPED, code, null));
            return new Result(current, false, warnings);
        }
        RegistryEntry now = student.withOverlay(current);
        String was = now.currentHomeLanguage();
        if (was != null && !uri.equals(now.currentHomeLanguageUri())) {
            warnings.add(new Warning(Check.HOME_LANGUAGE, code, was));
        }
        Overlay next = current.withPrimaryLanguage(code, uri, importId);
        boolean changed = !Objects.equals(current.primaryLanguage(), code) || !Objects.equals(current.primaryLanguageUri(), uri);
        return new Result(next, changed, warnings);
    }

    private static boolean sameLep(Overlay a, Overlay b) {
        return Objects.equals(a.elaStatus(), b.elaStatus()) && Objects.equals(a.lepStatus(), b.lepStatus())
                && Objects.equals(a.identifiedDate(), b.identifiedDate()) && Objects.equals(a.tbdDate(), b.tbdDate())
                && Objects.equals(a.lepUri(), b.lepUri());
    }
}
