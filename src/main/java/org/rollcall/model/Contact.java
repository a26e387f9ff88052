package org.rollcall.model;

/**
 * A parent, guardian or other adult connected to students. {@code uniqueId} becomes the Ed-Fi
 * contactUniqueId; {@code sex} stays in the source's vocabulary for the crosswalk.
 */
public record Contact(
        String source,
        String uniqueId,
        PersonName name,
        String sex,
        String email,
        Lineage lineage) {
}
