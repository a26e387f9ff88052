package org.rollcall.clever;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a synthetic Clever drop for the Rollcall Demo District (LEA 867530): schools.csv,
 * students.csv (with contact columns and one appended ext.* column), enrollments.csv and
 * students_ext.csv. Every name, id, address and telephone number (555-01xx) is invented; the same
 * arguments always give the same bytes (seeded {@link Random}s, values drawn in a fixed order; the
 * contacts and extension fields draw from their own, so the other columns keep their values).
 *
 * <p>Rows are written as they are made, so a 1,000,000-student drop costs no more memory than a
 * 240-student one. With 200 students or more, every value seed 000 lists for students.csv and
 * students_ext.csv appears at least once among the valid rows, every fourth student has a second
 * contact on a repeated row right after their first, and exactly seven records are bad:
 * <ul>
 *   <li>students.csv student {@code N/4}: Gender {@code Q}, a warning (value dropped, student kept);</li>
 *   <li>students.csv student {@code N/2}: First_name blank, an error (row skipped);</li>
 *   <li>students.csv student {@code 3N/4}: a School_id not in schools.csv, an error (row skipped);</li>
 *   <li>enrollments.csv: one row naming a Student_id that does not exist, an error;</li>
 *   <li>students_ext.csv: student {@code N/5}'s ext.migrant_status {@code Maybe}, a warning;</li>
 *   <li>students_ext.csv: a sis_id no students.csv row has, an error;</li>
 *   <li>students_ext.csv: student {@code 2N/3}'s sis_id a second time, an error.</li>
 * </ul>
 * Every tenth student's ext.section_504_status is {@code N} in students.csv and {@code Yes} in
 * students_ext.csv: seed 000's precedence makes it No.
 * It needs nothing but the JDK, so it also runs as a single source file:
 * {@code java src/test/java/org/rollcall/clever/CleverDistrictGenerator.java samples/clever 240}.
 */
public final class CleverDistrictGenerator {

    public static final long LEA_ID = 867530;
    public static final String LEA_NAME = "Rollcall Demo District";
    public static final int SAMPLE_STUDENTS = 240;
    /** The School_id of the one bad students.csv row that names a school the drop does not have. */
    public static final String UNKNOWN_SCHOOL_ID = "rdd-annex";
    /** The Student_id of the one bad enrollments.csv row. */
    public static final String UNKNOWN_STUDENT_ID = "900000000";

    static final List<String> STUDENT_HEADER = List.of("School_id", "Student_id", "Student_number", "State_id",
            "Last_name", "Middle_name", "First_name", "Grade", "Gender", "DOB", "Race", "Hispanic_Latino",
            "Home_language", "Ell_status", "Frl_status", "iep_status", "Graduation_year", "Student_street",
            "Student_city", "Student_state", "Student_zip", "Student_email", "ext.section_504_status",
            "Contact_name", "Contact_relationship", "Contact_type", "Contact_phone", "Contact_phone_type",
            "Contact_email", "Contact_sis_id");
    static final List<String> STUDENT_EXT_HEADER = List.of("sis_id", "ext.idea_indicator", "ext.disability_status",
            "ext.primary_disability_type", "ext.section_504_status", "ext.economic_disadvantage_status",
            "ext.migrant_status", "ext.title_i");
    static final List<String> SCHOOL_HEADER = List.of("School_id", "School_name", "School_number", "State_id",
            "NCES_id", "Low_grade", "High_grade", "School_address", "School_city", "School_state", "School_zip",
            "School_phone");
    static final List<String> ENROLLMENT_HEADER = List.of("School_id", "Section_id", "Student_id");

