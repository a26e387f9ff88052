package org.rollcall.model;

/**
 * A course of the district's (or one school's) catalogue, as sections name it. {@code code} is the
 * Ed-Fi courseCode; {@code educationOrganizationId} the LEA or school that defines it; {@code subject}
 * stays in the source's vocabulary for the crosswalk.
 */
public record Course(
        String code,
        String title,
        String description,
        String subject,
        long educationOrganizationId,
        boolean schoolCourse,
        Lineage lineage) {
}
