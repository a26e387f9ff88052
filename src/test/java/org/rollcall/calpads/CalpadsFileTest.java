package org.rollcall.calpads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading CALPADS files (formats.md 5): caret delimited, no header, CCYYMMDD, Windows-1252. A bad
 * line is an error naming the file, the line and the field, and the lines after it are read.
 */
class CalpadsFileTest {

    static final Layout SSID = Layout.load(Path.of("config/calpads/ssid-extract.properties"));
    static final String GOOD = "3375176^0113100^4455667788^1234567^Student^Anna^May^F^19971002^20140813^KN^EL";

    @TempDir
    Path dir;

    private List<CalpadsFile.Parsed> read(byte[] bytes) throws IOException {
        Path f = dir.resolve("SSID.txt");
        Files.write(f, bytes);
        List<CalpadsFile.Parsed> out = new ArrayList<>();
        try (CalpadsFile in = CalpadsFile.open(f, SSID)) {
            in.forEachRemaining(out::add);
        }
        return out;
    }

    private List<CalpadsFile.Parsed> read(String text) throws IOException {
        return read(text.getBytes(CalpadsFixture.WINDOWS_1252));
    }

    @Test
    @DisplayName("formats.md 5: fields are caret delimited, dates CCYYMMDD, blank fields absent")
    void aGoodLineParses() throws IOException {
        CalpadsLine l = read(GOOD + "\r\n").get(0).record();
        assertThat(l.text(Element.LOCAL_STUDENT_ID)).isEqualTo("1234567");
        assertThat(l.date(Element.BIRTH_DATE)).hasToString("1997-10-02");
        assertThat(l.has(Element.ELA_STATUS_START_DATE)).isFalse();
        assertThat(l.echo()).isEqualTo("3375176 0113100 4455667788 1234567 Student Anna May F 19971002 20140813 KN EL");
    }

    @Test
    @DisplayName("a line with the wrong number of fields, a bad date or a blank required field is an error naming the "
            + "file, line and field; the good lines around it are read")
    void badLinesNameFileLineAndFieldAndNeverStopTheGoodOnes() throws IOException {
        List<CalpadsFile.Parsed> p = read(String.join("\n", GOOD,
                "3375176^0113100^4455667788^1234567^Student",
                GOOD.replace("19971002", "19971340"),
                GOOD.replace("^Anna^", "^^"),
                GOOD.replace("^4455667788^", "^44556677889^"),
                GOOD) + "\n");
        assertThat(p).hasSize(6);
        assertThat(p.get(0).record()).isNotNull();
        assertThat(p.get(1).errors()).containsExactly("SSID.txt line 2: 5 fields; the SSID Extract 2024-09 (fields "
                + "13-14 unconfirmed) layout (ssid-extract.properties) has 12 to 20");
        assertThat(p.get(2).errors()).containsExactly("SSID.txt line 3, field 9 (Student Birth Date): is not a date CCYYMMDD");
        assertThat(p.get(3).errors()).containsExactly("SSID.txt line 4, field 6 (Student Legal First Name): is blank; it is required");
        assertThat(p.get(4).errors()).containsExactly("SSID.txt line 5, field 3 (SSID): is 11 characters long; at most 10 are allowed");
        assertThat(p.get(5).record()).isNotNull();
        assertThat(p.get(5).line()).isEqualTo(6);
    }

    @Test
    @DisplayName("formats.md 5: Windows-1252 input (é is one byte, 0xE9); a UTF-8 byte order mark means UTF-8")
    void windows1252AndUtf8WithBom() throws IOException {
        String line = GOOD.replace("Anna", "José");
        byte[] cp1252 = (line + "\r\n").getBytes(CalpadsFixture.WINDOWS_1252);
        assertThat(cp1252).contains((byte) 0xE9);
        assertThat(read(cp1252).get(0).record().text(Element.FIRST_NAME)).isEqualTo("José");
        byte[] utf8 = ("\uFEFF" + line + "\n").getBytes(StandardCharsets.UTF_8);
        assertThat(read(utf8).get(0).record().text(Element.FIRST_NAME)).isEqualTo("José");
    }

    @Test
    @DisplayName("blank lines are skipped but counted in line numbers; an empty file has no records; a last line "
            + "without a line break is read")
    void blankLinesEmptyFilesAndATruncatedLastLine() throws IOException {
        assertThat(read("")).isEmpty();
        List<CalpadsFile.Parsed> p = read("\r\n" + GOOD + "\r\n\r\n" + GOOD.substring(0, 40));
        assertThat(p).extracting(CalpadsFile.Parsed::line).containsExactly(2L, 4L);
        assertThat(p.get(1).errors()).singleElement().asString().startsWith("SSID.txt line 4: 5 fields");
    }

    @Test
    @DisplayName("an import reports a malformed line as an error with its echo, counts it, and imports the good lines")
    void anImportGoesOnPastAMalformedLine() throws IOException {
        try (CalpadsFixture f = new CalpadsFixture(dir.resolve("f"))) {
            Files.createDirectories(f.dir);
            f.register(CalpadsFixture.student("1234567", "Anna", "May", "Student", "1997-10-02", "F", null));
            CalpadsImports.Outcome o = f.update(f.file("mixed.txt", GOOD.replace("19971002", "1997-10-02"),
                    GOOD.replace("^EL", "^")), ImportType.SSID);
            assertThat(o.records()).isEqualTo(2);
            assertThat(o.errors()).isEqualTo(1);
            assertThat(o.imported()).isEqualTo(1);
            assertThat(CalpadsFixture.detailLines(o)).containsExactly("1      mixed.txt line 1, field 9 (Student Birth "
                    + "Date): is not a date CCYYMMDD. Data File: 3375176 0113100 4455667788 1234567 Student Anna May F "
                    + "1997-10-02 20140813 KN EL");
        }
    }
}
