package org.rollcall.clever;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rollcall.model.School;
import org.rollcall.model.Section;
import org.rollcall.model.SectionEnrollment;
import org.rollcall.model.Staff;
import org.rollcall.model.Student;
import org.rollcall.report.FileCounts;
import org.rollcall.report.Problem;

/**
 * Test drops with rostering files: the base fixture (schools sch-1 K-5 and sch-2 9-12; students 1001
 * and 1002 in sch-1, 1003 in sch-2) with teachers.csv, sections.csv, staff.csv rows a test writes.
 */
final class RosterDrops {

    static final List<String> TEACHER_HEADER = CleverDistrictGenerator.TEACHER_HEADER;
    static final List<String> SECTION_HEADER = java.util.stream.Stream.concat(
            CleverDistrictGenerator.SECTION_HEADER.stream(), java.util.stream.Stream.of("Course_description")).toList();
    static final List<String> STAFF_HEADER = CleverDistrictGenerator.STAFF_HEADER;
    static final List<String> ENROLLMENT_HEADER = List.of("School_id", "Section_id", "Student_id");

    private RosterDrops() {
    }

    /** Everything a drop's rostering gave, in order. */
    record Read(CleverDrop drop, CleverRoster roster, List<Student> students, List<SectionEnrollment> enrollments,
                List<Problem> problems) {

        Section section(String id) {
            return roster.sections().stream().filter(s -> s.sourceId().equals(id)).findFirst().orElseThrow();
        }

        Staff staff(String id) {
            return roster.staff().stream().filter(s -> s.uniqueId().equals(id)).findFirst().orElseThrow();
        }

        List<Problem> problems(String file) {
            return problems.stream().filter(p -> p.file().equals(file)).toList();
        }
    }

    /** A valid teachers.csv row: Teacher_id, school, a name and an email made from the id. */
    static Map<String, String> teacher(String id, String school) {
        Map<String, String> row = blank(TEACHER_HEADER);
        row.put("School_id", school);
        row.put("Teacher_id", id);
        row.put("First_name", "Teacher");
        row.put("Last_name", "Number " + id);
        row.put("Teacher_email", id + "@staff.test.example");
        return row;
    }

    /** A valid sections.csv row: Section_id, school and teacher of record; grade 3, math, no term. */
    static Map<String, String> section(String id, String school, String teacher) {
        Map<String, String> row = blank(SECTION_HEADER);
        row.put("School_id", school);
        row.put("Section_id", id);
        row.put("Teacher_id", teacher);
        row.put("Name", "Section " + id);
        row.put("Grade", "3");
        row.put("Course_name", "Mathematics 3");
        row.put("Course_number", "MATH-3");
        row.put("Subject", "math");
        return row;
    }

    /** A valid staff.csv row. */
    static Map<String, String> staff(String id, String school, String title) {
        Map<String, String> row = blank(STAFF_HEADER);
        row.put("School_id", school);
        row.put("Staff_id", id);
        row.put("Staff_email", id + "@staff.test.example");
        row.put("First_name", "Staff");
        row.put("Last_name", "Member " + id);
        row.put("Title", title);
        return row;
    }

    static Map<String, String> enrollment(String school, String section, String student) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("School_id", school);
        row.put("Section_id", section);
        row.put("Student_id", student);
        return row;
    }

    static Map<String, String> blank(List<String> header) {
        Map<String, String> row = new LinkedHashMap<>();
        header.forEach(h -> row.put(h, ""));
        return row;
    }

    /** The base fixture in {@code dir}; with sections, an enrollments.csv of these rows. */
    static Path drop(Path dir, List<Map<String, String>> teachers, List<Map<String, String>> sections,
                     List<Map<String, String>> enrollments) {
        TestDrops.fixture("base", dir);
        if (teachers != null) {
            write(dir.resolve("teachers.csv"), TEACHER_HEADER, teachers);
        }
        if (sections != null) {
            write(dir.resolve("sections.csv"), SECTION_HEADER, sections);
        }
        if (enrollments != null) {
            write(dir.resolve("enrollments.csv"), ENROLLMENT_HEADER, enrollments);
        }
        return dir;
    }

    static void write(Path file, List<String> header, List<Map<String, String>> rows) {
        List<List<String>> lines = new ArrayList<>();
        for (Map<String, String> r : rows) {
            lines.add(header.stream().map(h -> r.getOrDefault(h, "")).toList());
        }
        TestDrops.writeCsv(file, header, lines);
    }

    static Read read(Path dir) throws DropRejectedException {
        return read(dir, TestDrops.OPTIONS);
    }

    static Read read(Path dir, CleverOptions options) throws DropRejectedException {
        return read(dir, options, new FileCounts());
    }

    /** Opens and reads the drop as a run does: schools, rostering, students, then enrollments; {@code counts} per file. */
    static Read read(Path dir, CleverOptions options, FileCounts counts) throws DropRejectedException {
        CleverDrop drop = CleverDrop.open(dir, options, counts);
        List<Problem> problems = new ArrayList<>();
        Map<String, School> schools = drop.readSchools(problems::add);
        CleverRoster roster = drop.readRoster(schools, problems::add);
        List<Student> students = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        drop.readStudents(schools, s -> {
            students.add(s);
            ids.put(s.sourceId(), s.uniqueId());
        }, problems::add);
        List<SectionEnrollment> enrollments = new ArrayList<>();
        drop.readEnrollments(ids::get, schools, roster, enrollments::add, problems::add);
        return new Read(drop, roster, students, enrollments, problems);
    }
}
