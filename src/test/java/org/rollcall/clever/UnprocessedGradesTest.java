package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rollcall.model.StudentSnapshot;
import org.rollcall.report.Problem;
import org.rollcall.report.Problem.Severity;

/**
 * Seed 001 (001_dd604ac86191a619.txt, ANet): "Students and courses with "other", "null", or "Post
 * Grad" as their grade level will not be processed."
 */
class UnprocessedGradesTest {

    @TempDir
    Path dir;

    private record Result(TestDrops.Read read, List<String> skipped) { }

    private Result readWithGrade(String grade, CleverOptions options) throws Exception {
        Map<String, String> row = TestDrops.student("1001");
        row.put("Grade", grade);
        TestDrops.dropWithStudents(dir, List.of(TestDrops.student("1000"), row));
        CleverDrop drop = CleverDrop.open(dir, options);
        List<Problem> problems = new ArrayList<>();
        List<StudentSnapshot> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        var schools = drop.readSchools(problems::add);
        drop.readStudentRows(schools, rows::add, skipped::add, TestDrops.WORK, problems::add);
        return new Result(new TestDrops.Read(drop, schools, rows.stream().map(StudentSnapshot::student).toList(),
                problems, rows), skipped);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Other", "other", "OTHER", "null", "NULL", "Post Grad", "post grad", "PostGraduate", "PG"})
    @DisplayName("seed 001_dd604ac86191a619.txt, \"Students and courses with \"other\", \"null\", or \"Post Grad\" as"
            + " their grade level will not be processed\": the row is an error on field Grade and is not processed")
    void theSeedsGradesAreNotProcessed(String grade) throws Exception {
        Result r = readWithGrade(grade, TestDrops.OPTIONS);
        assertThat(r.read().students()).extracting(s -> s.sourceId()).containsExactly("1000");
        assertThat(r.read().problems()).extracting(Problem::severity, Problem::file, Problem::line, Problem::field)
                .containsExactly(tuple(Severity.ERROR, "students.csv", 3L, "Grade"));
        assertThat(r.read().problems().get(0).message()).endsWith("is not processed (seed 001: students with "
                + "\"other\", \"null\", or \"Post Grad\" grades; clever.unprocessed-grades); record skipped");
        assertThat(r.skipped()).as("the student is passed on as unread, not taken for one who left")
                .containsExactly("1001");
    }

    @Test
    @DisplayName("the message shows the configured entry the grade matched, never more of the row")
    void theMessageNamesTheEntry() throws Exception {
        assertThat(readWithGrade("PG", TestDrops.OPTIONS).read().problems().get(0).message())
                .startsWith("grade 'PostGraduate' is not processed");
        assertThat(readWithGrade("post grad", TestDrops.OPTIONS).read().problems().get(0).message())
                .startsWith("grade 'Post Grad' is not processed");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"K", "12", "13", "Ungraded", "PreKindergarten"})
    void otherGradesAreProcessed(String grade) throws Exception {
        Result r = readWithGrade(grade, TestDrops.OPTIONS);
        assertThat(r.read().problems()).isEmpty();
        assertThat(r.read().students()).hasSize(2);
    }

    @Test
    @DisplayName("the list is the district's (clever.unprocessed-grades): Ungraded can be added, Other processed")
    void theListIsConfigurable() throws Exception {
        CleverOptions ungradedOnly = new CleverOptions("State_id", "Student_id", TestDrops.ENTRY,
                new UnprocessedGrades(List.of("Ungraded")), "unmapped");
        assertThat(readWithGrade("UG", ungradedOnly).read().students()).hasSize(1);
        Result other = readWithGrade("Other", ungradedOnly);
        assertThat(other.read().students()).hasSize(2);
        assertThat(other.read().student("1001").grade()).isEqualTo("Other");
        CleverOptions none = new CleverOptions("State_id", "Student_id", TestDrops.ENTRY,
                new UnprocessedGrades(List.of()), "unmapped");
        assertThat(readWithGrade("Other", none).read().students()).hasSize(2);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Other, Other", " other , Other", "pg, PostGraduate", "Post Grad, Post Grad", "K, "})
    void matching(String raw, String entry) {
        assertThat(UnprocessedGrades.seedDefault().match(raw)).isEqualTo(entry);
        assertThat(UnprocessedGrades.seedDefault().match(null)).isNull();
    }

    @Test
    void theSeedDefault() {
        assertThat(UnprocessedGrades.SEED_DEFAULT).containsExactly("Other", "null", "Post Grad", "PostGraduate");
        assertThat(TestDrops.OPTIONS.unprocessedGrades()).isEqualTo(UnprocessedGrades.seedDefault());
    }
}
