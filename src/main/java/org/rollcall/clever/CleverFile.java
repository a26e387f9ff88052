package org.rollcall.clever;

import java.util.Arrays;
import java.util.List;

/**
 * The files of a Clever SFTP drop this reader knows, with the headers each must have. A file
 * that is read declares its required columns here; the rest are recognised so that they travel
 * with the drop when it is archived, and get their columns when a reader for them is added.
 */
public enum CleverFile {

    SCHOOLS("schools.csv", true, SchoolColumns.REQUIRED),
    STUDENTS("students.csv", true, StudentColumns.REQUIRED),
    ENROLLMENTS("enrollments.csv", true, EnrollmentColumns.REQUIRED),
    // recognised, not read yet
    TEACHERS("teachers.csv", false, List.of()),
    SECTIONS("sections.csv", false, List.of()),
    STAFF("staff.csv", false, List.of()),
    ADMINS("admins.csv", false, List.of()),
    // read when the drop has it (seed 000: the extension fields, joined to students.csv by sis_id)
    STUDENTS_EXT("students_ext.csv", true, true, StudentExtColumns.REQUIRED);

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

    /** Whether this reader reads the file; such files must be in every drop unless {@link #isOptional()}. */
    boolean isRead() {
        return read;
    }

    /** A file that is read when present and may be left out of a drop. */
    boolean isOptional() {
        return optional;
    }

    List<Column> requiredColumns() {
        return requiredColumns;
    }

    /** Whether a drop is complete only with this file: arrival waits for it, and a drop without it is rejected. */
    boolean isRequired() {
        return read && !optional;
    }

    /**
     * Whether a file with a header and no records deserves a warning: a drop without schools or
     * students is almost surely a failed export (and its snapshot would remove everyone), while a
     * district may well have no sections or enrollments.
     */
    boolean isEmptySuspicious() {
        return this == SCHOOLS || this == STUDENTS;
    }

    /**
     * The file names a drop is not complete without. Arrival (folder or SFTP) waits for exactly
     * these, so a file a reader starts to require is waited for too.
     */
    public static List<String> requiredNames() {
        return Arrays.stream(values()).filter(CleverFile::isRequired).map(CleverFile::fileName).toList();
    }

    /** Every file name of a Clever drop, required or not: the files arrival watches and fetches. */
    public static List<String> names() {
        return Arrays.stream(values()).map(CleverFile::fileName).toList();
    }
}
