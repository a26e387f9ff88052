package org.rollcall.model;

/** One student in one section (Clever enrollments.csv); {@code studentUniqueId} is the Ed-Fi id. */
public record SectionEnrollment(Section section, String studentUniqueId, Lineage lineage) {
}
