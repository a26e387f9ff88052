package org.rollcall.clever;

import java.util.List;

/** The students.csv columns this reader uses (formats.md 1.2, seed 000). */
final class StudentColumns {

    static final Column SCHOOL_ID = Column.of("School_id");
    static final Column STUDENT_ID = Column.of("Student_id");
    static final Column STUDENT_NUMBER = Column.of("Student_number");
    static final Column STATE_ID = Column.of("State_id");
    static final Column LAST_NAME = Column.of("Last_name");
    static final Column MIDDLE_NAME = Column.of("Middle_name");
    static final Column FIRST_NAME = Column.of("First_name");
    static final Column GRADE = Column.of("Grade");
    static final Column GENDER = Column.of("Gender");
    static final Column DOB = Column.of("DOB");
    static final Column RACE = Column.of("Race");
    static final Column HISPANIC_LATINO = Column.of("Hispanic_Latino");
    static final Column HOME_LANGUAGE = Column.of("Home_language");
    static final Column ELL_STATUS = Column.of("Ell_status");
    static final Column FRL_STATUS = Column.of("Frl_status");
    // seed 000 writes iep_status, the Clever spec IEP_status: both are accepted
    static final Column IEP_STATUS = Column.of("IEP_status", "iep_status");
    static final Column GRADUATION_YEAR = Column.of("Graduation_year");
    static final Column STREET = Column.of("Student_street");
    static final Column CITY = Column.of("Student_city");
    static final Column STATE = Column.of("Student_state");
    static final Column ZIP = Column.of("Student_zip");
    static final Column EMAIL = Column.of("Student_email");
    // one contact per row; a student with more contacts has more rows (formats.md 1.2)
    static final Column CONTACT_NAME = Column.of("Contact_name");
    static final Column CONTACT_RELATIONSHIP = Column.of("Contact_relationship");
    static final Column CONTACT_TYPE = Column.of("Contact_type");
    static final Column CONTACT_PHONE = Column.of("Contact_phone");
    static final Column CONTACT_PHONE_TYPE = Column.of("Contact_phone_type");
    static final Column CONTACT_EMAIL = Column.of("Contact_email");
    static final Column CONTACT_SIS_ID = Column.of("Contact_sis_id");

    static final List<Column> CONTACT = List.of(CONTACT_NAME, CONTACT_RELATIONSHIP, CONTACT_TYPE, CONTACT_PHONE,
            CONTACT_PHONE_TYPE, CONTACT_EMAIL, CONTACT_SIS_ID);

    static final List<Column> REQUIRED = List.of(SCHOOL_ID, STUDENT_ID, LAST_NAME, FIRST_NAME);

    private StudentColumns() {
    }

    /** The column a {@link CleverOptions#studentIdColumn()} names. */
    static Column byName(String name) {
        return switch (name) {
            case "Student_id" -> STUDENT_ID;
            case "Student_number" -> STUDENT_NUMBER;
            case "State_id" -> STATE_ID;
            default -> throw new IllegalArgumentException("not a student id column: " + name);
        };
    }
}
