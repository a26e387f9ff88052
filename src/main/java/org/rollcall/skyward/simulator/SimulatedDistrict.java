package org.rollcall.skyward.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rollcall.model.StudentStatus;

/**
 * A synthetic Qmlativ district, generated deterministically from a seed and dated relative to
 * "today": school years, entities, schools, grade references, entry and withdrawal codes (with and
 * without Ed-Fi descriptor ids), students with their names, entity years and entry/withdrawal
 * records, and parents/guardians with their relationships.
 *
 * <p>Students come in a fixed rotation of {@link Kind}s, one for every case of seed 002's status
 * rule, so a test knows what each student's status must be without re-implementing the rule.
 */
public final class SimulatedDistrict {

    /** The enrollment history a generated student has, and the status seed 002 gives it (null: outside the window). */
    public enum Kind {
        ENROLLED(StudentStatus.ENROLLED),
        TWO_SCHOOLS(StudentStatus.ENROLLED),
        ENDS_TODAY(StudentStatus.ENROLLED),
        SAME_DAY_TODAY(StudentStatus.ENROLLED),
        SUMMER(StudentStatus.ENROLLED),
        PRE_ENROLLED(StudentStatus.PRE_ENROLLED),
        GRADUATED(StudentStatus.GRADUATED),
        INACTIVE(StudentStatus.INACTIVE),
        CECS_ONLY_CURRENT(StudentStatus.INACTIVE),
        CECS_AND_HOME(StudentStatus.ENROLLED),
        OUT_OF_WINDOW(null);

        public final StudentStatus expected;

        Kind(StudentStatus expected) {
            this.expected = expected;
        }
    }

    /** One in twenty students is of each special kind; the other half are plainly enrolled. */
    private static final Kind[] ROTATION = {
        Kind.ENROLLED, Kind.TWO_SCHOOLS, Kind.ENROLLED, Kind.ENDS_TODAY, Kind.ENROLLED, Kind.SAME_DAY_TODAY,
        Kind.ENROLLED, Kind.SUMMER, Kind.ENROLLED, Kind.PRE_ENROLLED, Kind.ENROLLED, Kind.GRADUATED,
        Kind.ENROLLED, Kind.INACTIVE, Kind.ENROLLED, Kind.CECS_ONLY_CURRENT, Kind.ENROLLED, Kind.CECS_AND_HOME,
        Kind.ENROLLED, Kind.OUT_OF_WINDOW
    };

    private static final String[] FIRST = {"Ava", "Liam", "Sofia", "Noah", "Mia", "Mateo", "Amara", "Kai", "Zoe", "Omar",
        "Lena", "Diego", "Priya", "Ethan", "Hana", "Luca", "Nia", "Arjun", "Elena", "Tomas"};
    private static final String[] LAST = {"Garcia", "Nguyen", "Smith", "Patel", "Johnson", "Kim", "Lopez", "Brown",
        "Okafor", "Martinez", "Chen", "Davis", "Hernandez", "Wilson", "Ali", "Moore", "Rossi", "Clark"};
    private static final String[] GRADES = {"PK", "KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"};
    private static final String[] LANGUAGES = {"eng", "spa", "vie", "ara", "chi"};

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<ObjectNode>> tables = new LinkedHashMap<>();
    private final Map<String, Kind> kindByStudentNumber = new HashMap<>();
    private final LocalDate today;
    private final long currentYearId = 2;
    private final LocalDate currentYearStart;
    private final LocalDate currentYearEnd;
    private int schools;

    private SimulatedDistrict(LocalDate today) {
        this.today = today;
        int startYear = today.getMonthValue() >= 7 ? today.getYear() : today.getYear() - 1;
        this.currentYearStart = LocalDate.of(startYear, 7, 1);
        this.currentYearEnd = LocalDate.of(startYear + 1, 6, 30);
    }

    public static SimulatedDistrict generate(int students, long seed, LocalDate today) {
        SimulatedDistrict d = new SimulatedDistrict(today);
        d.build(students, seed);
        return d;
    }

    /** The rows of an object such as {@code Enrollment/EntryWithdrawal}; empty for an unknown object. */
    public List<ObjectNode> rows(String object) {
        return tables.getOrDefault(object, List.of());
    }

    public boolean hasObject(String object) {
        return tables.containsKey(object);
    }

    /** The kind of student behind a StudentNumber. */
    public Kind kindOf(String studentNumber) {
        return kindByStudentNumber.get(studentNumber);
    }

