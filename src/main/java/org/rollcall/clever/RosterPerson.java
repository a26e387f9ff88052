package org.rollcall.clever;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.School;
import org.rollcall.model.Staff;
import org.rollcall.model.StaffSchool;

/**
 * A teacher or member of staff while the rostering files are read: their first row's values, and
 * what they do at each school, gathered from every row that names them (a teacher in two schools
 * has two teachers.csv rows) and from the sections they teach. Becomes a {@link Staff} at the end.
 */
final class RosterPerson {

    /** One role at one school: the row that gave it, and the grades of the sections taught there. */
    private static final class Assignment {
        final School school;
        final String role;
        final List<String> classifications;
        final String title;
        final Lineage lineage;
        final Set<String> grades = new LinkedHashSet<>();

        Assignment(School school, String role, List<String> classifications, String title, Lineage lineage) {
            this.school = school;
            this.role = role;
            this.classifications = classifications;
            this.title = title;
            this.lineage = lineage;
        }
    }

    final String id;
    final String role;
    final String number;
    final String stateId;
    final PersonName name;
    private String email;
    final Lineage lineage;
    private final Map<String, Assignment> assignments = new LinkedHashMap<>();

    RosterPerson(String id, String role, String number, String stateId, PersonName name, String email,
                 Lineage lineage) {
        this.id = id;
        this.role = role;
        this.number = number;
        this.stateId = stateId;
        this.name = name;
        this.email = email;
        this.lineage = lineage;
    }

    String email() {
        return email;
    }

    /** The email is not used (seed 001: shared with another teacher). */
    void dropEmail() {
        email = null;
    }

    /** Whether another row names the same person: the same name and email (any case). */
    boolean sameAs(PersonName otherName, String otherEmail) {
        return name.equals(otherName) && (email == null ? otherEmail == null : email.equalsIgnoreCase(otherEmail));
    }

    /** The line of the row that put this person in this school in this role, or null. */
    Lineage at(String schoolId, String role) {
        Assignment a = assignments.get(schoolId + '\u0000' + role);
        return a == null ? null : a.lineage;
    }

    void assign(School school, String role, List<String> classifications, String title, Lineage lineage) {
        assignments.putIfAbsent(school.sourceId() + '\u0000' + role,
                new Assignment(school, role, classifications, title, lineage));
    }

    /** A section this person teaches at {@code school}; a school their teachers.csv rows did not name is added. */
    void teaches(School school, String grade, Lineage section) {
        Assignment a = assignments.computeIfAbsent(school.sourceId() + '\u0000' + "teacher",
                k -> new Assignment(school, "teacher", List.of(), null, section));
        if (grade != null) {
            a.grades.add(grade);
        }
    }

    Staff toStaff(LocalDate beginDate, int schoolYear) {
        List<StaffSchool> schools = new ArrayList<>();
        for (Assignment a : assignments.values()) {
            List<String> grades = new ArrayList<>(a.grades);
            // school order, as CleverGrade.LADDER has it; Ungraded and Other last
            grades.sort((x, y) -> Integer.compare(rank(x), rank(y)));
            schools.add(new StaffSchool(a.school.sourceId(), a.school.edfiSchoolId(), a.role, a.classifications,
                    a.title, grades, beginDate, schoolYear, a.lineage));
        }
        return new Staff("clever", id, number, stateId, name, email, schools, lineage);
    }

    private static int rank(String grade) {
        int i = CleverGrade.LADDER.indexOf(grade);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
