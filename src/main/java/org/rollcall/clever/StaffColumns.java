package org.rollcall.clever;

import java.util.List;

/**
 * The staff.csv columns this reader uses (formats.md 1.2), and those of the deprecated admins.csv it
 * replaced, which is read the same way: Admin_email and Admin_title stand for Staff_email and Title.
 */
final class StaffColumns {

    static final Column SCHOOL_ID = Column.of("School_id");
    static final Column STAFF_ID = Column.of("Staff_id");
    static final Column STAFF_EMAIL = Column.of("Staff_email");
    static final Column FIRST_NAME = Column.of("First_name");
    static final Column LAST_NAME = Column.of("Last_name");
    static final Column DEPARTMENT = Column.of("Department");
    static final Column TITLE = Column.of("Title");
    static final Column ROLE = Column.of("Role");

    static final Column ADMIN_EMAIL = Column.of("Admin_email");
    static final Column ADMIN_TITLE = Column.of("Admin_title");

    static final List<Column> REQUIRED = List.of(SCHOOL_ID, STAFF_ID, STAFF_EMAIL, FIRST_NAME, LAST_NAME);
    static final List<Column> ADMIN_REQUIRED = List.of(SCHOOL_ID, STAFF_ID, ADMIN_EMAIL, FIRST_NAME, LAST_NAME);

    private StaffColumns() {
    }
}
