package org.rollcall.model;

import java.time.LocalDate;

/**
 * A student's enrollment in one school: dates, grade and the source's entry/exit codes.
 * {@code schoolSourceId} is the source's school id; {@code edfiSchoolId} the resolved Ed-Fi id.
 */
public record Enrollment(
        String schoolSourceId,
        Long edfiSchoolId,
        LocalDate entryDate,
        LocalDate exitDate,
        String grade,
        String entryCode,
        String exitCode,
        Lineage lineage) {
}
