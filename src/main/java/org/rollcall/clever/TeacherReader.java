package org.rollcall.clever;

import static org.rollcall.clever.TeacherColumns.FIRST_NAME;
import static org.rollcall.clever.TeacherColumns.LAST_NAME;
import static org.rollcall.clever.TeacherColumns.MIDDLE_NAME;
import static org.rollcall.clever.TeacherColumns.SCHOOL_ID;
import static org.rollcall.clever.TeacherColumns.STATE_TEACHER_ID;
import static org.rollcall.clever.TeacherColumns.TEACHER_EMAIL;
import static org.rollcall.clever.TeacherColumns.TEACHER_ID;
import static org.rollcall.clever.TeacherColumns.TEACHER_NUMBER;
import static org.rollcall.clever.TeacherColumns.TITLE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.School;
import org.rollcall.report.Problem;
import org.rollcall.report.ProblemSink;

/**
 * teachers.csv rows to teachers, by Teacher_id. A teacher in several schools has a row per school
 * (the same Teacher_id, name and email); the same Teacher_id twice in one school, or with another
 * name or email, is a duplicate and the later row is skipped. Then seed 001's rule: a teacher whose
 * email is not unique keeps their record, but their sections are not processed ({@link #withoutUniqueEmail()}).
 */
final class TeacherReader {

    private final CleverCsvFile file;
    private final Map<String, RosterPerson> teachers = new LinkedHashMap<>();
    private Map<String, UniqueTeacherEmails.Finding> withoutUniqueEmail = Map.of();

    TeacherReader(CleverCsvFile file) {
        this.file = file;
    }

    /** Reads the file; returns the teachers by Teacher_id, in file order. */
    Map<String, RosterPerson> read(Map<String, School> schools, ProblemSink problems) {
        file.forEachRow(problems, row -> teacher(row, schools));
        List<UniqueTeacherEmails.Teacher> emails = new ArrayList<>();
        teachers.values().forEach(t -> emails.add(new UniqueTeacherEmails.Teacher(t.id, t.email(), t.lineage.line())));
        withoutUniqueEmail = UniqueTeacherEmails.check(emails);
        withoutUniqueEmail.forEach((id, finding) -> {
            if (!finding.missing()) {
                RosterPerson t = teachers.get(id);
                t.dropEmail();
                // the address is not shown: it identifies the two teachers to anyone who reads the report
                problems.report(Problem.warning(file.fileName(), t.lineage.line(), file.header().nameOf(TEACHER_EMAIL),
                        "Teacher_email is also the email of the teacher on line " + finding.otherLine()
                                + ", so neither is unique: this teacher's sections are not processed (seed 001); "
                                + "value dropped"));
            }
        });
        return teachers;
    }

    /** Seed 001: the teachers without a unique school email, by Teacher_id, and why. */
    Map<String, UniqueTeacherEmails.Finding> withoutUniqueEmail() {
        return withoutUniqueEmail;
    }

    private void teacher(CleverRow row, Map<String, School> schools) {
        if (!row.hasAll(TeacherColumns.REQUIRED)) {
            return;
        }
        School school = row.school(SCHOOL_ID, schools);
        if (school == null) {
            return;
        }
        String schoolId = school.sourceId();
        String id = row.get(TEACHER_ID);
        PersonName name = PersonName.of(row.get(FIRST_NAME), row.get(MIDDLE_NAME), row.get(LAST_NAME));
        String email = row.get(TEACHER_EMAIL);
        Lineage lineage = Lineage.of(file.fileName(), row.line());
        RosterPerson earlier = teachers.get(id);
        if (earlier != null) {
            Lineage same = earlier.at(schoolId, "teacher");
            if (same != null) {
                row.error(TEACHER_ID, "Teacher_id " + MessageValues.rosterIdentifier(id)
                        + " already appears on line " + same.line() + " for this school");
                return;
            }
            if (!earlier.sameAs(name, email)) {
                row.error(TEACHER_ID, "Teacher_id " + MessageValues.rosterIdentifier(id) + " already appears on line "
                        + earlier.lineage.line() + " with another name or email (a teacher in several schools has "
                        + "the same values on each school's row)");
                return;
            }
            earlier.assign(school, "teacher", List.of(), row.get(TITLE), lineage);
            return;
        }
        RosterPerson t = new RosterPerson(id, "teacher", row.get(TEACHER_NUMBER), row.get(STATE_TEACHER_ID), name,
                email, lineage);
        t.assign(school, "teacher", List.of(), row.get(TITLE), lineage);
        teachers.put(id, t);
    }

}
