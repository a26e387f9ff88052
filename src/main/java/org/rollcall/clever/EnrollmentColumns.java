package org.rollcall.clever;

import java.util.List;

/** The enrollments.csv columns: one row puts one student in one section (formats.md 1.2). */
final class EnrollmentColumns {

    static final Column SCHOOL_ID = Column.of("School_id");
    static final Column SECTION_ID = Column.of("Section_id");
    static final Column STUDENT_ID = Column.of("Student_id");

    static final List<Column> REQUIRED = List.of(SCHOOL_ID, SECTION_ID, STUDENT_ID);

    private EnrollmentColumns() {
    }
}
