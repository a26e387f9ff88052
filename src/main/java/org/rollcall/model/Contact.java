package org.rollcall.model;

/**
 * A parent, guardian or other adult connected to students. {@code uniqueId} becomes the Ed-Fi
 * contactUniqueId; {@code sex} and {@code phoneType} stay in the source's vocabulary for the crosswalk.
 */
public record Contact(
        String source,
        String uniqueId,
        PersonName name,
        String sex,
        String email,
        String phone,
        String phoneType,
        Lineage lineage) {

    /** A contact without a telephone number (Skyward sends none). */
    public Contact(String source, String uniqueId, PersonName name, String sex, String email, Lineage lineage) {
        this(source, uniqueId, name, sex, email, null, null, lineage);
    }
}
