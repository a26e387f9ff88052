package org.rollcall.calpads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.model.PersonName;
import org.rollcall.registry.Overlay;
import org.rollcall.registry.RegistryEntry;

/** Seed 003, "Overwrite Logic" and "Warning Messages", for the ELA data of a line. */
class ElaOverwriteTest {

    static final ElaStatuses TABLE = ElaStatuses.load(Path.of("config/calpads/ela-status.csv"));
    static final LocalDate START = LocalDate.of(2024, 9, 3);
    static final LocalDate EARLIER = LocalDate.of(2023, 8, 28);

    @TempDir
    Path dir;

    private CalpadsFixture f;

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.close();
        }
    }

    private static Overlay status(String code) {
        return ElaOverwrite.status(Overlay.NONE, code, START, TABLE, null, "i1").overlay();
    }

    private static Overlay lepRecord(String ela, String status, LocalDate identified) {
        return Overlay.NONE.withLep(ela, status, identified, null, null, "earlier");
    }

    @Test
    @DisplayName("seed 003: IFEP in the file overwrites the LEP Program Status Code to Not LEP")
    void ifepIsNotLep() {
        assertThat(status("IFEP").lepStatus()).isEqualTo("Not LEP");
    }

    @Test
    @DisplayName("seed 003: EL in the file overwrites the LEP Program Status Code to LEP")
    void elIsLep() {
        assertThat(status("EL").lepStatus()).isEqualTo("LEP");
    }

    @Test
    @DisplayName("seed 003: RFEP in the file overwrites the LEP Program Status Code to Exited LEP")
    void rfepIsExitedLep() {
        assertThat(status("RFEP").lepStatus()).isEqualTo("Exited LEP");
    }

    @Test
    @DisplayName("seed 003: TBD in the file overwrites the LEP Program Status Code to Pending, and an ELA Start Date "
            + "is inserted into the TBD Date on the student's EL record")
    void tbdIsPendingWithTheStartDateAsTbdDate() {
        Overlay o = status("TBD");
        assertThat(o.lepStatus()).isEqualTo("Pending");
        assertThat(o.tbdDate()).isEqualTo(START);
        assertThat(o.identifiedDate()).isNull();
    }

    @Test
    @DisplayName("seed 003: The EL Program Status is updated to EO; ELAS Status of EO: the ELAS Start Date is "
            + "imported to the EL Identified Date field")
    void eoIsEoWithTheStartDateAsIdentifiedDate() {
        Overlay o = status("EO");
        assertThat(o.lepStatus()).isEqualTo("EO");
        assertThat(o.identifiedDate()).isEqualTo(START);
    }

    @Test
    @DisplayName("seed 003: ELA Start Date overwrites the Identified Date field in LEP")
    void theStartDateOverwritesTheIdentifiedDate() {
        ElaOverwrite.Result r = ElaOverwrite.status(lepRecord("EL", "LEP", EARLIER), "EL", START, TABLE, null, "i1");
        assertThat(r.overlay().identifiedDate()).isEqualTo(START);
        assertThat(r.changed()).isTrue();
    }

    @Test
    @DisplayName("seed 003: when there is no existing LEP data for the student, but the ELAS Status and ELAS Start "
            + "Date fields exist in the file, that information is added to the LEP record")
    void aStudentWithoutLepDataGetsARecordAndNoWarning() {
        ElaOverwrite.Result r = ElaOverwrite.status(Overlay.NONE, "EL", START, TABLE,
                "uri://ed-fi.org/LimitedEnglishProficiencyDescriptor#Limited", "i1");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.overlay().hasLepRecord()).isTrue();
        assertThat(r.overlay().lepStatus()).isEqualTo("LEP");
        assertThat(r.overlay().identifiedDate()).isEqualTo(START);
        assertThat(r.overlay().lepUri()).endsWith("#Limited");
    }

    @Test
    @DisplayName("seed 003: ELA Status does not match - ELA Status on the file does not match LEP Program")
    void aDifferentStatusWarnsAndIsOverwritten() {
        ElaOverwrite.Result r = ElaOverwrite.status(lepRecord("EL", "LEP", START), "RFEP", START, TABLE, null, "i1");
        assertThat(r.warnings()).containsExactly(new ElaOverwrite.Warning(Check.ELA_STATUS, "RFEP", "LEP"));
        assertThat(r.overlay().lepStatus()).isEqualTo("Exited LEP");
    }

    @Test
    @DisplayName("seed 003: ELA Start Date does not match - ELA Start Date on the file does not match LEP Identified Date")
    void aDifferentStartDateWarns() {
        ElaOverwrite.Result r = ElaOverwrite.status(lepRecord("EL", "LEP", EARLIER), "EL", START, TABLE, null, "i1");
        assertThat(r.warnings()).containsExactly(new ElaOverwrite.Warning(Check.ELA_START_DATE, START.toString(),
                EARLIER.toString()));
    }

    @Test
    @DisplayName("seed 003: the same status and start date neither warn nor change the LEP record")
    void theSameDataChangesNothing() {
        ElaOverwrite.Result r = ElaOverwrite.status(lepRecord("EL", "LEP", START), "EL", START, TABLE, null, "i1");
        assertThat(r.warnings()).isEmpty();
        assertThat(r.changed()).isFalse();
    }

    @Test
    @DisplayName("an ELA status code the table does not list is reported and the line's ELA data is not imported")
    void anUnknownCodeIsNotImported() {
        ElaOverwrite.Result r = ElaOverwrite.status(Overlay.NONE, "FEP", START, TABLE, null, "i1");
        assertThat(r.warnings()).extracting(ElaOverwrite.Warning::check).containsExactly(Check.ELA_UNKNOWN_STATUS);
        assertThat(r.changed()).isFalse();
    }

    @Test
    @DisplayName("seed 003: The Primary Language in the file overwrites the assigned language on the Home Primary "
            + "Language field; Home Language does not match - Home Primary Language on the file does not match the "
            + "assigned Home Primary Language")
    void thePrimaryLanguageOverwritesAndADifferentOneWarns() {
        RegistryEntry spanishSpeaker = new RegistryEntry("demo", "1", "clever", "c1", "u1", PersonName.of("A", null, "B"),
                START, "F", null, null, "Spanish", "uri://ed-fi.org/LanguageDescriptor#spa", "{}", "h", false, "r",
                Overlay.NONE);
        ElaOverwrite.Result same = ElaOverwrite.primaryLanguage(spanishSpeaker, Overlay.NONE, "01",
                "uri://ed-fi.org/LanguageDescriptor#spa", "i1");
        assertThat(same.warnings()).isEmpty();
        assertThat(same.overlay().primaryLanguage()).isEqualTo("01");

        ElaOverwrite.Result other = ElaOverwrite.primaryLanguage(spanishSpeaker, Overlay.NONE, "02",
                "uri://ed-fi.org/LanguageDescriptor#vie", "i1");
        assertThat(other.warnings()).containsExactly(new ElaOverwrite.Warning(Check.HOME_LANGUAGE, "02", "Spanish"));
        assertThat(other.overlay().primaryLanguageUri()).endsWith("#vie");
        assertThat(spanishSpeaker.withOverlay(other.overlay()).currentHomeLanguageUri()).endsWith("#vie");
    }

    @Test
    @DisplayName("seed 003: a warning is reported when there is something on the student's LEP record but no data "
            + "for the same student in the file")
    void aStudentWithAnLepRecordAndNoLineIsWarned() {
        f = new CalpadsFixture(dir);
        f.register(CalpadsFixture.student("1001", "Ana", null, "Lima", "2012-05-01", "F", null),
                CalpadsFixture.student("1002", "Bo", null, "Tran", "2012-06-01", "M", null),
                CalpadsFixture.student("1003", "Cy", null, "Diaz", "2012-07-01", "M", null));
        f.overlay("1001", lepRecord("EL", "LEP", EARLIER));
        f.overlay("1003", lepRecord("RFEP", "Exited LEP", EARLIER));
        Path file = f.file("sela.txt", sela("1001", "Ana", "Lima", "20120501", "F", "EL", "20230828", "00"));
        CalpadsImports.Outcome o = f.test(file, ImportType.ELA);
        assertThat(CalpadsFixture.detailLines(o)).containsExactly("-      WARNING: localStudentID ('1003') has an LEP "
                + "record ('Exited LEP, identified 2023-08-28') but no data in the file. Data File:");
        assertThat(o.warnings()).isEqualTo(1);
    }

    @Test
    @DisplayName("ELA Import (SELA): Update writes the LEP record and the primary language and hands the student on")
    void anElaUpdateWritesTheLepRecord() {
        f = new CalpadsFixture(dir);
        f.register(CalpadsFixture.student("1001", "Ana", null, "Lima", "2012-05-01", "F", null));
        CalpadsImports.Outcome o = f.update(f.file("sela.txt",
                sela("1001", "ANA", "LIMA", "20120501", "F", "EL", "20230828", "01")), ImportType.ELA);
        assertThat(o.imported()).isEqualTo(1);
        Overlay after = f.entry("1001").overlay();
        assertThat(List.of(after.elaStatus(), after.lepStatus(), after.identifiedDate().toString(),
                after.primaryLanguage())).containsExactly("EL", "LEP", "2023-08-28", "01");
        assertThat(after.lepUri()).isEqualTo("uri://ed-fi.org/LimitedEnglishProficiencyDescriptor#Limited");
        assertThat(after.primaryLanguageUri()).isEqualTo("uri://ed-fi.org/LanguageDescriptor#spa");
        // the SIS said English: the warning says what was overwritten
        assertThat(CalpadsFixture.detailLines(o)).singleElement().asString().contains("Home Language does not match")
                .contains("('English')");
        assertThat(f.delivered).hasSize(1);
        // the same file again changes nothing
        f.delivered.clear();
        CalpadsImports.Outcome again = f.update(f.file("sela.txt",
                sela("1001", "ANA", "LIMA", "20120501", "F", "EL", "20230828", "01")), ImportType.ELA);
        assertThat(again.imported()).isZero();
        assertThat(f.delivered).isEmpty();
        assertThat(again.warnings()).isZero();
    }

    static String sela(String local, String first, String last, String birth, String gender, String ela, String start,
                       String language) {
        return String.join("^", "SELA", "", "R" + local, "3375176", "0113100", "2024-2025", "", first, last, birth,
                gender, local, ela, start, language, "");
    }
}
