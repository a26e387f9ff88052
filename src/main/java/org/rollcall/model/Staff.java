package org.rollcall.model;

import java.util.List;

/**
 * A member of staff as a source describes them: a teacher (Clever teachers.csv) or other staff
 * (staff.csv, the deprecated admins.csv). {@code uniqueId} becomes the Ed-Fi staffUniqueId; a person
 * in several schools has one {@link StaffSchool} per school.
 */
public record Staff(
        String source,
        String uniqueId,
        String staffNumber,
        String stateId,
        PersonName name,
        String email,
        List<StaffSchool> schools,
        Lineage lineage) {

    public Staff {
        schools = schools == null ? List.of() : List.copyOf(schools);
    }
}
