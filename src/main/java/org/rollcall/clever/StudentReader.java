package org.rollcall.clever;

import static org.rollcall.clever.StudentColumns.CITY;
import static org.rollcall.clever.StudentColumns.DOB;
import static org.rollcall.clever.StudentColumns.ELL_STATUS;
import static org.rollcall.clever.StudentColumns.EMAIL;
import static org.rollcall.clever.StudentColumns.FIRST_NAME;
import static org.rollcall.clever.StudentColumns.FRL_STATUS;
import static org.rollcall.clever.StudentColumns.GENDER;
import static org.rollcall.clever.StudentColumns.GRADE;
import static org.rollcall.clever.StudentColumns.GRADUATION_YEAR;
import static org.rollcall.clever.StudentColumns.HISPANIC_LATINO;
import static org.rollcall.clever.StudentColumns.HOME_LANGUAGE;
import static org.rollcall.clever.StudentColumns.IEP_STATUS;
import static org.rollcall.clever.StudentColumns.LAST_NAME;
import static org.rollcall.clever.StudentColumns.MIDDLE_NAME;
import static org.rollcall.clever.StudentColumns.RACE;
import static org.rollcall.clever.StudentColumns.SCHOOL_ID;
import static org.rollcall.clever.StudentColumns.STATE;
import static org.rollcall.clever.StudentColumns.STATE_ID;
import static org.rollcall.clever.StudentColumns.STREET;
import static org.rollcall.clever.StudentColumns.STUDENT_ID;
import static org.rollcall.clever.StudentColumns.STUDENT_NUMBER;
import static org.rollcall.clever.StudentColumns.ZIP;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.rollcall.model.Enrollment;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.Program;
import org.rollcall.model.School;
import org.rollcall.model.Student;
import org.rollcall.report.ProblemSink;

/**
 * students.csv rows to {@link Student}s, one per row, handed on as they are read. Clever has one
 * row per student and school, so a student in two schools arrives twice.
 */
final class StudentReader {

    private final CleverCsvFile file;
    private final CleverOptions options;
    private final Column uniqueIdColumn;
    private final List<Column> required;

    StudentReader(CleverCsvFile file, CleverOptions options) {
        this.file = file;
        this.options = options;
        this.uniqueIdColumn = StudentColumns.byName(options.studentIdColumn());
        List<Column> req = new ArrayList<>(StudentColumns.REQUIRED);
        if (!req.contains(uniqueIdColumn)) {
            req.add(uniqueIdColumn);
        }
        this.required = List.copyOf(req);
    }

    void read(Map<String, School> schools, Consumer<Student> sink, ProblemSink problems) {
        read(schools, sink, id -> { }, problems);
    }

    /** As above; {@code skipped} gets the unique id of each row skipped for a record error, where it has one. */
    void read(Map<String, School> schools, Consumer<Student> sink, Consumer<String> skipped, ProblemSink problems) {
        file.forEachRow(problems, row -> {
            Student student = student(row, schools);
            if (student != null) {
                sink.accept(student);
            } else if (row.get(uniqueIdColumn) != null) {
                skipped.accept(row.get(uniqueIdColumn));
            }
        });
    }

    private Student student(CleverRow row, Map<String, School> schools) {
        if (!row.hasAll(required)) {
            return null;
        }
        String schoolId = row.get(SCHOOL_ID);
        School school = schools.get(schoolId);
        if (school == null) {
            row.error(SCHOOL_ID, "School_id " + MessageValues.schoolIdentifier(schoolId)
                    + " is not a school read from schools.csv");
            return null;
        }
        Lineage lineage = Lineage.of(file.fileName(), row.line());
        String grade = grade(row);
        String race = code(row, RACE, SeedDemographics.RACE);
        String hispanic = code(row, HISPANIC_LATINO, SeedDemographics.HISPANIC_LATINO);
        Enrollment enrollment = new Enrollment(schoolId, school.edfiSchoolId(), options.defaultEntryDate(), null,
                grade, null, null, lineage);
        return new Student("clever",
                row.get(uniqueIdColumn),
                row.get(STUDENT_ID),
                row.get(STUDENT_NUMBER),
                row.get(STATE_ID),
                PersonName.of(row.get(FIRST_NAME), row.get(MIDDLE_NAME), row.get(LAST_NAME)),
                null,
                birthDate(row),
                code(row, GENDER, SeedDemographics.GENDER),
                null,
                race == null ? List.of() : List.of(race),
                hispanic == null ? null : hispanic.equals("Y"),
                language(row),
                List.of(),
                programs(row),
                row.get(EMAIL),
                Addresses.of(row.get(STREET), row.get(CITY), row.get(STATE), row.get(ZIP)),
                grade,
                graduationYear(row),
                List.of(enrollment),
                lineage);
    }

    private static Map<Program, String> programs(CleverRow row) {
        Map<Program, String> programs = new EnumMap<>(Program.class);
        putIfPresent(programs, Program.ENGLISH_LEARNER, code(row, ELL_STATUS, SeedDemographics.ELL_STATUS));
        putIfPresent(programs, Program.FREE_REDUCED_LUNCH, code(row, FRL_STATUS, SeedDemographics.FRL_STATUS));
        putIfPresent(programs, Program.IEP, code(row, IEP_STATUS, SeedDemographics.IEP_STATUS));
        return programs;
    }

    private static void putIfPresent(Map<Program, String> programs, Program program, String value) {
        if (value != null) {
            programs.put(program, value);
        }
    }

    /** A one-letter code: named in the warning, since it says nothing about who the student is. */
    private static String code(CleverRow row, Column column, CodeSet supported) {
        String raw = row.get(column);
        String value = supported.canonical(raw);
        if (raw != null && value == null) {
            row.warning(column, "unsupported value " + MessageValues.code(raw) + " (supported: "
                    + supported.supported() + ")");
        }
        return value;
    }

    /** A home language is not named in the warning: it can point at a family. */
    private static String language(CleverRow row) {
        String raw = row.get(HOME_LANGUAGE);
        String value = SeedDemographics.HOME_LANGUAGE.canonical(raw);
        if (raw != null && value == null) {
            row.warning(HOME_LANGUAGE, "unsupported language name (supported: the "
                    + SeedDemographics.HOME_LANGUAGE.values().size() + " names of Clever's list, e.g. English, Spanish)");
        }
        return value;
    }

    private static String grade(CleverRow row) {
        String raw = row.get(GRADE);
        String grade = CleverGrade.normalise(raw);
        if (raw != null && grade == null) {
            row.warning(GRADE, "unsupported grade " + MessageValues.code(raw));
        }
        return grade;
    }

    private static LocalDate birthDate(CleverRow row) {
        String raw = row.get(DOB);
        LocalDate date = CleverDate.parse(raw);
        if (raw != null && date == null) {
            row.warning(DOB, "not a date in MM/DD/YYYY or YYYY-MM-DD");
        }
        return date;
    }

    private static String graduationYear(CleverRow row) {
        String raw = row.get(GRADUATION_YEAR);
        if (raw != null && !isYear(raw)) {
            row.warning(GRADUATION_YEAR, "not a year YYYY");
            return null;
        }
        return raw;
    }

    /** 19xx or 20xx. */
    private static boolean isYear(String s) {
        return s.length() == 4 && (s.startsWith("19") || s.startsWith("20"))
                && isDigit(s.charAt(2)) && isDigit(s.charAt(3));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
