package org.rollcall.clever;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The grade table of formats.md 1.4: SIS spellings to Clever's literals. */
class CleverGradeTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "K, Kindergarten", "KG, Kindergarten", "Kindergarten, Kindergarten", "k, Kindergarten", "kg, Kindergarten",
        "PK, PreKindergarten", "P, PreKindergarten", "PreK, PreKindergarten", "Pre-K, PreKindergarten",
        "PreKindergarten, PreKindergarten", "pk, PreKindergarten",
        "TK, TransitionalKindergarten", "TransitionalKindergarten, TransitionalKindergarten",
        "1, 1", "01, 1", "2, 2", "02, 2", "3, 3", "03, 3", "4, 4", "04, 4", "5, 5", "05, 5", "6, 6", "06, 6",
        "7, 7", "07, 7", "8, 8", "08, 8", "9, 9", "09, 9", "10, 10", "010, 10", "11, 11", "011, 11", "12, 12", "012, 12",
        "13, 13",
        "PS, Preschool", "Preschool, Preschool",
        "IT, InfantToddler", "InfantToddler, InfantToddler",
        "PG, PostGraduate", "PostGraduate, PostGraduate",
        "UG, Ungraded", "Ungraded, Ungraded",
        "Other, Other"})
    @DisplayName("formats.md 1.4: K|KG|Kindergarten, PK|P|PreK|Pre-K, TK, 0?1..12, 13, PS, IT, PG, UG, Other")
    void normalises(String raw, String literal) {
        assertThat(CleverGrade.normalise(raw)).isEqualTo(literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "00", "14", "001", "K5", "Grade 3", "Kinder", "Post Grad", "-1", "3rd"})
    // seed 001_dd604ac86191a619.txt: "Students and courses with "other", "null", or "Post Grad" as their grade
    // level will not be processed." Post Grad is not a Clever spelling (PG and PostGraduate are).
    @DisplayName("anything else is not a grade (the reader warns and drops it)")
    void unknown(String raw) {
        assertThat(CleverGrade.normalise(raw)).isNull();
    }

    @Test
    void aSchoolsRangeRunsFromLowToHighGrade() {
        assertThat(CleverGrade.range("Kindergarten", "5")).containsExactly("Kindergarten", "1", "2", "3", "4", "5");
        assertThat(CleverGrade.range("6", "8")).containsExactly("6", "7", "8");
        assertThat(CleverGrade.range("9", "12")).containsExactly("9", "10", "11", "12");
        assertThat(CleverGrade.range("4", "4")).containsExactly("4");
        assertThat(CleverGrade.range(null, "12")).containsExactly("12");
        assertThat(CleverGrade.range(null, null)).isEmpty();
        assertThat(CleverGrade.range("5", "Kindergarten")).isNull();
    }

    @Test
    @DisplayName("TK and grade 13 are in a range only when they are one of its ends")
    void transitionalKindergartenOnlyAsAnEnd() {
        assertThat(CleverGrade.range("PreKindergarten", "1"))
                .containsExactly("PreKindergarten", "Kindergarten", "1");
        assertThat(CleverGrade.range("TransitionalKindergarten", "1"))
                .containsExactly("TransitionalKindergarten", "Kindergarten", "1");
        assertThat(CleverGrade.range("11", "PostGraduate")).containsExactly("11", "12", "PostGraduate");
        assertThat(CleverGrade.range("12", "13")).containsExactly("12", "13");
    }

    @Test
    void ungradedHasNoPlaceInARange() {
        assertThat(CleverGrade.range("Ungraded", "Ungraded")).containsExactly("Ungraded");
        assertThat(CleverGrade.range("9", "Ungraded")).containsExactly("9", "Ungraded");
    }
}
