package org.rollcall.edfi;

import java.time.LocalDate;
import java.util.List;
import org.rollcall.model.Course;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.Section;
import org.rollcall.model.SectionEnrollment;
import org.rollcall.model.Staff;
import org.rollcall.model.StaffSchool;
import org.rollcall.model.Term;

/** Canonical rostering records for mapper tests: one teacher, one principal, a fall section. */
final class RosterFixtures {

    static final LocalDate YEAR_START = LocalDate.of(2026, 8, 17);
    static final Lineage TEACHER_LINE = Lineage.of("teachers.csv", 2);
    static final Lineage SECTION_LINE = Lineage.of("sections.csv", 5);

    static final Term FALL = new Term("sch-1", 867530001L, 2027, "Fall Semester", "Fall Semester",
            LocalDate.of(2026, 9, 1), LocalDate.of(2027, 1, 22), true, SECTION_LINE);
    static final Term YEAR = new Term("sch-1", 867530001L, 2027, "2026-2027", "Year", YEAR_START,
            LocalDate.of(2027, 6, 30), false, SECTION_LINE);
    static final Course MATH = new Course("MATH-3", "Mathematics 3", "Numbers", "math", 867530001L, false, SECTION_LINE);

    private RosterFixtures() {
    }

    static Staff teacher() {
        return new Staff("clever", "t-1", "E1", "MN1", PersonName.of("Ines", null, "Okafor"), "ines@staff.example",
                List.of(new StaffSchool("sch-1", 867530001L, "teacher", List.of(), "Teacher", List.of("3", "Kindergarten"),
                                YEAR_START, 2027, TEACHER_LINE),
                        new StaffSchool("sch-2", 867530003L, "teacher", List.of(), null, List.of(), YEAR_START, 2027,
                                Lineage.of("teachers.csv", 3))),
                TEACHER_LINE);
    }

    static Staff principal(String title) {
        Lineage line = Lineage.of("staff.csv", 2);
        return new Staff("clever", "s-1", null, null, PersonName.of("Pat", null, "Lee"), "pat@staff.example",
                List.of(new StaffSchool("sch-1", 867530001L, "staff", List.of(title), title, List.of(), YEAR_START, 2027,
                        line)), line);
    }

    static Section section(Term term) {
        return new Section("s-1", "sch-1", 867530001L, term, MATH, "Mathematics 3", "Math 3 (1)", "3", "t-1",
                List.of("t-2"), YEAR_START, SECTION_LINE);
    }

    static SectionEnrollment enrollment(Term term) {
        return new SectionEnrollment(section(term), "1001", Lineage.of("enrollments.csv", 9));
    }
}