    // seed 000's supported values; the first rows take each in turn so every one appears
    static final List<String> GENDERS = List.of("M", "F", "X");
    static final List<String> RACES = List.of("A", "B", "I", "M", "P", "W");
    static final List<String> YES_NO = List.of("Y", "N");
    static final List<String> FRL = List.of("F", "R", "N");
    static final List<String> LANGUAGES = List.of(
            "English", "Albanian", "Amharic", "Arabic", "Bengali", "Bosnian", "Burmese", "Cantonese", "Chinese",
            "Dutch", "Farsi", "French", "German", "Hebrew", "Hindi", "Hmong", "Ilocano", "Japanese", "Javanese",
            "Karen", "Khmer", "Korean", "Laotian", "Latvian", "Malay", "Mandarin", "Nepali", "Oromo", "Polish",
            "Portuguese", "Punjabi", "Romanian", "Russian", "Samoan", "Serbian", "Somali", "Spanish", "Swahili",
            "Tagalog", "Tamil", "Telugu", "Thai", "Tigrinya", "Turkish", "Ukrainian", "Urdu", "Vietnamese");

    // invented names: common given names and family names, paired at random
    private static final List<String> FIRST_NAMES = List.of("Ava", "Liam", "Mateo", "Amara", "Kenji", "Priya",
            "Noah", "Fatima", "Elena", "Omar", "Hana", "Lucas", "Mei", "Tariq", "Ingrid", "Diego", "Aaliyah", "Ravi",
            "Sofia", "Emeka", "Nora", "Tomas", "Leila", "Caleb", "Yara", "Felix", "Imani", "Arjun", "Greta", "Malik",
            "Rosa", "Henrik", "Asha", "Jonah", "Mira", "Kofi", "Lena", "Andrés", "Renée", "Björn", "Chloé", "Sami",
            "Talia", "Owen", "Nadia", "Eli", "Keiko", "Marco");
    private static final List<String> LAST_NAMES = List.of("Alvarado", "Brennan", "Castellano", "Dahl", "Eze",
            "Fairbanks", "Gutiérrez", "Haddad", "Ishikawa", "Jovanović", "Kowalczyk", "Lindqvist", "Mbeki",
            "Novak", "Okafor", "Pereira", "Quintero", "Rasmussen", "Sandoval", "Takahashi", "Underhill",
            "Varga", "Whitcombe", "Xiong", "Yilmaz", "Zielinski", "O'Rourke", "Bellweather", "Marsh-Ortega",
            "Thornquist", "Abernethy", "Delacroix", "Esposito", "Fenwick", "Grünewald", "Halvorsen", "Iversen",
            "Kettering", "Larkspur", "Moreau", "Nakamura", "Ostrowski", "Pemberton", "Rinaldi", "Søndergaard",
            "Tran", "Voss", "Winslow", "Muñoz");
    private static final List<String> MIDDLE_NAMES = List.of("Grace", "James", "Marie", "Lee", "Anne", "Jose",
            "Kai", "Rose", "Ali", "Jean", "Elise", "Ray");
    private static final List<String> STREETS = List.of("Juniper Way", "Larkspur Lane", "Bluestem Road",
            "Prairie Smoke Court", "Basswood Avenue", "Heron Pond Drive", "Wild Ginger Trail", "Quarry Hill Road",
            "Tamarack Street", "Old Mill Road");
    private static final List<String> CITIES = List.of("Rollcall Springs", "Maple Hollow", "Cedar Bend");
    private static final List<String> ZIPS = List.of("55990", "55991", "55992");

    private static final LocalDate SCHOOL_YEAR_START = LocalDate.of(2026, 9, 1);

    /** A school of the demo district and the grades (0 = kindergarten) it serves. */
    record DemoSchool(String id, String name, String number, long stateId, String nces, int lowGrade, int highGrade,
                      String street, String phone, List<String> subjects) {

        String gradeLiteral(int grade) {
            return grade == 0 ? "K" : Integer.toString(grade);
        }
    }

    static final List<DemoSchool> SCHOOLS = List.of(
            new DemoSchool("rdd-es", "Juniper Hollow Elementary School", "101", 867530001L, "990000100001", 0, 5,
                    "400 Juniper Way", "(612) 555-0101", List.of("HR", "READ")),
            new DemoSchool("rdd-ms", "Larkspur Middle School", "201", 867530002L, "990000100002", 6, 8,
                    "1200 Larkspur Lane", "(612) 555-0102", List.of("ELA", "MATH", "SCI", "SS")),
            new DemoSchool("rdd-hs", "Bluestem High School", "301", 867530003L, "990000100003", 9, 12,
                    "75 Bluestem Road", "(612) 555-0103", List.of("ELA", "MATH", "SCI", "SS")));

