package org.rollcall.edfi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;

/**
 * The Ed-Fi resources Rollcall writes, in dependency order (reference: edfi-api.md 1.13). A resource
 * is sent only after every resource with a lower {@link #level()} has been sent in the same run;
 * deletes go the other way.
 */
public enum EdFiResource {
    LOCAL_EDUCATION_AGENCIES("localEducationAgencies", 10, "localEducationAgencyId"),
    SCHOOLS("schools", 20, "schoolId"),
    /** The district's programs (special education, school food service, ...): see {@link ProgramKind}. */
    PROGRAMS("programs", 24,
            "educationOrganizationReference.educationOrganizationId", "programName", "programTypeDescriptor"),
    STUDENTS("students", 30, "studentUniqueId"),
    CONTACTS("contacts", 32, "contactUniqueId"),
    STUDENT_SCHOOL_ASSOCIATIONS("studentSchoolAssociations", 40,
            "entryDate", "schoolReference.schoolId", "studentReference.studentUniqueId"),
    STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS("studentEducationOrganizationAssociations", 50,
            "educationOrganizationReference.educationOrganizationId", "studentReference.studentUniqueId"),
    STUDENT_CONTACT_ASSOCIATIONS("studentContactAssociations", 52,
            "contactReference.contactUniqueId", "studentReference.studentUniqueId"),
    /** Data Standard 6: the demographics that DS 3-5 keep on the StudentEducationOrganizationAssociation. */
    STUDENT_DEMOGRAPHICS("studentDemographics", 50,
            "educationOrganizationReference.educationOrganizationId", "studentReference.studentUniqueId"),
    /** Data Standard 6: one resource per identification system. */
    STUDENT_IDENTIFICATION_CODES("studentIdentificationCodes", 50,
            "educationOrganizationReference.educationOrganizationId", "studentIdentificationSystemDescriptor",
            "studentReference.studentUniqueId"),
    /** Data Standard 6: addresses, e-mail and telephones. */
    STUDENT_DIRECTORIES("studentDirectories", 50,
            "educationOrganizationReference.educationOrganizationId", "studentReference.studentUniqueId"),
    /** A student's participation in a program; the general association (Section 504, migrant). */
    STUDENT_PROGRAM_ASSOCIATIONS("studentProgramAssociations", 56, ProgramKeys.PATHS),
    STUDENT_SPECIAL_EDUCATION_PROGRAM_ASSOCIATIONS("studentSpecialEducationProgramAssociations", 56,
            ProgramKeys.PATHS),
    STUDENT_SCHOOL_FOOD_SERVICE_PROGRAM_ASSOCIATIONS("studentSchoolFoodServiceProgramAssociations", 56,
            ProgramKeys.PATHS),
    STUDENT_TITLE_I_PART_A_PROGRAM_ASSOCIATIONS("studentTitleIPartAProgramAssociations", 56, ProgramKeys.PATHS),
    STUDENT_LANGUAGE_INSTRUCTION_PROGRAM_ASSOCIATIONS("studentLanguageInstructionProgramAssociations", 56,
            ProgramKeys.PATHS);

    /** The natural key every student program association shares (GeneralStudentProgramAssociation). */
    private static final class ProgramKeys {
        static final String[] PATHS = {"beginDate", "educationOrganizationReference.educationOrganizationId",
                "programReference.educationOrganizationId", "programReference.programName",
                "programReference.programTypeDescriptor", "studentReference.studentUniqueId"};
    }

    private final String collection;
    private final int level;
    private final List<String> keyPaths;

    EdFiResource(String collection, int level, String... keyPaths) {
        this.collection = collection;
        this.level = level;
        this.keyPaths = List.of(keyPaths);
    }

    /** The natural key's JSON paths (dotted, inside references), sorted by name. */
    public List<String> keyPaths() {
        return keyPaths;
    }

    /**
     * The natural key of a payload as one string, {@code path=value} pairs joined by {@code |} in
     * {@link #keyPaths()} order. It is how the state store and the reports name a record.
     */
    public String naturalKey(JsonNode payload) {
        StringBuilder sb = new StringBuilder();
        for (String path : keyPaths) {
            JsonNode node = payload;
            for (String part : path.split("\\.")) {
                node = node == null ? null : node.get(part);
            }
            if (node == null || node.isNull()) {
                throw new IllegalArgumentException(collection + " payload lacks key field " + path);
            }
            if (sb.length() > 0) {
                sb.append('|');
            }
            sb.append(path.substring(path.lastIndexOf('.') + 1)).append('=').append(node.asText());
        }
        return sb.toString();
    }

    /**
     * The key field Ed-Fi lets a PUT change (edfi-api.md: StudentSchoolAssociation's entryDate), or
     * null where a key change is a DELETE and a POST.
     */
    public String changeableKey() {
        return this == STUDENT_SCHOOL_ASSOCIATIONS ? "entryDate" : null;
    }

    /** Whether this is one of the student program associations, whose key holds the program and a beginDate. */
    public boolean isStudentProgramAssociation() {
        return keyPaths.contains("programReference.programName") && keyPaths.contains("studentReference.studentUniqueId");
    }

    /**
     * The date field that ends this record when the gone policy says {@code exit}: an enrollment's
     * exitWithdrawDate, a program association's endDate; null where a record cannot be exited.
     */
    public String exitDateField() {
        if (this == STUDENT_SCHOOL_ASSOCIATIONS) {
            return "exitWithdrawDate";
        }
        return isStudentProgramAssociation() ? "endDate" : null;
    }

    /** A natural key without its changeable part: what stays the same across a key change. */
    public String identityWithoutChangeableKey(String naturalKey) {
        String field = changeableKey();
        if (field == null) {
            return naturalKey;
        }
        StringBuilder sb = new StringBuilder();
        for (String part : naturalKey.split("\\|")) {
            if (!part.startsWith(field + "=")) {
                sb.append(sb.length() == 0 ? "" : "|").append(part);
            }
        }
        return sb.toString();
    }

    /** The collection name as it appears in URLs and reports, e.g. {@code students}. */
    public String collection() {
        return collection;
    }

    /** Dependency level: lower levels are sent first. */
    public int level() {
        return level;
    }

    /** The path below the data management API root, e.g. {@code ed-fi/students}. */
    public String path() {
        return "ed-fi/" + collection;
    }

    public static EdFiResource ofCollection(String collection) {
        for (EdFiResource r : values()) {
            if (r.collection.equals(collection)) {
                return r;
            }
        }
        throw new IllegalArgumentException("not an Ed-Fi resource Rollcall writes: " + collection);
    }

    /** All resources, lowest level first. */
    public static List<EdFiResource> inDependencyOrder() {
        return Arrays.stream(values()).sorted((a, b) -> Integer.compare(a.level, b.level)).toList();
    }
}