    /** How many students of the district seed 002 imports, per expected status. */
    public Map<StudentStatus, Long> expectedStatusCounts() {
        Map<StudentStatus, Long> out = new EnumMap<>(StudentStatus.class);
        kindByStudentNumber.values().stream().filter(k -> k.expected != null)
                .forEach(k -> out.merge(k.expected, 1L, Long::sum));
        return out;
    }

    /** Students a run must import (those with an enrollment in seed 002's window). */
    public long importedStudents() {
        return kindByStudentNumber.values().stream().filter(k -> k.expected != null).count();
    }

    public int schoolCount() {
        return schools;
    }

    private List<ObjectNode> table(String object) {
        return tables.computeIfAbsent(object, k -> new ArrayList<>());
    }

    private void build(int students, long seed) {
        int startYear = currentYearStart.getYear();
        for (int i = 1; i <= 3; i++) {
            int y = startYear + i - 2;
            table("District/SchoolYear").add(row("SchoolYearID", i, "Description", y + "-" + (y + 1),
                    "NumericYear", y + 1, "IsCurrentYearForProvidedEntity", i == currentYearId,
                    "IsUpcomingYearForProvidedEntity", i == currentYearId + 1));
        }
        for (int g = 0; g < GRADES.length; g++) {
            table("Enrollment/GradeReference").add(row("GradeReferenceID", g + 1, "GradeLevelCode", GRADES[g],
                    "SchoolYearID", currentYearId));
        }
        schools = Math.max(3, Math.min(40, students / 500));
        table("District/Entity").add(row("EntityID", 1, "Code", "DIST", "Name", "Demo District", "IsDistrictWide", true,
                "SchoolYearIDCurrent", currentYearId));
        for (int s = 1; s <= schools; s++) {
            int band = (s - 1) % 3;
            int low = band == 0 ? 1 : band == 1 ? 8 : 11;
            int high = band == 0 ? 7 : band == 1 ? 10 : 14;
            String kind = band == 0 ? "Elementary" : band == 1 ? "Middle" : "High";
            table("District/Entity").add(row("EntityID", s + 1, "Code", String.format("S%02d", s),
                    "Name", kind + " School " + s, "IsDistrictWide", false, "SchoolYearIDCurrent", currentYearId));
            table("Enrollment/School").add(row("SchoolID", s, "Name", kind + " School " + s,
                    "SchoolNumber", String.format("%03d", s), "StateAssignedID", String.format("%03d", 100 + s),
                    "EdFiSchoolID", 255901000L + s, "GradeLevelIDLow", low, "GradeLevelIDHigh", high,
                    "SchoolYearID", currentYearId));
            table("Enrollment/EntitySchool").add(row("EntitySchoolID", s, "EntityID", s + 1, "SchoolID", s,
                    "IsDefaultEntityForSchool", true, "IsDefaultSchoolForEntity", true));
        }
        // Ed-Fi descriptor tables as Qmlativ carries them; some codes point at them, others need the crosswalk
        table("EdFi/EntryTypeDescriptor").add(row("EntryTypeDescriptorID", 1, "CodeValue", "New to education system"));
        table("EdFi/EntryTypeDescriptor").add(row("EntryTypeDescriptorID", 2, "CodeValue", "Transfer"));
        table("EdFi/ExitWithdrawTypeDescriptor").add(row("ExitWithdrawTypeDescriptorID", 1, "CodeValue", "Graduated"));
        table("EdFi/ExitWithdrawTypeDescriptor").add(row("ExitWithdrawTypeDescriptorID", 2, "CodeValue", "Withdrawn"));
        table("Enrollment/EntryCode").add(row("EntryCodeID", 1, "Code", "E1", "Description", "New to district",
                "EdFiEntryTypeDescriptorID", 1));
        table("Enrollment/EntryCode").add(row("EntryCodeID", 2, "Code", "E2", "Description", "Transfer in",
                "EdFiEntryTypeDescriptorID", null));
        table("Enrollment/EntryCode").add(row("EntryCodeID", 3, "Code", "R1", "Description", "Re-entry",
                "EdFiEntryTypeDescriptorID", null));
        String[][] withdrawals = {{"01", "Graduated", "1"}, {"82", "Enrolled outside Texas", null},
            {"81", "Private school in Texas", null}, {"98", "Other", "2"}, {"CECS", "Cross-entity course", null},
            {"EOY", "End of year", null}};
        for (int w = 0; w < withdrawals.length; w++) {
            table("Enrollment/WithdrawalCode").add(row("WithdrawalCodeID", w + 1, "Code", withdrawals[w][0],
                    "Description", withdrawals[w][1], "EdFiExitWithdrawTypeDescriptorID",
                    withdrawals[w][2] == null ? null : Long.parseLong(withdrawals[w][2])));
        }
        String[][] languages = {{"eng", "English"}, {"spa", "Spanish"}, {"vie", "Vietnamese"}, {"ara", "Arabic"}, {"chi", "Chinese"}};
        for (int l = 0; l < languages.length; l++) {
            table("Demographics/Language").add(row("LanguageID", l + 1, "Code", languages[l][0], "Description", languages[l][1]));
        }
        String[][] relations = {{"MO", "Mother"}, {"FA", "Father"}, {"GU", "Guardian"}, {"GP", "Grandparent"}, {"SM", "Stepmother"}};
        for (int r = 0; r < relations.length; r++) {
            table("Demographics/RelationshipType").add(row("RelationshipTypeID", r + 1, "Code", relations[r][0],
                    "Description", relations[r][1]));
        }
        table("Enrollment/StudentEntityYear");
        table("Enrollment/EntryWithdrawal");
        table("Demographics/NameRelationship");
        for (int i = 0; i < students; i++) {
            student(i, new Random(seed * 1_000_003L + i));
        }
        table("Demographics/Name").sort((a, b) -> Long.compare(a.get("NameID").asLong(), b.get("NameID").asLong()));
    }

