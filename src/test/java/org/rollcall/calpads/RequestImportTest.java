package org.rollcall.calpads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.edfi.EdFiJson;

/**
 * Seed 003's SSID Request File: the request results (formats.md 5.6, layout [M] in
 * config/calpads/request-results.properties) with candidate scoring and result categories, and
 * the selection field deciding which SSID is imported.
 */
class RequestImportTest {

    @TempDir
    Path dir;

    private CalpadsFixture f;

    @AfterEach
    void tearDown() {
        if (f != null) {
            f.close();
        }
    }

    static CandidateScore.Person person(String first, String last, String aliasFirst, String aliasLast, String birth,
                                        String gender, String state, String country) {
        return new CandidateScore.Person(first, null, last, aliasFirst, null, aliasLast,
                birth == null ? null : LocalDate.parse(birth), gender, state, country);
    }

    static final CandidateScore.Person ANNA = person("Anna", "Student", "Annie", "Stewart", "2012-10-02", "F", "CA", "US");

    @Test
    @DisplayName("seed 003: Perfect matches maximize the match score, variations reduce the match score")
    void aPerfectMatchScoresHundredAndVariationsLess() {
        assertThat(CandidateScore.score(ANNA, ANNA)).isEqualTo(100);
        assertThat(CandidateScore.score(person("Anna", "Student", null, null, "2012-10-02", "F", "CA", "MX"), ANNA))
                .isLessThan(100);
        assertThat(CandidateScore.score(person("Ana", "Studant", null, null, "2012-10-02", "F", "CA", "US"), ANNA))
                .isLessThan(CandidateScore.score(person("Anna", "Student", null, null, "2012-10-02", "M", "CA", "US"), ANNA));
    }

    @Test
    @DisplayName("seed 003: matching uses legal and alias names, the legal names taking higher precedence: 1. perfect "
            + "match to legal names, 2. alias names to legal or alias names")
    void legalNamesRankAboveAliasNames() {
        int legal = CandidateScore.score(person("Anna", "Student", null, null, "2012-10-02", "F", null, null), ANNA);
        int aliasToLegal = CandidateScore.score(person("Annie", "Stewart", null, null, "2012-10-02", "F", null, null), ANNA);
        int aliasToAlias = CandidateScore.score(person("Zoe", "Other", "Annie", "Stewart", "2012-10-02", "F", null, null),
                ANNA);
        int none = CandidateScore.score(person("Zoe", "Other", null, null, "2012-10-02", "F", null, null), ANNA);
        assertThat(legal).isGreaterThan(aliasToLegal);
        assertThat(aliasToLegal).isGreaterThan(aliasToAlias);
        assertThat(aliasToAlias).isGreaterThan(none);
    }

    @Test
    @DisplayName("seed 003: The farther away the potential match student's date of birth is from the submitted "
            + "student's date of birth, the lower the score")
    void fartherBirthDatesScoreLower() {
        int same = CandidateScore.score(person("Anna", "Student", null, null, "2012-10-02", "F", null, null), ANNA);
        int day = CandidateScore.score(person("Anna", "Student", null, null, "2012-10-03", "F", null, null), ANNA);
        int month = CandidateScore.score(person("Anna", "Student", null, null, "2012-11-02", "F", null, null), ANNA);
        int years = CandidateScore.score(person("Anna", "Student", null, null, "2010-10-02", "F", null, null), ANNA);
        assertThat(List.of(same, day, month, years)).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        assertThat(same).isGreaterThan(month);
        assertThat(month).isGreaterThan(years);
    }

    @Test
    @DisplayName("seed 003: result categories No Match, Single or Multiple, by the candidates that reach the minimum score")
    void categories() {
        assertThat(CandidateScore.category(List.of(), 60)).isEqualTo(CandidateScore.Category.NO_MATCH);
        assertThat(CandidateScore.category(List.of(40, 59), 60)).isEqualTo(CandidateScore.Category.NO_MATCH);
        assertThat(CandidateScore.category(List.of(95, 40), 60)).isEqualTo(CandidateScore.Category.SINGLE);
        assertThat(CandidateScore.category(List.of(95, 80), 60)).isEqualTo(CandidateScore.Category.MULTIPLE);
    }

    static String row(String id, String type, String selected, String ssid, String local, String first, String last,
                      String birth, String gender, String ela, String start) {
        return String.join("^", id, type, selected, "", "", ssid, local, first, "", last, "", "", "", birth, gender, "",
                "CA", "US", ela, start, "");
    }

