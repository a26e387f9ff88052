package org.rollcall.registry;

import java.time.LocalDate;
import org.rollcall.model.PersonName;

/**
 * One student of the registry: who the SIS says they are (source, ids, legal name, birth date,
 * gender and legal gender, state id, home language) and what CALPADS imports added ({@link Overlay}).
 *
 * @param homeLanguage    the SIS's home language in its own vocabulary (Clever "Spanish")
 * @param homeLanguageUri the same as an Ed-Fi descriptor, through the SIS's crosswalk (null when unmapped)
 * @param ambiguous       two different students of one SIS run had this local number
 */
public record RegistryEntry(String district, String localNumber, String source, String sourceId, String uniqueId,
                            PersonName legalName, LocalDate birthDate, String gender, String legalGender,
                            String sisStateId, String homeLanguage, String homeLanguageUri, String studentJson,
                            String studentHash, boolean ambiguous, String lastSeenRun, Overlay overlay) {

    /**
     * The state id in force (seed 003's "current stateID"): the SIS's State_id when it has one, else
     * the SSID a CALPADS import gave the student.
     */
    public String currentStateId() {
        return sisStateId != null ? sisStateId : overlay.ssid();
    }

    /** The home primary language in force as an Ed-Fi descriptor: an imported primary language wins. */
    public String currentHomeLanguageUri() {
        return overlay.primaryLanguage() != null ? overlay.primaryLanguageUri() : homeLanguageUri;
    }

    /** The home primary language in force as a code: the imported CALPADS code, else the SIS's value. */
    public String currentHomeLanguage() {
        return overlay.primaryLanguage() != null ? overlay.primaryLanguage() : homeLanguage;
    }

    public RegistryEntry withOverlay(Overlay o) {
        return new RegistryEntry(district, localNumber, source, sourceId, uniqueId, legalName, birthDate, gender,
                legalGender, sisStateId, homeLanguage, homeLanguageUri, studentJson, studentHash, ambiguous,
                lastSeenRun, o);
    }
}
