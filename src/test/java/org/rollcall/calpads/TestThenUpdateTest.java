package org.rollcall.calpads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seed 003, "Test the Import": "The Test function is required before updating SSIDs and ELAs." */
class TestThenUpdateTest {

    static final String LINE = "3375176^0113100^4455667788^1234567^Student^Anna^May^F^19971002^20140813^KN^EL^20200901^01";

    @TempDir
    Path dir;

    private CalpadsFixture f;

    @BeforeEach
    void setUp() {
        f = new CalpadsFixture(dir);
        f.register(CalpadsFixture.student("1234567", "Anna", "May", "Student", "1997-10-02", "F", null));
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private CalpadsImports.Outcome update(Path file, ImportType type) {
        return f.imports.run(CalpadsFixture.DISTRICT, file, type, ImportMode.UPDATE, false, f.delivery());
    }

    /** Every column of every registry row, in key order: what "changes nothing" is checked against. */
    private List<String> registryDump() {
        return f.store.query("select * from student_registry order by district, local_number", rs -> {
            StringBuilder sb = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                sb.append(rs.getString(i)).append('|');
            }
            return sb.toString();
        });
    }

    @Test
    @DisplayName("seed 003: Run the Test first to verify the data: an Update of a file no Test has checked asks for "
            + "--force and changes nothing")
    void anUpdateWithoutATestIsRefused() {
        Path file = f.file("ssid.txt", LINE);
        List<String> before = registryDump();
        assertThatThrownBy(() -> update(file, ImportType.SSID)).isInstanceOf(CalpadsImports.NotTestedException.class)
                .hasMessageContaining("run the Test first").hasMessageContaining("--force");
        assertThat(registryDump()).isEqualTo(before);
    }

    @Test
    @DisplayName("seed 003: the Test changes nothing (the registry, byte for byte); an Update of the same file then runs")
    void aTestChangesNothingThenTheUpdateRuns() {
        Path file = f.file("ssid.txt", LINE);
        List<String> before = registryDump();
        CalpadsImports.Outcome test = f.test(file, ImportType.SSID);
        assertThat(test.imported()).isZero();
        assertThat(test.wouldImport()).isEqualTo(1);
        assertThat(registryDump()).isEqualTo(before);
        assertThat(f.delivered).isEmpty();
        assertThat(f.store.query("select count(*) from calpads_import_key", rs -> rs.getLong(1)).get(0))
                .as("the scratch keys are gone").isZero();

        CalpadsImports.Outcome o = update(file, ImportType.SSID);
        assertThat(o.imported()).isEqualTo(1);
        assertThat(f.entry("1234567").currentStateId()).isEqualTo("4455667788");
        assertThat(f.entry("1234567").overlay().lepStatus()).isEqualTo("LEP");
        assertThat(f.delivered).hasSize(1);
    }

    @Test
    @DisplayName("seed 003: the Test must be of the same file: other content, or the same file as another import "
            + "type, still needs a Test; --force skips the rule")
    void theTestMustBeOfTheSameContentAndType() {
        f.test(f.file("ssid.txt", LINE), ImportType.SSID);
        Path changed = f.file("ssid.txt", LINE.replace("^01", "^02"));
        assertThatThrownBy(() -> update(changed, ImportType.SSID)).isInstanceOf(CalpadsImports.NotTestedException.class);
        Path same = f.file("ssid.txt", LINE);
        assertThatThrownBy(() -> update(same, ImportType.ELA)).isInstanceOf(CalpadsImports.NotTestedException.class);
        CalpadsImports.Outcome forced = f.imports.run(CalpadsFixture.DISTRICT, changed, ImportType.SSID, ImportMode.UPDATE,
                true, f.delivery());
        assertThat(forced.imported()).isEqualTo(1);
    }
}
