package org.rollcall.clever;

import static org.rollcall.clever.StaffColumns.ADMIN_EMAIL;
import static org.rollcall.clever.StaffColumns.ADMIN_TITLE;
import static org.rollcall.clever.StaffColumns.FIRST_NAME;
import static org.rollcall.clever.StaffColumns.LAST_NAME;
import static org.rollcall.clever.StaffColumns.ROLE;
import static org.rollcall.clever.StaffColumns.SCHOOL_ID;
import static org.rollcall.clever.StaffColumns.STAFF_EMAIL;
import static org.rollcall.clever.StaffColumns.STAFF_ID;
import static org.rollcall.clever.StaffColumns.TITLE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.School;
import org.rollcall.report.Problem;
import org.rollcall.report.ProblemSink;

/**
 * staff.csv rows, or those of the deprecated admins.csv, into the people already read. A member of
 * staff in several schools has a row per school. A Staff_id that is also a Teacher_id is the same
 * person: the teacher's record stands, and the row adds their staff position at the school. The same
 * Staff_id twice in one school (in either file), or with another name or email, is a duplicate.
 */
final class StaffReader {

    private final CleverCsvFile file;
    private final boolean admins;

    StaffReader(CleverCsvFile file) {
        this.file = file;
        this.admins = file.kind() == CleverFile.ADMINS;
    }

    /** Adds this file's staff to {@code people} (teachers and staff by id). */
    void read(Map<String, School> schools, Map<String, RosterPerson> people, ProblemSink problems) {
        if (admins) {
            problems.report(Problem.warning(file.fileName(), 0, null,
                    "admins.csv is deprecated (Clever replaced it with staff.csv); its rows are read as staff"));
        }
        file.forEachRow(problems, row -> staff(row, schools, people));
    }

    private void staff(CleverRow row, Map<String, School> schools, Map<String, RosterPerson> people) {
        if (!row.hasAll(admins ? StaffColumns.ADMIN_REQUIRED : StaffColumns.REQUIRED)) {
            return;
        }
        School school = row.school(SCHOOL_ID, schools);
        if (school == null) {
            return;
        }
        String schoolId = school.sourceId();
        String id = row.get(STAFF_ID);
        String role = admins ? "admin" : "staff";
        String title = row.get(admins ? ADMIN_TITLE : TITLE);
        List<String> classifications = new ArrayList<>();
        if (!admins && row.get(ROLE) != null) {
            classifications.add(row.get(ROLE));
        }
        if (title != null) {
            classifications.add(title);
        }
        PersonName name = PersonName.of(row.get(FIRST_NAME), null, row.get(LAST_NAME));
        String email = row.get(admins ? ADMIN_EMAIL : STAFF_EMAIL);
        Lineage lineage = Lineage.of(file.fileName(), row.line());
        RosterPerson earlier = people.get(id);
        if (earlier == null) {
            RosterPerson p = new RosterPerson(id, role, null, null, name, email, lineage);
            p.assign(school, role, classifications, title, lineage);
            people.put(id, p);
            return;
        }
        Lineage same = earlier.at(schoolId, "staff");
        same = same != null ? same : earlier.at(schoolId, "admin");
        if (same != null) {
            row.error(STAFF_ID, "Staff_id " + MessageValues.rosterIdentifier(id) + " already appears on "
                    + same + " for this school");
            return;
        }
        boolean teacher = "teacher".equals(earlier.role);
        if (!teacher && !earlier.sameAs(name, email)) {
            row.error(STAFF_ID, "Staff_id " + MessageValues.rosterIdentifier(id) + " already appears on "
                    + earlier.lineage + " with another name or email (a member of staff in several schools has "
                    + "the same values on each school's row)");
            return;
        }
        earlier.assign(school, role, classifications, title, lineage);
    }

}
