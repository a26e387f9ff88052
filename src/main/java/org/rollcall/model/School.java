package org.rollcall.model;

import java.util.List;

/**
 * A school as a source describes it. {@code sourceId} is the source's own id (Clever School_id);
 * {@code edfiSchoolId} is the numeric Ed-Fi schoolId chosen for it by source rules.
 */
public record School(
        String source,
        String sourceId,
        Long edfiSchoolId,
        String name,
        String schoolNumber,
        String stateId,
        String ncesId,
        List<String> gradeLevels,
        Address address,
        String phone,
        Lineage lineage) {

    public School {
        gradeLevels = gradeLevels == null ? List.of() : List.copyOf(gradeLevels);
    }
}
