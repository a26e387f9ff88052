package org.rollcall.clever;

import static org.rollcall.clever.SectionColumns.COURSE_DESCRIPTION;
import static org.rollcall.clever.SectionColumns.COURSE_NAME;
import static org.rollcall.clever.SectionColumns.COURSE_NUMBER;
import static org.rollcall.clever.SectionColumns.GRADE;
import static org.rollcall.clever.SectionColumns.NAME;
import static org.rollcall.clever.SectionColumns.SCHOOL_ID;
import static org.rollcall.clever.SectionColumns.SECTION_ID;
import static org.rollcall.clever.SectionColumns.SUBJECT;
import static org.rollcall.clever.SectionColumns.TEACHER_ID;
import static org.rollcall.clever.SectionColumns.TERM_END;
import static org.rollcall.clever.SectionColumns.TERM_NAME;
import static org.rollcall.clever.SectionColumns.TERM_START;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rollcall.model.Course;
import org.rollcall.model.Lineage;
import org.rollcall.model.School;
import org.rollcall.model.Section;
import org.rollcall.model.Term;
import org.rollcall.report.ProblemSink;

/**
 * sections.csv rows to {@link Section}s, with the terms and courses they name. Sections are few (a
 * district has thousands, not millions), so they are kept, by Section_id, for the enrollments.
 *
 * <p>A section is processed when its row is good (required values, a known school, a known
 * Teacher_id, a Section_id not seen before) and seed 001 does not exclude it: its teacher of record
 * has a unique school email, and its grade is not one of {@code clever.unprocessed-grades}. A section
 * that is not processed is reported once, with why, and its Section_id is remembered so its
 * enrollments are accounted for and what the target holds of it is left alone.
 *
 * <p>Terms and courses are shared by sections: the first section naming one gives its values, and a
 * later section that says otherwise gets a warning.
 */
final class SectionReader {

    /** Clever's Subject values (formats.md 1.2, the API enum), matched in any case. */
    static final CodeSet SUBJECTS = CodeSet.ignoringCase("english/language arts", "math", "science",
            "social studies", "language", "homeroom/advisory", "interventions/online learning",
            "technology and engineering", "PE and health", "arts and music", "other");

    /** Ed-Fi's limits: courseCode and sessionName 60 characters, courseTitle 60, sectionName 100. */
    static final int CODE_LENGTH = 60;
    static final int SECTION_NAME_LENGTH = 100;

    private record TermKey(String schoolId, String name) { }

    private record CourseKey(String schoolId, String code) { }

    private final CleverCsvFile file;
    private final CleverOptions options;
    private final int schoolYear;
    private final LocalDate yearEnd;

    private final Map<String, Section> sections = new LinkedHashMap<>();
    private final Map<String, Long> notProcessed = new LinkedHashMap<>();
    private final Map<String, Long> firstLine = new HashMap<>();
    private final Map<TermKey, Term> terms = new LinkedHashMap<>();
    private final Map<CourseKey, Course> courses = new LinkedHashMap<>();

    SectionReader(CleverCsvFile file, CleverOptions options) {
        this.file = file;
        this.options = options;
        this.schoolYear = options.schoolYear();
        this.yearEnd = LocalDate.of(schoolYear, 6, 30);
    }

    void read(Map<String, School> schools, Map<String, RosterPerson> teachers,
              Map<String, UniqueTeacherEmails.Finding> withoutUniqueEmail, ProblemSink problems) {
        file.forEachRow(problems, row -> section(row, schools, teachers, withoutUniqueEmail));
    }

    /** The processed sections by Section_id, in file order. */
    Map<String, Section> sections() {
        return sections;
    }

    /** Section_ids of the sections not processed (a record error or seed 001), with their lines. */
    Map<String, Long> notProcessed() {
        return notProcessed;
    }

    List<Term> terms() {
        return List.copyOf(terms.values());
    }

    List<Course> courses() {
        return List.copyOf(courses.values());
    }

    private void section(CleverRow row, Map<String, School> schools, Map<String, RosterPerson> teachers,
                         Map<String, UniqueTeacherEmails.Finding> withoutUniqueEmail) {
        String id = row.get(SECTION_ID);
        if (id != null && firstLine.containsKey(id)) {
            row.error(SECTION_ID, "Section_id " + MessageValues.rosterIdentifier(id) + " already appears on line "
                    + firstLine.get(id));
            return;
        }
        if (id != null) {
            firstLine.put(id, row.line());
        }
        if (!row.hasAll(SectionColumns.REQUIRED)) {
            notProcessed(id, row);
            return;
        }
        String shown = "section " + MessageValues.rosterIdentifier(id);
        School school = row.school(SCHOOL_ID, schools);
        if (school == null) {
            notProcessed(id, row);
            return;
        }
        String teacherId = row.get(TEACHER_ID);
        RosterPerson teacher = teachers.get(teacherId);
        if (teacher == null) {
            row.error(TEACHER_ID, "Teacher_id " + MessageValues.rosterIdentifier(teacherId)
                    + " is not a teacher read from teachers.csv");
            notProcessed(id, row);
            return;
        }
        String rawGrade = row.get(GRADE);
        if (options.unprocessedGrades().match(rawGrade) != null) {
            // a grade on the configured list is safe to show: it is one of the district's own values
            row.error(GRADE, shown + " is not processed: its Grade '" + rawGrade + "'"
                    + " is one seed 001 does not process (\"Students and courses with \"other\", \"null\", or"
                    + " \"Post Grad\" as their grade level will not be processed\"; clever.unprocessed-grades)");
            notProcessed(id, row);
            return;
        }
        UniqueTeacherEmails.Finding email = withoutUniqueEmail.get(teacherId);
        if (email != null) {
            // the teacher's row is named, the address never is
            row.error(TEACHER_ID, shown + " is not processed: its teacher (teachers.csv line "
                    + teacher.lineage.line() + ") " + email.describe() + "; seed 001: \"ANet cannot access periods"
                    + " for teachers missing unique email addresses\"");
            notProcessed(id, row);
            return;
        }
        Lineage lineage = Lineage.of(file.fileName(), row.line());
        String grade = row.grade(GRADE);
        List<String> coTeachers = coTeachers(row, teacherId, teachers, withoutUniqueEmail);
        Term term = term(row, school, lineage);
        Course course = course(row, school, id, lineage);
        Section section = new Section(id, school.sourceId(), school.edfiSchoolId(), term, course, course.title(),
                truncate(row.get(NAME), SECTION_NAME_LENGTH), grade, teacherId, coTeachers,
                options.defaultEntryDate(), lineage);
        sections.put(id, section);
        teacher.teaches(school, grade, lineage);
        for (String co : coTeachers) {
            teachers.get(co).teaches(school, grade, lineage);
        }
    }

