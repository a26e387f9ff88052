package org.rollcall.clever;

import java.util.ArrayList;
import java.util.List;

/** The sections.csv columns this reader uses (formats.md 1.2). */
final class SectionColumns {

    static final Column SCHOOL_ID = Column.of("School_id");
    static final Column SECTION_ID = Column.of("Section_id");
    /** The teacher of record. */
    static final Column TEACHER_ID = Column.of("Teacher_id");
    static final Column NAME = Column.of("Name");
    static final Column GRADE = Column.of("Grade");
    static final Column COURSE_NAME = Column.of("Course_name");
    static final Column COURSE_NUMBER = Column.of("Course_number");
    static final Column COURSE_DESCRIPTION = Column.of("Course_description");
    static final Column SUBJECT = Column.of("Subject");
    static final Column TERM_NAME = Column.of("Term_name");
    static final Column TERM_START = Column.of("Term_start");
    static final Column TERM_END = Column.of("Term_end");

    /** The highest co-teacher column read: Teacher_2_id .. Teacher_20_id (Genesis writes up to Teacher_4_id). */
    static final int LAST_CO_TEACHER = 20;
    /** Teacher_2_id, Teacher_3_id, ...: co-teachers. */
    static final List<Column> CO_TEACHERS;

    static {
        List<Column> co = new ArrayList<>();
        for (int n = 2; n <= LAST_CO_TEACHER; n++) {
            co.add(Column.of("Teacher_" + n + "_id"));
        }
        CO_TEACHERS = List.copyOf(co);
    }

    static final List<Column> REQUIRED = List.of(SCHOOL_ID, SECTION_ID, TEACHER_ID);

    private SectionColumns() {
    }
}
