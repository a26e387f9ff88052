package org.rollcall.clever;

import java.util.List;

/**
 * The files of a Clever SFTP drop this reader knows, with the headers each must have. A required
 * file must be in every drop; an optional one (the rostering files: a district that only sends
 * demographics has none) is read, and checked as strictly, when it is there; the rest are
 * recognised so that they travel with the drop when it is archived.
 */
enum CleverFile {

    SCHOOLS("schools.csv", true, SchoolColumns.REQUIRED),
    STUDENTS("students.csv", true, StudentColumns.REQUIRED),
    ENROLLMENTS("enrollments.csv", true, EnrollmentColumns.REQUIRED),
    // optional: read when present
    TEACHERS("teachers.csv", false, true, TeacherColumns.REQUIRED),
    SECTIONS("sections.csv", false, true, SectionColumns.REQUIRED),
    STAFF("staff.csv", false, true, StaffColumns.REQUIRED),
    /** Deprecated by Clever in favour of staff.csv, still accepted. */
    ADMINS("admins.csv", false, true, StaffColumns.ADMIN_REQUIRED),
    // recognised, not read yet
    STUDENTS_EXT("students_ext.csv", false, List.of());

    private final String fileName;
    private final boolean read;
    private final boolean optional;
    private final List<Column> requiredColumns;

    CleverFile(String fileName, boolean read, List<Column> requiredColumns) {
        this(fileName, read, false, requiredColumns);
    }

    CleverFile(String fileName, boolean read, boolean optional, List<Column> requiredColumns) {
        this.fileName = fileName;
        this.read = read;
        this.optional = optional;
        this.requiredColumns = requiredColumns;
    }

    /** The exact, case-sensitive file name Clever uses. */
    String fileName() {
        return fileName;
    }

    /** Whether this reader reads the file and it must be in every drop. */
    boolean isRead() {
        return read;
    }

    /** Whether this reader reads the file when a drop has it, and the drop is whole without it. */
    boolean isOptional() {
        return optional;
    }

    List<Column> requiredColumns() {
        return requiredColumns;
    }
}