    private void notProcessed(String id, CleverRow row) {
        if (id != null) {
            notProcessed.put(id, row.line());
        }
    }

    /** Teacher_2_id and on: a co-teacher who cannot be associated is left out with a warning. */
    private static List<String> coTeachers(CleverRow row, String teacherId, Map<String, RosterPerson> teachers,
                                           Map<String, UniqueTeacherEmails.Finding> withoutUniqueEmail) {
        List<String> out = new ArrayList<>();
        for (Column column : SectionColumns.CO_TEACHERS) {
            String co = row.get(column);
            if (co == null || co.equals(teacherId) || out.contains(co)) {
                continue;
            }
            RosterPerson t = teachers.get(co);
            if (t == null) {
                row.warning(column, column.name() + " " + MessageValues.rosterIdentifier(co)
                        + " is not a teacher read from teachers.csv");
            } else if (withoutUniqueEmail.containsKey(co)) {
                row.warning(column, "this co-teacher (teachers.csv line " + t.lineage.line() + ") "
                        + withoutUniqueEmail.get(co).describe() + ", so is not associated with the section (seed 001)");
            } else {
                out.add(co);
            }
        }
        return out;
    }

    /**
     * The section's term. Term_start and Term_end are used only as a pair of real dates in order;
     * otherwise the term has the school year's dates. No Term_name: the term is named by its dates,
     * or is the school year itself.
     */
    private Term term(CleverRow row, School school, Lineage lineage) {
        String name = row.get(TERM_NAME);
        LocalDate start = row.date(TERM_START);
        LocalDate end = row.date(TERM_END);
        boolean given = start != null && end != null;
        if (given && end.isBefore(start)) {
            row.warning(TERM_END, "Term_end is before Term_start: the term gets the school year's dates");
            given = false;
        } else if (!given && (start != null || end != null)) {
            Column missing = start == null ? TERM_START : TERM_END;
            row.warning(missing == TERM_START ? TERM_END : TERM_START, missing.name()
                    + " is missing, so the term gets the school year's dates");
        }
        LocalDate begin = given ? start : options.defaultEntryDate();
        LocalDate finish = given ? end : yearEnd;
        String code = name;
        if (name == null) {
            name = given ? start + " to " + end : (schoolYear - 1) + "-" + schoolYear;
            code = given ? name : "Year";
        }
        name = truncate(name, CODE_LENGTH);
        Term fresh = new Term(school.sourceId(), school.edfiSchoolId(), schoolYear, name, code, begin, finish, given,
                lineage);
        Term first = terms.putIfAbsent(new TermKey(school.sourceId(), name), fresh);
        if (first == null) {
            return fresh;
        }
        if (first.datesGiven() != given || !first.beginDate().equals(begin) || !first.endDate().equals(finish)) {
            row.warning(TERM_START, "this school's term " + MessageValues.rosterIdentifier(name)
                    + " has other dates on line " + first.lineage().line() + "; those are used");
        }
        return first;
    }

    /**
     * The section's course: Course_number is the courseCode; without one, Course_name stands for it,
     * and without that the section is a course of its own (its Section_id).
     */
    private Course course(CleverRow row, School school, String sectionId, Lineage lineage) {
        String name = row.get(COURSE_NAME);
        String code = CourseCodes.code(row.get(COURSE_NUMBER), name, sectionId, CODE_LENGTH);
        String subject = row.code(SUBJECT, SUBJECTS);
        String title = truncate(name != null ? name : row.get(NAME) != null ? row.get(NAME) : code, CODE_LENGTH);
        boolean bySchool = options.roster().schoolCourses();
        Course fresh = new Course(code, title, row.get(COURSE_DESCRIPTION), subject, school.edfiSchoolId(), bySchool,
                lineage);
        Course first = courses.putIfAbsent(new CourseKey(bySchool ? school.sourceId() : "", code), fresh);
        if (first == null) {
            return fresh;
        }
        if (!first.title().equals(title) || !Objects.equals(first.subject(), subject)
                || !Objects.equals(first.description(), fresh.description())) {
            row.warning(COURSE_NUMBER, "course " + MessageValues.rosterIdentifier(code) + " has another name, "
                    + "subject or description on line " + first.lineage().line() + "; those are used");
        }
        return first;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
