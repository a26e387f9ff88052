package org.rollcall.clever;

import java.util.List;

/** The schools.csv columns this reader uses (formats.md 1.2). */
final class SchoolColumns {

    static final Column SCHOOL_ID = Column.of("School_id");
    static final Column SCHOOL_NAME = Column.of("School_name");
    static final Column SCHOOL_NUMBER = Column.of("School_number");
    static final Column STATE_ID = Column.of("State_id");
    // Genesis SIS writes Nces_id
    static final Column NCES_ID = Column.of("NCES_id", "Nces_id");
    static final Column LOW_GRADE = Column.of("Low_grade");
    static final Column HIGH_GRADE = Column.of("High_grade");
    static final Column ADDRESS = Column.of("School_address");
    static final Column CITY = Column.of("School_city");
    static final Column STATE = Column.of("School_state");
    static final Column ZIP = Column.of("School_zip");
    static final Column PHONE = Column.of("School_phone");

    static final List<Column> REQUIRED = List.of(SCHOOL_ID, SCHOOL_NAME, SCHOOL_NUMBER);

    private SchoolColumns() {
    }

    /** The column a {@link CleverOptions#schoolIdColumn()} names. */
    static Column byName(String name) {
        return switch (name) {
            case "State_id" -> STATE_ID;
            case "School_number" -> SCHOOL_NUMBER;
            case "School_id" -> SCHOOL_ID;
            default -> throw new IllegalArgumentException("not a school id column: " + name);
        };
    }
}
