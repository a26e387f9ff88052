package org.rollcall.clever;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.rollcall.model.School;
import org.rollcall.model.Student;
import org.rollcall.model.StudentSnapshot;
import org.rollcall.report.Problem;

/** Test drops: fixtures from src/test/resources/clever, and drops written row by row. */
final class TestDrops {

    static final LocalDate ENTRY = LocalDate.of(2026, 8, 17);
    static final CleverOptions OPTIONS = CleverOptions.defaults(ENTRY);

    static final List<String> SCHOOL_HEADER = CleverDistrictGenerator.SCHOOL_HEADER;
    static final List<String> STUDENT_HEADER = CleverDistrictGenerator.STUDENT_HEADER;

    private TestDrops() {
    }

    /** Everything a drop gave: schools, students in order (one per good row), the rows with their contacts, problems in order. */
    record Read(CleverDrop drop, Map<String, School> schools, List<Student> students, List<Problem> problems,
                List<StudentSnapshot> rows) {

        Student student(String studentId) {
            return students.stream().filter(s -> s.sourceId().equals(studentId)).findFirst().orElseThrow();
        }

        List<Problem> problems(Problem.Severity severity) {
            return problems.stream().filter(p -> p.severity() == severity).toList();
        }
    }

    /** Where reads map what they hold (the files leave the folder as they are made). */
    static final Path WORK = Path.of(System.getProperty("java.io.tmpdir"));

    /** Opens and reads the whole drop as a run would, students' ids feeding the enrollment check. */
    static Read read(Path dir, CleverOptions options) throws DropRejectedException {
        CleverDrop drop = CleverDrop.open(dir, options);
        List<Problem> problems = new ArrayList<>();
        Map<String, School> schools = drop.readSchools(problems::add);
        List<StudentSnapshot> rows = new ArrayList<>();
        drop.readStudentRows(schools, rows::add, id -> { }, WORK, problems::add);
        List<Student> students = rows.stream().map(StudentSnapshot::student).toList();
        java.util.Set<String> ids = new java.util.HashSet<>();
        students.forEach(s -> ids.add(s.sourceId()));
        drop.readEnrollments(ids::contains, schools, problems::add);
        return new Read(drop, schools, students, problems, rows);
    }

    static Read read(Path dir) throws DropRejectedException {
        return read(dir, OPTIONS);
    }

    /** The base fixture drop with the named fixture's files laid over it, copied into {@code dir}. */
    static Path fixture(String name, Path dir) {
        copyAll(resource("base"), dir);
        copyAll(resource(name), dir);
        return dir;
    }

    static Path resource(String name) {
        URL url = TestDrops.class.getResource("/clever/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture clever/" + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyAll(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid students.csv row (values by header) that a test changes what it checks in. */
    static Map<String, String> student(String studentId) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String h : STUDENT_HEADER) {
            row.put(h, "");
        }
        row.put("School_id", "sch-1");
        row.put("Student_id", studentId);
        row.put("Student_number", "N" + studentId);
        row.put("State_id", "99" + studentId);
        row.put("Last_name", "Testperson");
        row.put("First_name", "Sample");
        row.put("Grade", "3");
        row.put("DOB", "04/30/2017");
        return row;
    }

    /** Writes a drop: the base schools.csv and enrollments.csv header, and these students. */
    static Path dropWithStudents(Path dir, List<Map<String, String>> students) {
        return dropWithStudents(dir, STUDENT_HEADER, students);
    }

    static Path dropWithStudents(Path dir, List<String> header, List<Map<String, String>> students) {
        copyAll(resource("base"), dir);
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> s : students) {
            rows.add(header.stream().map(h -> s.getOrDefault(h, "")).toList());
        }
        writeCsv(dir.resolve("students.csv"), header, rows);
        writeCsv(dir.resolve("enrollments.csv"), List.of("School_id", "Section_id", "Student_id"), List.of());
        return dir;
    }

    /** Writes UTF-8 CSV with LF endings, quoting what needs it. */
    static void writeCsv(Path file, List<String> header, List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        line(sb, header);
        rows.forEach(r -> line(sb, r));
        write(file, sb.toString());
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void line(StringBuilder sb, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String f = fields.get(i);
            if (f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")) {
                sb.append('"').append(f.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(f);
            }
        }
        sb.append('\n');
    }
}
