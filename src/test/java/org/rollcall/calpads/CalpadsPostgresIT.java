package org.rollcall.calpads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.registry.Overlay;
import org.rollcall.sync.TestStores;

/**
 * CALPADS imports on a real PostgreSQL (the production store): the seed's Test table, an Update
 * with the import's scratch keys, and the LEP warning's anti-join, through the same SQL as on H2.
 */
class CalpadsPostgresIT {

    @TempDir
    Path dir;

    @Test
    void theSeedsTestTableAnUpdateAndTheLepWarningOnPostgres() throws Exception {
        try (CalpadsFixture f = new CalpadsFixture(dir, Map.of(), TestStores.postgres())) {
            f.register(CalpadsFixture.student("91116303", "Kevin", null, "Okafor", "1997-12-08", "M", null),
                    CalpadsFixture.student("91116316", "Tab", null, "Lindqvist", "1998-01-25", "F", null),
                    CalpadsFixture.student("91116374", "Antwon", "D", "Marsh", "1997-10-23", "M", null),
                    CalpadsFixture.student("91116500", "Luana", null, "Ferreira", "1997-11-30", "F", "1234500004"),
                    CalpadsFixture.student("91116511", "Rawiri", null, "Ngata", "1998-03-02", "M", null),
                    CalpadsFixture.student("80000001", "Lep", null, "Elsewhere", "2001-01-01", "F", null));
            f.overlay("91116303", lep("1234500001", "IFEP", "Not LEP", "2013-10-05"));
            f.overlay("91116316", lep("1234500002", "RFEP", "Exited LEP", "2013-10-10"));
            f.overlay("91116374", lep("1234500003", "EL", "LEP", "2013-10-15"));
            f.overlay("80000001", lep(null, "EL", "LEP", "2015-01-01"));
            Path file = Path.of("src/test/resources/calpads/seed-003/SIS79646.txt");

            CalpadsImports.Outcome test = f.test(file, ImportType.SSID);
            assertThat(CalpadsFixture.detailLines(test)).hasSize(6).last().asString()
                    .startsWith("-      WARNING: localStudentID ('80000001') has an LEP record");
            assertThat(test.errors()).isZero();

            CalpadsImports.Outcome update = f.imports.run(CalpadsFixture.DISTRICT, file, ImportType.SSID,
                    ImportMode.UPDATE, false, f.delivery());
            assertThat(update.imported()).isEqualTo(1);
            assertThat(f.entry("91116511").currentStateId()).isEqualTo("1234500005");
            assertThat(f.entry("91116303").overlay().identifiedDate()).isEqualTo(LocalDate.of(2013, 10, 10));
            assertThat(f.store.query("select count(*) from calpads_import_key", rs -> rs.getLong(1)).get(0)).isZero();
        }
    }

    private static Overlay lep(String ssid, String ela, String status, String identified) {
        return new Overlay(ssid, ela, status, LocalDate.parse(identified), null, null, "99",
                "uri://ed-fi.org/LanguageDescriptor#mis", "earlier");
    }
}
