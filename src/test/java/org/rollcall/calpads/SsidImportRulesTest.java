package org.rollcall.calpads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.Student;
import org.rollcall.registry.Overlay;

/** Seed 003's import requirements for SSID Download files, each rule checked through a whole import. */
class SsidImportRulesTest {

    static final String ANNA = "3375176^0113100^%s^1234567^%s^%s^%s^%s^%s^20140813^KN^^";

    @TempDir
    Path dir;

    private CalpadsFixture f;

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.close();
        }
    }

    private CalpadsFixture fixture(Map<String, String> extra) {
        f = new CalpadsFixture(dir, extra);
        return f;
    }

    private static String anna(String ssid, String last, String first, String middle, String gender, String birth) {
        return String.format(ANNA, ssid, last, first, middle, gender, birth);
    }

    private static Student annaInSis(String stateId) {
        return CalpadsFixture.student("1234567", "Anna", "May", "Student", "1997-10-02", "F", stateId);
    }

    private static List<String> messages(CalpadsImports.Outcome o) {
        return CalpadsFixture.detailLines(o).stream().map(l -> l.substring(7).replaceAll("\\. Data File:.*", ""))
                .toList();
    }

    @Test
    @DisplayName("seed 003: the download file and the student record must match exactly for Local Student Number, "
            + "First Name, Middle Name, Last Name, Birthdate, and Gender in order to import the SSID")
    void everyFieldMustMatchToImport() {
        fixture(Map.of()).register(annaInSis(null));
        Path file = f.file("exact.txt",
                anna("4455667788", "Student", "Anna", "May", "F", "19971002"),
                anna("4455667788", "Student", "Ana", "May", "F", "19971002").replace("1234567", "1234568"),
                anna("4455667788", "Studant", "Anna", "May", "F", "19971002").replace("1234567", "1234569"));
        f.register(CalpadsFixture.student("1234568", "Anna", "May", "Student", "1997-10-02", "F", null),
                CalpadsFixture.student("1234569", "Anna", "May", "Student", "1997-10-02", "F", null));
        // one file, three students: only the exact match is importable; the SSID is then claimed by line 1
        CalpadsImports.Outcome o = f.test(file, ImportType.SSID);
        assertThat(messages(o)).containsExactly(
                "First Name ('Ana') does not match the student's ('Anna') for localStudentID (1234568)",
                "Last Name ('Studant') does not match the student's ('Student') for localStudentID (1234569)");
        assertThat(o.wouldImport()).isEqualTo(1);
        assertThat(o.errors()).isEqualTo(2);
    }

    @Test
    @DisplayName("seed 003: a Middle Name, Birthdate or Gender that does not match is fatal: the SSID is not imported "
            + "and the fatal error reports")
    void middleNameBirthDateAndGenderMismatchesAreFatal() {
        fixture(Map.of()).register(annaInSis(null));
        for (String line : List.of(anna("4455667788", "Student", "Anna", "", "F", "19971002"),
                anna("4455667788", "Student", "Anna", "May", "F", "19971003"),
                anna("4455667788", "Student", "Anna", "May", "M", "19971002"))) {
            CalpadsImports.Outcome o = f.update(f.file("one.txt", line), ImportType.SSID);
            assertThat(o.errors()).as(line).isEqualTo(1);
            assertThat(o.imported()).isZero();
            assertThat(f.entry("1234567").currentStateId()).isNull();
        }
    }

    @Test
    @DisplayName("seed 003: when there are mismatches in a warning, the SSID is imported and the warning is reported "
            + "(calpads.fatal without gender)")
    void aMismatchConfiguredAsAWarningImportsAndReports() {
        fixture(Map.of("rollcall.district.demo.calpads.fatal", "first-name,middle-name,last-name,birth-date"))
                .register(annaInSis(null));
        CalpadsImports.Outcome o = f.update(f.file("w.txt", anna("4455667788", "STUDENT", "ANNA", "MAY", "M", "19971002")),
                ImportType.SSID);
        assertThat(messages(o)).containsExactly(
                "Gender ('M') does not match the student's legal gender ('F') for localStudentID (1234567)");
        assertThat(CalpadsFixture.detailLines(o).get(0)).doesNotStartWith("WARNING");
        assertThat(o.imported()).isEqualTo(1);
        assertThat(o.errors()).isZero();
        assertThat(f.entry("1234567").currentStateId()).isEqualTo("4455667788");
        assertThat(f.delivered).extracting(e -> e.overlay().ssid()).containsExactly("4455667788");
        assertThat(f.lineages).containsExactly(Lineage.of("w.txt", 1));
    }

    @Test
    @DisplayName("seed 003: names match whatever their letter case and accents (a CALPADS JOSE is the SIS's José)")
    void namesIgnoreCaseAndAccents() {
        fixture(Map.of()).register(CalpadsFixture.student("1234567", "José", "María", "Núñez", "1997-10-02", "F", null));
        CalpadsImports.Outcome o = f.update(f.file("case.txt", anna("4455667788", "NUNEZ", "JOSE", "maria", "F",
                "19971002")), ImportType.SSID);
        assertThat(o.errors()).isZero();
        assertThat(o.imported()).isEqualTo(1);
    }

    @Test
    @DisplayName("seed 003: 'StateID being imported already exists for localStudentID (X)': the student has it, "
            + "nothing to import, not an error")
    void anSsidTheStudentHasIsANotice() {
        fixture(Map.of()).register(annaInSis("4455667788"));
        CalpadsImports.Outcome o = f.update(f.file("same.txt", anna("4455667788", "Student", "Anna", "May", "F",
                "19971002")), ImportType.SSID);
        assertThat(messages(o)).containsExactly("StateID being imported already exists for localStudentID (1234567)");
        assertThat(o.errors()).isZero();
        assertThat(o.imported()).isZero();
        assertThat(f.delivered).isEmpty();
    }

    @Test
    @DisplayName("seed 003: 'StateID being imported already exists for localStudentID (X)' naming another student "
            + "who holds it: fatal, not imported")
    void anSsidAnotherStudentHoldsIsFatal() {
        fixture(Map.of()).register(annaInSis(null),
                CalpadsFixture.student("7654321", "Bea", null, "Other", "1998-01-01", "F", "4455667788"));
        CalpadsImports.Outcome o = f.update(f.file("other.txt", anna("4455667788", "Student", "Anna", "May", "F",
                "19971002")), ImportType.SSID);
        assertThat(messages(o)).containsExactly("StateID being imported already exists for localStudentID (7654321)");
        assertThat(o.errors()).isEqualTo(1);
        assertThat(f.entry("1234567").currentStateId()).isNull();
    }

    @Test
    @DisplayName("seed 003: 'StateID (A) being imported cannot overwrite current stateID (B)', also when B came from "
            + "an earlier import")
    void anSsidCannotOverwriteTheCurrentOne() {
        fixture(Map.of()).register(annaInSis(null));
        f.overlay("1234567", Overlay.NONE.withSsid("123456789", "earlier"));
        CalpadsImports.Outcome o = f.update(f.file("conflict.txt", anna("4455667788", "Student", "Anna", "May", "F",
                "19971002")), ImportType.SSID);
        assertThat(messages(o)).containsExactly(
                "StateID (4455667788) being imported cannot overwrite current stateID (123456789)");
        assertThat(f.entry("1234567").currentStateId()).isEqualTo("123456789");
    }

    @Test
    @DisplayName("seed 003: a Gender of X (non-binary) with a Legal Gender of F is matched on the legal gender")
    void aNonBinaryStudentIsMatchedOnLegalGender() {
        fixture(Map.of());
        Student s = annaInSis(null);
        f.register(new Student(s.source(), s.uniqueId(), s.sourceId(), s.studentNumber(), null, s.legalName(), null,
                s.birthDate(), "X", "F", s.races(), s.hispanicLatino(), s.homeLanguage(), s.languages(), s.programs(),
                null, null, s.grade(), null, List.of(), s.lineage()));
        CalpadsImports.Outcome o = f.update(f.file("x.txt", anna("4455667788", "Student", "Anna", "May", "F",
                "19971002")), ImportType.SSID);
        assertThat(o.errors()).isZero();
        assertThat(o.imported()).isEqualTo(1);
    }

    @Test
    @DisplayName("seed 003: a Gender of X with no Legal Gender M or F cannot match the file's gender, and the report says why")
    void aNonBinaryStudentWithoutLegalGenderIsReported() {
        fixture(Map.of());
        Student s = annaInSis(null);
        f.register(new Student(s.source(), s.uniqueId(), s.sourceId(), s.studentNumber(), null, s.legalName(), null,
                s.birthDate(), "X", null, s.races(), s.hispanicLatino(), s.homeLanguage(), s.languages(), s.programs(),
                null, null, s.grade(), null, List.of(), s.lineage()));
        CalpadsImports.Outcome o = f.test(f.file("x.txt", anna("4455667788", "Student", "Anna", "May", "F", "19971002")),
                ImportType.SSID);
        assertThat(messages(o)).singleElement().asString().contains("non-binary").contains("no legal gender");
        assertThat(o.errors()).isEqualTo(1);
    }

    @Test
    @DisplayName("seed 003 (fatal, formats.md 5.7): a local number the registry does not know is not imported; a "
            + "student with the same birth date and a similar name is named as a hint")
    void anUnknownLocalNumberIsFatalWithAHint() {
        fixture(Map.of()).register(annaInSis(null));
        CalpadsImports.Outcome o = f.test(f.file("typo.txt", anna("4455667788", "Student", "Anna", "May", "F", "19971002")
                .replace("^1234567^", "^1234576^")), ImportType.SSID);
        assertThat(messages(o)).containsExactly("localStudentID (1234576) does not match a student in Rollcall's "
                + "registry; a student with the same birth date and a similar name has localStudentID (1234567)");
    }

    @Test
    @DisplayName("formats.md 5.7: a local number two students of the SIS hold, or that the file names twice, is fatal")
    void ambiguousAndRepeatedLocalNumbersAreFatal() {
        fixture(Map.of());
        Student other = new Student("clever", "u9", "c9", "1234567", null, PersonName.of("Zed", null, "Other"), null,
                java.time.LocalDate.parse("2001-01-01"), "M", null, List.of(), null, null, List.of(), Map.of(), null,
                null, null, null, List.of(), Lineage.of("students.csv", 3));
        org.rollcall.registry.RegistryIntake intake = new org.rollcall.registry.RegistryIntake(f.registry,
                CalpadsFixture.DISTRICT, "sis-1", false, CalpadsFixture.NONE, CalpadsFixture.WORK);
        intake.student(annaInSis(null), CalpadsFixture.context());
        intake.student(other, CalpadsFixture.context());
        intake.finish();
        String line = anna("4455667788", "Student", "Anna", "May", "F", "19971002");
        CalpadsImports.Outcome o = f.test(f.file("twice.txt", line, line), ImportType.SSID);
        assertThat(messages(o)).containsExactly(
                "localStudentID (1234567) is held by more than one student of the SIS",
                "localStudentID (1234567) appears again; its first line is 1");
    }
}