    @Test
    @DisplayName("seed 003: users use the selection field to determine which of these SSIDs to import; the request's "
            + "category and the candidates' scores are reported")
    void theSelectedCandidateIsImportedWithItsElaData() throws Exception {
        f = new CalpadsFixture(dir);
        f.register(CalpadsFixture.student("5001", "Anna", null, "Student", "2012-10-02", "F", null),
                CalpadsFixture.student("5002", "Ben", null, "Cole", "2011-03-04", "M", null),
                CalpadsFixture.student("5003", "Cara", null, "Diaz", "2013-01-01", "F", null));
        Path file = f.file("requests.txt",
                row("R1", "Request", "", "", "5001", "Anna", "Student", "20121002", "F", "", ""),
                row("R1", "Candidate", "Y", "1100000001", "", "Anna", "Student", "20121002", "F", "EL", "20200901"),
                row("R1", "Candidate", "", "1100000002", "", "Anna", "Stuart", "20111002", "F", "", ""),
                row("R1", "New", "", "", "", "", "", "", "", "", ""),
                row("R2", "Request", "", "", "5002", "Ben", "Cole", "20110304", "M", "", ""),
                row("R2", "Candidate", "", "1100000003", "", "Ben", "Cole", "20110304", "M", "", ""),
                row("R2", "Candidate", "", "1100000004", "", "Benjamin", "Cole", "20110305", "M", "", ""),
                row("R3", "Request", "", "", "5003", "Cara", "Diaz", "20130101", "F", "", ""),
                row("R3", "New", "Y", "", "", "", "", "", "", "", ""));
        CalpadsImports.Outcome o = f.update(file, ImportType.REQUEST);

        assertThat(o.records()).isEqualTo(9);
        assertThat(o.imported()).isEqualTo(1);
        assertThat(f.entry("5001").currentStateId()).isEqualTo("1100000001");
        assertThat(f.entry("5001").overlay().lepStatus()).isEqualTo("LEP");
        assertThat(f.entry("5002").currentStateId()).as("nothing selected for R2").isNull();
        assertThat(CalpadsFixture.detailLines(o)).containsExactly(
                "5      Request R2: no SSID selected (Result Category: MULTIPLE, best score 100); nothing imported. "
                        + "Data File: R2 Request 5002 Ben Cole 20110304 M CA US",
                "8      Request R3: a new SSID was chosen; it arrives with the next SSID Extract. Data File: R3 Request "
                        + "5003 Cara Diaz 20130101 F CA US");
        JsonNode json = EdFiJson.read(Files.readString(Path.of(o.report().toString().replace(".txt", ".json"))));
        JsonNode r1 = json.path("requests").get(0);
        assertThat(r1.path("category").asText()).isEqualTo("SINGLE");
        assertThat(r1.path("candidates").get(0).path("score").asInt()).isEqualTo(100);
        assertThat(r1.path("candidates").get(1).path("score").asInt()).isLessThan(60);
        assertThat(r1.path("outcome").asText()).isEqualTo("imported");
        assertThat(json.path("requests").get(1).path("category").asText()).isEqualTo("MULTIPLE");
    }

    @Test
    @DisplayName("request results: with auto-select-score set, a single candidate at or above it is imported when "
            + "nothing was selected; a request's records split across the file are refused")
    void autoSelectionAndSplitRequests() {
        f = new CalpadsFixture(dir, Map.of("rollcall.district.demo.calpads.request.auto-select-score", "95"));
        f.register(CalpadsFixture.student("5001", "Anna", null, "Student", "2012-10-02", "F", null),
                CalpadsFixture.student("5002", "Ben", null, "Cole", "2011-03-04", "M", null));
        Path file = f.file("auto.txt",
                row("R1", "Request", "", "", "5001", "Anna", "Student", "20121002", "F", "", ""),
                row("R1", "Candidate", "", "1100000001", "", "Anna", "Student", "20121002", "F", "", ""),
                row("R2", "Request", "", "", "5002", "Ben", "Cole", "20110304", "M", "", ""),
                row("R1", "Candidate", "", "1100000009", "", "Anna", "Student", "20121002", "F", "", ""));
        CalpadsImports.Outcome o = f.update(file, ImportType.REQUEST);
        assertThat(f.entry("5001").currentStateId()).isEqualTo("1100000001");
        assertThat(CalpadsFixture.detailLines(o)).anyMatch(l -> l.startsWith("1      Request R1: the only candidate "
                + "(score 100) is imported")).anyMatch(l -> l.startsWith("4      Request R1: its records must be together"));
        assertThat(o.errors()).isEqualTo(1);
    }
}
