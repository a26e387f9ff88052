package org.rollcall.clever;

import java.util.List;

/** The teachers.csv columns this reader uses (formats.md 1.2). */
final class TeacherColumns {

    static final Column SCHOOL_ID = Column.of("School_id");
    static final Column TEACHER_ID = Column.of("Teacher_id");
    static final Column TEACHER_NUMBER = Column.of("Teacher_number");
    static final Column STATE_TEACHER_ID = Column.of("State_teacher_id");
    static final Column LAST_NAME = Column.of("Last_name");
    static final Column MIDDLE_NAME = Column.of("Middle_name");
    static final Column FIRST_NAME = Column.of("First_name");
    // recommended, not required by Clever; seed 001 needs it unique for a teacher's sections to be processed
    static final Column TEACHER_EMAIL = Column.of("Teacher_email");
    static final Column TITLE = Column.of("Title");

    static final List<Column> REQUIRED = List.of(SCHOOL_ID, TEACHER_ID, LAST_NAME, FIRST_NAME);

    private TeacherColumns() {
    }
}