    private void student(int i, Random rnd) {
        Kind kind = ROTATION[i % ROTATION.length];
        long studentId = 1000 + i;
        long nameId = 100_000 + i;
        String number = String.format("%07d", 2_000_000 + i);
        kindByStudentNumber.put(number, kind);
        int school = 1 + i % schools;
        int band = (school - 1) % 3;
        int grade = (band == 0 ? 1 : band == 1 ? 8 : 11) + rnd.nextInt(band == 0 ? 7 : band == 1 ? 3 : 4) - 1;
        int other = 1 + (school % schools);
        int lang = rnd.nextInt(10) < 7 ? 1 : 2 + rnd.nextInt(LANGUAGES.length - 1);
        table("Student/Student").add(row("StudentID", studentId, "NameID", nameId, "StudentNumber", number,
                "StudentStateID", "TX" + (9_000_000 + i), "LanguageIDPrimary", lang, "GradYear", 2039 - grade));
        String gender = rnd.nextInt(50) == 0 ? "X" : rnd.nextBoolean() ? "F" : "M";
        String last = LAST[rnd.nextInt(LAST.length)];
        ObjectNode name = row("NameID", nameId, "FirstName", FIRST[rnd.nextInt(FIRST.length)],
                "MiddleName", rnd.nextInt(3) == 0 ? FIRST[rnd.nextInt(FIRST.length)] : null, "LastName", last,
                "BirthDate", today.minusYears(5 + grade).minusDays(rnd.nextInt(365)).toString(), "Gender", gender,
                "IsHispanic", rnd.nextInt(4) == 0, "IsAlaskan", rnd.nextInt(40) == 0, "IsAsian", rnd.nextInt(8) == 0,
                "IsBlack", rnd.nextInt(6) == 0, "IsHawaiian", rnd.nextInt(60) == 0, "IsWhite", rnd.nextInt(2) == 0,
                "IsStudentName", true, "IsCurrentStudent", kind.expected != null && !kind.expected.isExited());
        table("Demographics/Name").add(name);
        // parents and guardians: one or two; every fifth student also has a non-guardian emergency contact
        int guardians = 1 + rnd.nextInt(2);
        for (int g = 0; g < guardians; g++) {
            long gid = 500_000 + 2L * i + g;
            boolean mother = g == 0;
            table("Demographics/Name").add(row("NameID", gid, "FirstName", FIRST[rnd.nextInt(FIRST.length)],
                    "MiddleName", null, "LastName", last, "BirthDate", null, "Gender", mother ? "F" : "M",
                    "IsStudentName", false, "IsCurrentStudent", false));
            table("Demographics/NameRelationship").add(row("NameRelationshipID", 10L * i + g, "NameID", nameId,
                    "NameIDRelated", gid, "RelationshipTypeID", i % 7 == 0 ? 3 : mother ? 1 : 2, "IsGuardian", true,
                    "LivesWithStudent", rnd.nextInt(5) != 0, "IsEmergencyContact", true, "ContactOrder", g + 1));
        }
        if (i % 5 == 0) {
            long gp = 900_000 + i;
            table("Demographics/Name").add(row("NameID", gp, "FirstName", FIRST[rnd.nextInt(FIRST.length)],
                    "MiddleName", null, "LastName", LAST[rnd.nextInt(LAST.length)], "BirthDate", null, "Gender", "F",
                    "IsStudentName", false, "IsCurrentStudent", false));
            table("Demographics/NameRelationship").add(row("NameRelationshipID", 10L * i + 5, "NameID", nameId,
                    "NameIDRelated", gp, "RelationshipTypeID", 4, "IsGuardian", false, "LivesWithStudent", false,
                    "IsEmergencyContact", true, "ContactOrder", 3));
        }
        LocalDate yearStart = currentYearStart.plusDays(47);
        switch (kind) {
            case ENROLLED -> enrollment(studentId, school, grade, yearStart.isAfter(today) ? today : yearStart, null, null, 1);
            case TWO_SCHOOLS -> {
                enrollment(studentId, school, grade, today.minusDays(30), null, null, 1);
                enrollment(studentId, other, grade, today.minusDays(10), null, null, 2);
            }
            case ENDS_TODAY -> enrollment(studentId, school, grade, today.minusDays(60), today, "82", 1);
            case SAME_DAY_TODAY -> enrollment(studentId, school, grade, today, today, "98", 2);
            case SUMMER -> {
                enrollment(studentId, school, grade, today.minusDays(300), today.minusDays(20), "EOY", 1);
                enrollment(studentId, school, grade, today.plusDays(20), null, null, 3);
            }
            case PRE_ENROLLED -> enrollment(studentId, school, grade, today.plusDays(40), null, null, 1);
            case GRADUATED -> enrollment(studentId, school, grade, today.minusDays(250), today.minusDays(30), "01", 1);
            case INACTIVE -> {
                enrollment(studentId, school, grade, today.minusDays(340), today.minusDays(200), "01", 1);
                enrollment(studentId, other, grade, today.minusDays(190), today.minusDays(45), "82", 2);
            }
            case CECS_ONLY_CURRENT -> {
                enrollment(studentId, school, grade, today.minusDays(200), today.minusDays(60), "81", 1);
                enrollment(studentId, other, grade, today.minusDays(20), null, "CECS", 2);
            }
            case CECS_AND_HOME -> {
                enrollment(studentId, school, grade, today.minusDays(25), null, null, 1);
                enrollment(studentId, other, grade, today.minusDays(20), null, "CECS", 2);
            }
            case OUT_OF_WINDOW -> enrollment(studentId, school, grade, today.minusDays(900), today.minusDays(700), "82", 1);
        }
    }