    /** Where the deliberate problems landed (1-based physical lines) and how many rows were written. */
    public record Layout(int students, long genderWarningLine, long blankFirstNameLine, long unknownSchoolLine,
                         long unknownStudentEnrollmentLine, long enrollmentRows, long studentRows,
                         long extUnsupportedLine, long extUnknownSisIdLine, long extDuplicateSisIdLine) {
    }

    private CleverDistrictGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CleverDistrictGenerator <output-dir> <students>");
            System.exit(2);
        }
        Layout layout = generate(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("wrote " + layout.students() + " students and " + layout.enrollmentRows()
                + " section enrollments to " + args[0]);
    }

    /** Writes the four files into {@code dir} (created if needed), replacing any there. */
    public static Layout generate(Path dir, int students) throws IOException {
        if (students < 8) {
            throw new IllegalArgumentException("at least 8 students, so the bad rows do not collide");
        }
        Files.createDirectories(dir);
        writeSchools(dir.resolve("schools.csv"));
        int genderRow = students / 4;
        int blankNameRow = students / 2;
        int unknownSchoolRow = 3 * students / 4;
        int unknownEnrollmentAfter = students / 3;
        Random random = new Random(LEA_ID);
        Extensions ext = new Extensions(students);
        long enrollmentLine = 1;
        long unknownEnrollmentLine = 0;
        long studentLine = 1;
        long[] badLines = new long[3];
        try (Writer studentsOut = writer(dir.resolve("students.csv"));
             Writer enrollmentsOut = writer(dir.resolve("enrollments.csv"));
             Writer extOut = writer(dir.resolve("students_ext.csv"))) {
            row(studentsOut, STUDENT_HEADER);
            row(enrollmentsOut, ENROLLMENT_HEADER);
            row(extOut, STUDENT_EXT_HEADER);
            for (int i = 0; i < students; i++) {
                StudentRow s = student(i, random);
                if (i == genderRow) {
                    s.gender = "Q";
                } else if (i == blankNameRow) {
                    s.firstName = "";
                } else if (i == unknownSchoolRow) {
                    s.schoolId = UNKNOWN_SCHOOL_ID;
                }
                boolean bad = i == genderRow || i == blankNameRow || i == unknownSchoolRow;
                List<List<String>> contacts = ext.contacts(s, bad);
                for (List<String> contact : contacts) {
                    row(studentsOut, ext.studentRecord(s, contact));
                    studentLine++;
                }
                if (bad) {
                    badLines[i == genderRow ? 0 : i == blankNameRow ? 1 : 2] = studentLine - contacts.size() + 1;
                }
                ext.write(extOut, s);
                // rows the reader skips get no enrollments: they would only repeat the same error
                if (i != blankNameRow && i != unknownSchoolRow) {
                    for (List<String> e : s.enrollments()) {
                        row(enrollmentsOut, e);
                        enrollmentLine++;
                    }
                }
                if (i == unknownEnrollmentAfter) {
                    row(enrollmentsOut, List.of(s.school.id(), s.school.id() + "-" + s.school.subjects().get(0) + "-"
                            + s.school.gradeLiteral(s.grade) + "-1", UNKNOWN_STUDENT_ID));
                    enrollmentLine++;
                    unknownEnrollmentLine = enrollmentLine;
                }
            }
        }
        return new Layout(students, badLines[0], badLines[1], badLines[2], unknownEnrollmentLine,
                enrollmentLine - 1, studentLine - 1, ext.unsupportedLine, ext.unknownSisIdLine, ext.duplicateLine);
    }

    private static void writeSchools(Path file) throws IOException {
        try (Writer out = writer(file)) {
            row(out, SCHOOL_HEADER);
            for (DemoSchool s : SCHOOLS) {
                row(out, List.of(s.id(), s.name(), s.number(), Long.toString(s.stateId()), s.nces(),
                        s.gradeLiteral(s.lowGrade()), s.gradeLiteral(s.highGrade()), s.street(), "Rollcall Springs",
                        "MN", "55990", s.phone()));
            }
        }
    }

    /** One student's values; the generator spoils a few of them on purpose. */
    private static final class StudentRow {
        int index;
        DemoSchool school;
        String schoolId;
        int grade;
        String gradeText;
        String firstName;
        String middleName;
        String lastName;
        String gender;
        String dob;
        String race;
        String hispanic;
        String language;
        String ell;
        String frl;
        String iep;
        String street;
        String city;
        String zip;

        String studentId() {
            return Integer.toString(100000 + index);
        }

        List<String> fields() {
            return List.of(schoolId, studentId(), Integer.toString(24000000 + index),
                    String.format(Locale.ROOT, "99%08d", index), lastName, middleName, firstName, gradeText, gender,
                    dob, race, hispanic, language, ell, frl, iep, Integer.toString(2027 + 12 - grade), street, city,
                    "MN", zip, email());
        }

        /** Made from the names as written, so a spoiled name spoils nothing else. */
        String email() {
            String local = firstName.isEmpty() ? ascii(lastName) : ascii(firstName) + "." + ascii(lastName);
            return local + "." + studentId() + "@students.rollcall.example";
        }

        /** A homeroom and reading class in elementary school, four subjects after it. */
        List<List<String>> enrollments() {
            int section = 1 + index % (school.subjects().size() == 2 ? 3 : 4);
            return school.subjects().stream()
                    .map(subject -> List.of(school.id(), school.id() + "-" + subject + "-" + school.gradeLiteral(grade)
                            + "-" + section, studentId()))
                    .toList();
        }
    }

    private static StudentRow student(int i, Random random) {
        StudentRow s = new StudentRow();
        s.index = i;
        // the first 26 rows run K..12 twice; then grades are drawn
        s.grade = i < 26 ? i % 13 : random.nextInt(13);
        s.school = SCHOOLS.stream().filter(x -> s.grade >= x.lowGrade() && s.grade <= x.highGrade()).findFirst()
                .orElseThrow();
        s.schoolId = s.school.id();
        // both spellings SIS exports use: K and KG, 1 and 01
        if (s.grade == 0) {
            s.gradeText = i % 2 == 0 ? "K" : "KG";
        } else if (s.grade <= 9 && i % 4 == 2) {
            s.gradeText = "0" + s.grade;
        } else {
            s.gradeText = Integer.toString(s.grade);
        }
        s.firstName = switch (i) {
            case 1 -> "José";
            case 3 -> "Zoë";
            default -> pick(FIRST_NAMES, random);
        };
        s.lastName = i == 2 ? "Nguyễn" : pick(LAST_NAMES, random);
        s.middleName = random.nextBoolean() ? pick(MIDDLE_NAMES, random) : "";
        s.dob = birthDate(i, s.grade, random);
        s.gender = i < GENDERS.size() ? GENDERS.get(i) : weighted(random, GENDERS, 49, 49, 2);
        s.race = i < RACES.size() ? RACES.get(i) : weighted(random, List.of("W", "B", "A", "M", "I", "P", ""),
                48, 16, 11, 13, 4, 2, 6);
        s.hispanic = i < YES_NO.size() ? YES_NO.get(i) : random.nextInt(100) < 27 ? "Y" : "N";
        if (i < LANGUAGES.size()) {
            s.language = LANGUAGES.get(i);
        } else {
            int r = random.nextInt(100);
            s.language = r < 72 ? "English" : r < 90 ? "Spanish" : pick(LANGUAGES, random);
        }
        if (i < YES_NO.size()) {
            s.ell = i == 0 ? "N" : "Y";
        } else {
            s.ell = !s.language.equals("English") && random.nextInt(100) < 55 ? "Y" : "N";
        }
        s.frl = i < FRL.size() ? FRL.get(i) : weighted(random, FRL, 38, 9, 53);
        s.iep = i < YES_NO.size() ? YES_NO.get(i) : random.nextInt(100) < 14 ? "Y" : "N";
        s.street = (100 + random.nextInt(9800)) + " " + pick(STREETS, random)
                + (random.nextInt(10) == 0 ? ", Apt " + (1 + random.nextInt(30)) : "");
        s.city = pick(CITIES, random);
        s.zip = pick(ZIPS, random);
        return s;
    }

    /**
     * A birth date that fits the grade (a kindergartner turns 5 by September 1), written the three
     * ways drops carry dates: MM/DD/YYYY, M/D/YYYY and YYYY-MM-DD.
     */
    private static String birthDate(int i, int grade, Random random) {
        LocalDate latest = SCHOOL_YEAR_START.minusYears(5L + grade);
        LocalDate dob = latest.minusDays(random.nextInt(365));
        return switch (i % 5) {
            case 3 -> dob.toString();
            case 4 -> dob.getMonthValue() + "/" + dob.getDayOfMonth() + "/" + dob.getYear();
            default -> String.format(Locale.ROOT, "%02d/%02d/%04d", dob.getMonthValue(), dob.getDayOfMonth(),
                    dob.getYear());
        };
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String weighted(Random random, List<String> values, int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int k = 0; k < weights.length; k++) {
            r -= weights[k];
            if (r < 0) {
                return values.get(k);
            }
        }
        throw new IllegalStateException();
    }

    /** A name as it can go in an e-mail address: accents and punctuation dropped. */
    private static String ascii(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String folded = plain.replace("ø", "o").replace("Ø", "O").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return folded.isEmpty() ? "student" : folded;
    }

    /**
     * The contact columns of students.csv and the extension fields (students_ext.csv and the
     * appended ext.section_504_status column), drawn from their own seeded sequences.
     */
    private static final class Extensions {

        static final List<String> RELATIONSHIPS = List.of("Parent", "Grandparent", "Self", "Aunt/Uncle", "Sibling",
                "Other");
        static final List<String> OTHER_THAN_SELF = List.of("Parent", "Grandparent", "Aunt/Uncle", "Sibling",
                "Other");
        static final List<String> CONTACT_TYPES = List.of("Parent/Guardian", "Emergency", "Primary", "Secondary",
                "Family", "Other");
        static final List<String> PHONE_TYPES = List.of("Cell", "Home", "Work", "Other");
        static final List<String> DISABILITIES = List.of("AUT", "DB", "DD", "EMN", "HI", "ID", "MD", "OI", "OHI",
                "SLD", "SLI", "TBI", "VI");

        final Random contactRandom = new Random(LEA_ID + 1);
        final Random extRandom = new Random(LEA_ID + 2);
        final int unsupportedRow;
        final int duplicateRow;
        final int unknownAfter;
        long extLine = 1;
        long unsupportedLine;
        long unknownSisIdLine;
        long duplicateLine;
        int contactsMade;
        boolean selfMade;
        int disabilitiesMade;
        List<String> duplicateOf;

        Extensions(int students) {
            unsupportedRow = students / 5;
            duplicateRow = 2 * students / 3;
            unknownAfter = students / 3;
        }

        /** The student's row, the extension column and one contact (or none) at the end. */
        List<String> studentRecord(StudentRow s, List<String> contact) {
            List<String> out = new java.util.ArrayList<>(s.fields());
            // every tenth student: students.csv says N, students_ext.csv says Yes; students.csv wins
            out.add(s.index % 10 == 7 ? "N" : "");
            out.addAll(contact);
            return out;
        }

        /** One row's worth of contact columns per row the student gets: none, one, or two contacts. */
        List<List<String>> contacts(StudentRow s, boolean bad) {
            List<String> none = List.of("", "", "", "", "", "", "");
            if (s.index % 10 == 9) {
                return List.of(none);
            }
            List<List<String>> rows = new java.util.ArrayList<>();
            rows.add(contact(s, false));
            if (s.index % 4 == 1 && !bad) {
                rows.add(contact(s, true));
            }
            return rows;
        }

        private List<String> contact(StudentRow s, boolean second) {
            int k = contactsMade++;
            String first = pick(FIRST_NAMES, contactRandom);
            String last = contactRandom.nextInt(5) == 0 ? pick(LAST_NAMES, contactRandom) : s.lastName;
            // the first contacts take each relationship in turn; Self only for a twelfth grader, as their own contact
            String relationship = k < OTHER_THAN_SELF.size() ? OTHER_THAN_SELF.get(k)
                    : weighted(contactRandom, RELATIONSHIPS, 80, 8, 0, 4, 2, 5);
            if (s.grade == 12 && !second && !selfMade) {
                selfMade = true;
                relationship = "Self";
                first = s.firstName;
                last = s.lastName;
            }
            String name = k % 20 == 7 ? last + ", " + first : first + " " + last;
            String type = k < CONTACT_TYPES.size() ? CONTACT_TYPES.get(k)
                    : second ? weighted(contactRandom, List.of("Emergency", "Secondary"), 3, 1)
                    : weighted(contactRandom, CONTACT_TYPES, 70, 10, 10, 3, 4, 3);
            String phone = String.format(Locale.ROOT, "(612) 555-01%02d", contactRandom.nextInt(100));
            String phoneType = k < PHONE_TYPES.size() ? PHONE_TYPES.get(k)
                    : weighted(contactRandom, PHONE_TYPES, 70, 20, 8, 2);
            String email = contactRandom.nextInt(100) < 15 ? ""
                    : ascii(first) + "." + ascii(last) + "." + (700000 + k) + "@family.rollcall.example";
            // one in five has no Contact_sis_id: Rollcall derives a stable id for them
            String sisId = contactRandom.nextInt(5) == 0 ? "" : "G" + (700000 + k);
            return List.of(name, relationship, type, phone, phoneType, email, sisId);
        }

        /** The student's students_ext.csv record, and the deliberate bad records after some. */
        void write(Writer out, StudentRow s) throws IOException {
            int i = s.index;
            boolean iep = s.iep.equals("Y");
            boolean s504 = i % 10 == 7 || !iep && extRandom.nextInt(100) < 6;
            String idea = yesNo(iep, i);
            String disability = yesNo(iep || s504, i);
            String type = iep ? DISABILITIES.get(disabilitiesMade++ % DISABILITIES.size()) : i % 3 == 0 ? "null" : "";
            String econ = yesNo(!s.frl.equals("N"), i);
            String migrant = i == 5 || extRandom.nextInt(100) < 3 ? "Yes" : "No";
            if (i == unsupportedRow) {
                migrant = "Maybe";
            }
            String titleI = s.school.lowGrade() == 0 ? (i < 4 || extRandom.nextInt(100) < 40 ? "Yes" : "No")
                    : i % 7 == 0 ? "null" : "No";
            List<String> record = List.of(s.studentId(), idea, disability, type, s504 ? "Yes" : "No", econ, migrant,
                    titleI);
            row(out, record);
            extLine++;
            if (i == unsupportedRow) {
                unsupportedLine = extLine;
            }
            if (i == duplicateRow) {
                duplicateOf = record;
            }
            if (i == unknownAfter) {
                row(out, List.of(UNKNOWN_STUDENT_ID, "No", "No", "", "No", "No", "No", "No"));
                unknownSisIdLine = ++extLine;
            }
            if (i == duplicateRow + 1) {
                row(out, duplicateOf);
                duplicateLine = ++extLine;
            }
        }

        /** Yes/No as CEDS writes it, now and then as Clever's Y/N or in lower case, which are accepted too. */
        private static String yesNo(boolean yes, int i) {
            String v = yes ? "Yes" : "No";
            return i % 7 == 3 ? v.substring(0, 1) : i % 11 == 5 ? v.toLowerCase(Locale.ROOT) : v;
        }
    }

    private static Writer writer(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    /** One CSV record, LF-terminated; a field is quoted only when it holds a comma, quote or line break. */
    private static void row(Writer out, List<String> fields) throws IOException {
        for (int k = 0; k < fields.size(); k++) {
            if (k > 0) {
                out.write(',');
            }
            String f = fields.get(k);
            if (f.indexOf(',') >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0) {
                out.write('"');
                out.write(f.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(f);
            }
        }
        out.write('\n');
    }
}
