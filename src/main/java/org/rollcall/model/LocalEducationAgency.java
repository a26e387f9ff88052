package org.rollcall.model;

/** The district itself, as configured: Ed-Fi id, name and category code. */
public record LocalEducationAgency(long id, String name, String category) {
}