    private void enrollment(long studentId, int school, int grade, LocalDate start, LocalDate end, String withdrawal,
                            int entryCode) {
        long yearId = start.isBefore(currentYearStart) ? currentYearId - 1 : start.isAfter(currentYearEnd) ? currentYearId + 1
                : currentYearId;
        List<ObjectNode> ew = table("Enrollment/EntryWithdrawal");
        Long withdrawalId = null;
        if (withdrawal != null) {
            for (ObjectNode w : rows("Enrollment/WithdrawalCode")) {
                if (w.get("Code").asText().equals(withdrawal)) {
                    withdrawalId = w.get("WithdrawalCodeID").asLong();
                }
            }
        }
        ew.add(row("EntryWithdrawalID", 1L + ew.size(), "StudentID", studentId, "EntityID", school + 1, "SchoolID", school,
                "SchoolYearID", yearId, "GradeReferenceID", grade + 1, "StartDate", start.toString(),
                "EndDate", end == null ? null : end.toString(), "WithdrawalDate", end == null ? null : end.toString(),
                "EntryCodeID", entryCode, "WithdrawalCodeID", withdrawalId, "IsDefaultEntity", !"CECS".equals(withdrawal)));
        List<ObjectNode> sey = table("Enrollment/StudentEntityYear");
        sey.add(row("StudentEntityYearID", 1L + sey.size(), "StudentID", studentId, "EntityID", school + 1,
                "SchoolYearID", yearId, "Grade", GRADES[grade], "IsActive", end == null || !end.isBefore(today),
                "IsDefaultEntity", !"CECS".equals(withdrawal)));
    }

    private static ObjectNode row(Object... kv) {
        ObjectNode n = JSON.createObjectNode();
        for (int i = 0; i < kv.length; i += 2) {
            String k = (String) kv[i];
            Object v = kv[i + 1];
            if (v == null) {
                n.putNull(k);
            } else if (v instanceof Boolean b) {
                n.put(k, b);
            } else if (v instanceof Integer x) {
                n.put(k, x.longValue());
            } else if (v instanceof Long x) {
                n.put(k, x);
            } else {
                n.put(k, v.toString());
            }
        }
        return n;
    }
}
