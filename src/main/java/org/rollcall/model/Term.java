package org.rollcall.model;

import java.time.LocalDate;

/**
 * A school's term in one school year, as sections name it (Clever Term_name, Term_start, Term_end):
 * an Ed-Fi Session. {@code termCode} is the source value the crosswalk maps to a TermDescriptor.
 * When the source gave no dates, {@code datesGiven} is false and the dates are the school year's.
 */
public record Term(
        String schoolSourceId,
        long edfiSchoolId,
        int schoolYear,
        String name,
        String termCode,
        LocalDate beginDate,
        LocalDate endDate,
        boolean datesGiven,
        Lineage lineage) {
}
