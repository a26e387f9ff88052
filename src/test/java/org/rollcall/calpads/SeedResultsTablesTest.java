package org.rollcall.calpads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.registry.Overlay;

/**
 * Seed 003's two results tables ("SSID Test Import Results" and "SSID Import Results"), line by
 * line, from the fixture files in src/test/resources/calpads/seed-003 (see its README for how they
 * follow the seed's Data File echoes) against a registry set up to produce exactly those messages.
 */
class SeedResultsTablesTest {

    @TempDir
    Path dir;

    private CalpadsFixture f;

    @BeforeEach
    void setUp() {
        f = new CalpadsFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    @DisplayName("seed 003 'SSID Test Import Results': File Name: SIS79646.txt, Record Count: 5, Import Count: 0, "
            + "Error Count: 0, four 'StateID being imported already exists' lines and the LEP date warning")
    void theTestImportResultsTable() {
        // lines 1-3 got their SSIDs and LEP records from an earlier import, line 4's student has the SIS's state id
        f.register(
                CalpadsFixture.student("91116303", "Kevin", null, "Okafor", "1997-12-08", "M", null),
                CalpadsFixture.student("91116316", "Tab", null, "Lindqvist", "1998-01-25", "F", null),
                CalpadsFixture.student("91116374", "Antwon", "D", "Marsh", "1997-10-23", "M", null),
                CalpadsFixture.student("91116500", "Luana", null, "Ferreira", "1997-11-30", "F", "1234500004"),
                CalpadsFixture.student("91116511", "Rawiri", null, "Ngata", "1998-03-02", "M", null));
        f.overlay("91116303", lep("1234500001", "IFEP", "Not LEP", "2013-10-05"));
        f.overlay("91116316", lep("1234500002", "RFEP", "Exited LEP", "2013-10-10"));
        f.overlay("91116374", lep("1234500003", "EL", "LEP", "2013-10-15"));

        CalpadsImports.Outcome o = f.test(Path.of("src/test/resources/calpads/seed-003/SIS79646.txt"), ImportType.SSID);

        List<String> text = CalpadsFixture.lines(o.report());
        assertThat(text).containsSequence("Results", "File Name: SIS79646.txt", "Record Count: 5", "Import Count: 0",
                "Error Count: 0");
        assertThat(CalpadsFixture.detailLines(o)).containsExactly(
                "1      StateID being imported already exists for localStudentID (91116303). Data File: 3361724 3331071 "
                        + "1234500001 91116303 Okafor Kevin M 19971208 20140901 13 IFEP 20131010 99 20140101",
                "1      WARNING: Campus LEP Date ('2013-10-05') DOES NOT match LEP Date on ISSID Import File for "
                        + "localStudentID ('91116303'). Data File: 3361724 3331071 1234500001 91116303 Okafor Kevin M "
                        + "19971208 20140901 13 IFEP 20131010 99 20140101",
                "2      StateID being imported already exists for localStudentID (91116316). Data File: 3361724 3331071 "
                        + "1234500002 91116316 Lindqvist Tab F 19980125 20140901 13 RFEP 20131010 99 20140101",
                "3      StateID being imported already exists for localStudentID (91116374). Data File: 3361724 3331071 "
                        + "1234500003 91116374 Marsh Antwon D M 19971023 20140901 13 EL 20131015 99 20140101",
                "4      StateID being imported already exists for localStudentID (91116500). Data File: 3361724 3331071 "
                        + "1234500004 91116500 Ferreira Luana F 19971130 20140901 13");
        // the line without a detail is the one an Update would import
        assertThat(o.wouldImport()).isEqualTo(1);
        assertThat(f.entry("91116511").overlay().ssid()).as("a Test imports nothing").isNull();
    }

    @Test
    @DisplayName("seed 003 'SSID Import Results': File Name: CA_SSIDIMPORT_Test2.txt, Record Count: 1, Import Count: 0, "
            + "Error Count: 1, 'StateID (4455667788) being imported cannot overwrite current stateID (123456789)'")
    void theImportResultsTable() {
        f.register(CalpadsFixture.student("1234567", "Anna", "May", "Student", "1997-10-02", "F", "123456789"));
        Path file = Path.of("src/test/resources/calpads/seed-003/CA_SSIDIMPORT_Test2.txt");
        f.test(file, ImportType.SSID);

        CalpadsImports.Outcome o = f.imports.run(CalpadsFixture.DISTRICT, file, ImportType.SSID, ImportMode.UPDATE,
                false, f.delivery());

        assertThat(CalpadsFixture.lines(o.report())).containsSequence("Results", "File Name: CA_SSIDIMPORT_Test2.txt",
                "Record Count: 1", "Import Count: 0", "Error Count: 1");
        assertThat(CalpadsFixture.detailLines(o)).containsExactly(
                "1      StateID (4455667788) being imported cannot overwrite current stateID (123456789). Data File: "
                        + "3375176 0113100 4455667788 1234567 Student Anna May F 19971002 20140813 KN 20140728");
        assertThat(f.entry("1234567").currentStateId()).isEqualTo("123456789");
        assertThat(f.delivered).isEmpty();
        assertThat(o.exitCode()).isEqualTo(1);
    }

    private static Overlay lep(String ssid, String ela, String status, String identified) {
        return new Overlay(ssid, ela, status, LocalDate.parse(identified), null, null, "99",
                "uri://ed-fi.org/LanguageDescriptor#mis", "earlier");
    }
}
