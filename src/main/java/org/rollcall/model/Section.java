package org.rollcall.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A class section: a course offered at a school in a term, with its teachers. {@code sourceId} is the
 * Ed-Fi sectionIdentifier; {@code teacherId} the staffUniqueId of the teacher of record and
 * {@code coTeacherIds} those of the others; {@code grade} stays in the source's vocabulary.
 * {@code schoolYearStart} is the district's first day, for what needs a date the source does not give.
 */
public record Section(
        String sourceId,
        String schoolSourceId,
        long edfiSchoolId,
        Term term,
        Course course,
        String courseTitle,
        String name,
        String grade,
        String teacherId,
        List<String> coTeacherIds,
        LocalDate schoolYearStart,
        Lineage lineage) {

    public Section {
        coTeacherIds = coTeacherIds == null ? List.of() : List.copyOf(coTeacherIds);
    }
}
