package org.rollcall.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What a member of staff does at one school. {@code role} is the kind of source row they came from
 * ({@code teacher}, {@code staff}, {@code admin}); {@code classifications} are the source's own codes
 * for their position (staff.csv Role, then Title), tried in order against the crosswalk, the role
 * being the fallback. {@code gradeLevels} are the source grades of the sections they teach there.
 */
public record StaffSchool(
        String schoolSourceId,
        long edfiSchoolId,
        String role,
        List<String> classifications,
        String title,
        List<String> gradeLevels,
        LocalDate beginDate,
        int schoolYear,
        Lineage lineage) {

    public StaffSchool {
        classifications = classifications == null ? List.of() : List.copyOf(classifications);
        gradeLevels = gradeLevels == null ? List.of() : List.copyOf(gradeLevels);
    }
}
