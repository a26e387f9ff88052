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
import org.rollcall.model.StudentContact;
import org.rollcall.model.StudentSnapshot;
import org.rollcall.report.ProblemSink;

/**
 * students.csv rows to {@link Student}s, one per row, handed on as they are read. Clever has one
 * row per student and school, so a student in two schools arrives twice, and one row per contact,
 * so a student with two contacts does too. A row whose Grade the district does not process (seed
 * 001) is an error and skipped like any other bad row: the student is not taken for one who left.
 */
final class StudentReader {

    private final CleverCsvFile file;
    private final CleverOptions options;
    private final StudentExtensions extensions;
    private final Column uniqueIdColumn;
    private final List<Column> required;

    StudentReader(CleverCsvFile file, CleverOptions options) {
        this(file, options, StudentExtensions.none());
    }

    /** @param extensions students_ext.csv, joined to the rows by Student_id */
    StudentReader(CleverCsvFile file, CleverOptions options, StudentExtensions extensions) {
        this.file = file;
        this.options = options;
        this.extensions = extensions;
        this.uniqueIdColumn = StudentColumns.byName(options.studentIdColumn());
        List<Column> req = new ArrayList<>(StudentColumns.REQUIRED);
        if (!req.contains(uniqueIdColumn)) {
            req.add(uniqueIdColumn);
        }
        this.required = List.copyOf(req);
    }

    /**
     * Streams the rows: each good one becomes a {@link StudentSnapshot} (the student and the row's
     * contact) handed to {@code sink}; {@code skipped} gets the unique id of each row skipped for a
     * record error, where it has one. Every row's Student_id claims its students_ext.csv record.
     */
    void read(Map<String, School> schools, Consumer<StudentSnapshot> sink, Consumer<String> skipped, ProblemSink problems) {
        StudentExtensions.ignoredColumns(file, problems);
        file.forEachRow(problems, row -> {
            long extensionCodes = extensions.claim(row.get(STUDENT_ID));
            Student student = student(row, schools, extensionCodes);
            if (student != null) {
                List<StudentContact> contacts = StudentContactReader.read(row, student.sourceId(), student.lineage())
                        .map(List::of).orElse(List.of());
                sink.accept(new StudentSnapshot(student, null, null, contacts));
            } else if (row.get(uniqueIdColumn) != null) {
                skipped.accept(row.get(uniqueIdColumn));
            }
        });
    }

    private Student student(CleverRow row, Map<String, School> schools, long extensionCodes) {
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
        String unprocessed = options.unprocessedGrades().match(row.get(GRADE));
        if (unprocessed != null) {
            // the entry is the district's configuration, never a student's value, so it may be shown
            row.error(GRADE, "grade '" + unprocessed + "' is not processed (seed 001: students with \"other\", "
                    + "\"null\", or \"Post Grad\" grades; clever.unprocessed-grades)");
            return null;
        }
        Lineage lineage = Lineage.of(file.fileName(), row.line());
        String grade = grade(row);
        String race = code(row, RACE, SeedDemographics.RACE);
        if (options.omitsMultiracial() && "M".equals(race)) {
            race = null;
        }
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
                programs(row, extensionCodes),
                row.get(EMAIL),
                Addresses.of(row.get(STREET), row.get(CITY), row.get(STATE), row.get(ZIP)),
                grade,
                graduationYear(row),
                List.of(enrollment),
                lineage);
    }

    /**
     * Ell_status, Frl_status, IEP_status, and the seven extension fields. Seed 000: "if your district
     * syncs the same custom field through SIS sync or another custom data sync, those values will take
     * precedence over values uploaded through the custom extension fields": a field students.csv
     * carries (its ext.* column, or a column of its own) wins over students_ext.csv, {@code null}
     * included; students_ext.csv fills in only what the row leaves blank or could not use.
     */
    private static Map<Program, String> programs(CleverRow row, long extensionFile) {
        Map<Program, String> programs = new EnumMap<>(Program.class);
        putIfPresent(programs, Program.ENGLISH_LEARNER, code(row, ELL_STATUS, SeedDemographics.ELL_STATUS));
        putIfPresent(programs, Program.FREE_REDUCED_LUNCH, code(row, FRL_STATUS, SeedDemographics.FRL_STATUS));
        putIfPresent(programs, Program.IEP, code(row, IEP_STATUS, SeedDemographics.IEP_STATUS));
        long own = ExtensionField.readAll(row);
        for (ExtensionField f : ExtensionField.values()) {
            byte code = f.in(own);
            putIfPresent(programs, f.program(), f.value(code != ExtensionField.ABSENT ? code : f.in(extensionFile)));
        }
        return programs;
    }

    private static void putIfPresent(Map<Program, String> programs, Program program, String value) {
        if (value != null) {
            programs.put(program, value);
        }
    }

    /** A one-letter code: named in the warning, since it says nothing about who the student is. */
    static String code(CleverRow row, Column column, CodeSet supported) {
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
