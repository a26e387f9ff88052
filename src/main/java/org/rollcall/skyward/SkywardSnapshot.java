package org.rollcall.skyward;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one pull read from Skyward, compacted to what the mapping and the status rule need: lookups,
 * the enrollments in seed 002's window per student, the students and their guardian relationships,
 * and a spool file of the names (students' and guardians') read last.
 *
 * <p>{@link #complete()} is true only when every object was read to its last page. An incomplete
 * snapshot is not a picture of the district: nothing may be planned, exited or deleted from it.
 */
public record SkywardSnapshot(
        boolean complete,
        String failure,
        LocalDate asOf,
        Set<Long> currentOrUpcomingYears,
        Map<Long, SchoolRow> schools,
        Map<Long, String> gradeCodes,
        Map<Long, CodeRow> entryCodes,
        Map<Long, CodeRow> withdrawalCodes,
        Map<Long, String> entryTypeDescriptors,
        Map<Long, String> exitTypeDescriptors,
        Map<Long, String> languages,
        Map<Long, String> relationshipTypes,
        Map<Long, List<EntryWithdrawal>> enrollments,
        Map<Long, String> currentGrades,
        Map<Long, StudentRow> studentsByNameId,
        Map<Long, List<Relationship>> relationships,
        Path names,
        Map<String, Long> objectsRead) {

    /** Enrollment/School. */
    public record SchoolRow(long schoolId, String name, String number, String stateId, Long edfiSchoolId,
                            Long gradeLow, Long gradeHigh) { }

    /** Enrollment/EntryCode or WithdrawalCode: the code and the Ed-Fi descriptor row it points at, if any. */
    public record CodeRow(String code, Long edfiDescriptorId) { }

    /** Enrollment/EntryWithdrawal, in the window. {@code end} is EndDate, else WithdrawalDate. */
    public record EntryWithdrawal(long id, long schoolId, long schoolYearId, Long gradeReferenceId, LocalDate start,
                                  LocalDate end, Long entryCodeId, Long withdrawalCodeId) { }

    /** Student/Student. */
    public record StudentRow(long studentId, long nameId, String studentNumber, String stateId, Long languageId,
                             String gradYear) { }

    /** Demographics/NameRelationship of a guardian to a student (by the student's NameID). */
    public record Relationship(long id, long relatedNameId, Long relationshipTypeId, boolean guardian, boolean livesWith,
                               boolean emergency, Integer order) { }

    /** A failed pull: not a snapshot. */
    public static SkywardSnapshot failed(String why, LocalDate asOf, Map<String, Long> objectsRead) {
        return new SkywardSnapshot(false, why, asOf, Set.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, objectsRead);
    }

    /** The withdrawal code of an enrollment, or null. */
    public String withdrawalCode(EntryWithdrawal e) {
        CodeRow c = e.withdrawalCodeId() == null ? null : withdrawalCodes.get(e.withdrawalCodeId());
        return c == null ? null : c.code();
    }
}
