package org.rollcall.skyward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rollcall.model.StudentStatus;
import org.rollcall.skyward.EnrollmentStatus.Span;

/** Seed 002 (Skyward Qmlativ demographics integration), "Enrollment Status Determination", sentence by sentence. */
class EnrollmentStatusTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    static Span span(String start, String end, String code) {
        return new Span(LocalDate.parse(start), end == null ? null : LocalDate.parse(end), code);
    }

    static StudentStatus status(Span... spans) {
        return EnrollmentStatus.of(List.of(spans), TODAY);
    }

    @Test
    @DisplayName("seed 002: 'includes all student enrollments where the student withdrew within the past year'")
    void withdrewWithinThePastYearIsInTheWindow() {
        assertThat(EnrollmentStatus.inWindow(LocalDate.parse("2025-08-20"), LocalDate.parse("2026-05-29"), false, TODAY))
                .isTrue();
        assertThat(EnrollmentStatus.inWindow(LocalDate.parse("2024-08-20"), TODAY.minusYears(1), false, TODAY)).isTrue();
        assertThat(EnrollmentStatus.inWindow(LocalDate.parse("2024-08-20"), TODAY.minusYears(1).minusDays(1), false, TODAY))
                .as("withdrew a year and a day ago").isFalse();
    }

    @Test
    @DisplayName("seed 002: 'as well as all current or upcoming enrollments for the current school year'")
    void currentAndUpcomingEnrollmentsOfTheCurrentYearAreInTheWindow() {
        assertThat(EnrollmentStatus.inWindow(LocalDate.parse("2026-08-17"), null, true, TODAY)).isTrue();
        assertThat(EnrollmentStatus.inWindow(LocalDate.parse("2027-01-05"), null, true, TODAY)).isTrue();
        assertThat(EnrollmentStatus.inWindow(LocalDate.parse("2026-08-17"), LocalDate.parse("2027-05-28"), true, TODAY))
                .isTrue();
        assertThat(EnrollmentStatus.inWindow(LocalDate.parse("2019-08-17"), null, false, TODAY))
                .as("an open enrollment of an old school year").isFalse();
    }

    @Test
    @DisplayName("seed 002: 'Ignore all enrollments identified as cross-entity course enrollments (Where WithdrawalCode = 'CECS')'")
    void crossEntityCourseEnrollmentsAreIgnored() {
        assertThat(status(span("2026-08-17", null, "CECS"), span("2026-05-01", "2026-05-29", "01")))
                .isEqualTo(StudentStatus.GRADUATED);
        assertThat(status(span("2026-08-17", null, "cecs "))).as("code compared trimmed, any case")
                .isEqualTo(StudentStatus.INACTIVE);
    }

    @Test
    @DisplayName("seed 002: 'If a student has an enrollment effective as of today, we classify the student as ENROLLED'")
    void anEnrollmentEffectiveTodayIsEnrolled() {
        assertThat(status(span("2026-08-17", null, null))).isEqualTo(StudentStatus.ENROLLED);
        assertThat(status(span("2026-08-17", "2027-05-28", null))).isEqualTo(StudentStatus.ENROLLED);
        assertThat(status(span("2026-11-24", null, null))).as("starting today").isEqualTo(StudentStatus.ENROLLED);
    }

    @Test
    @DisplayName("seed 002: 'If there is no past enrollment for the student, we classify them as PRE-ENROLLED'")
    void aFutureEnrollmentWithoutAPastOneIsPreEnrolled() {
        assertThat(status(span("2027-01-05", null, null))).isEqualTo(StudentStatus.PRE_ENROLLED);
        assertThat(status(span("2026-11-25", null, null))).as("starting tomorrow").isEqualTo(StudentStatus.PRE_ENROLLED);
    }

    @Test
    @DisplayName("seed 002: 'If there is a past enrollment, we classify them as ENROLLED' (summer breaks)")
    void aFutureEnrollmentAfterAPastOneIsEnrolled() {
        LocalDate july = LocalDate.of(2026, 7, 10);
        List<Span> summer = List.of(span("2025-08-18", "2026-05-29", "EOY"), span("2026-08-17", null, null));
        assertThat(EnrollmentStatus.of(summer, july)).isEqualTo(StudentStatus.ENROLLED);
        assertThat(status(span("2026-08-17", "2026-10-02", "82"), span("2027-01-05", null, null)))
                .isEqualTo(StudentStatus.ENROLLED);
    }

    @Test
    @DisplayName("seed 002: 'If the Withdrawal Code for their most recent past enrollment is '01' (following TEA standards), we classify them as GRADUATED'")
    void mostRecentPastWithdrawalCode01IsGraduated() {
        assertThat(status(span("2025-08-18", "2026-05-29", "01"))).isEqualTo(StudentStatus.GRADUATED);
        assertThat(status(span("2025-08-18", "2025-12-19", "82"), span("2026-01-06", "2026-05-29", "01")))
                .isEqualTo(StudentStatus.GRADUATED);
    }

    @Test
    @DisplayName("seed 002: 'In all other cases, we classify them as INACTIVE'")
    void otherwiseInactive() {
        assertThat(status(span("2025-08-18", "2026-05-29", "82"))).isEqualTo(StudentStatus.INACTIVE);
        assertThat(status(span("2025-08-18", "2026-03-02", "01"), span("2026-03-03", "2026-05-29", "98")))
                .as("'01' on an older enrollment does not count").isEqualTo(StudentStatus.INACTIVE);
        assertThat(status(span("2025-08-18", "2026-05-29", null))).as("no withdrawal code").isEqualTo(StudentStatus.INACTIVE);
        assertThat(status()).as("no enrollment at all").isEqualTo(StudentStatus.INACTIVE);
    }

    @Test
    @DisplayName("seed 002: 'Currently, we do not support enrollment status codes such as 'TRANSFERRED', 'DROPPED_OUT', or 'HISTORICAL_IDLE''")
    void onlyTheFourStatusesExist() {
        assertThat(StudentStatus.values()).extracting(StudentStatus::label)
                .containsExactly("ENROLLED", "PRE-ENROLLED", "GRADUATED", "INACTIVE");
        assertThat(status(span("2025-08-18", "2026-02-02", "82"))).as("a transfer is INACTIVE").isEqualTo(StudentStatus.INACTIVE);
    }

    @Test
    @DisplayName("edge: an enrollment that starts and ends on the same day is current on that day only")
    void sameDayStartAndEnd() {
        assertThat(status(span("2026-11-24", "2026-11-24", "82"))).isEqualTo(StudentStatus.ENROLLED);
        assertThat(status(span("2026-11-23", "2026-11-23", "01"))).isEqualTo(StudentStatus.GRADUATED);
        assertThat(status(span("2026-11-25", "2026-11-25", null))).isEqualTo(StudentStatus.PRE_ENROLLED);
    }

    @Test
    @DisplayName("edge: enrolled at several schools at once is ENROLLED")
    void severalSchoolsAtOnce() {
        assertThat(status(span("2026-08-17", null, null), span("2026-09-01", null, null), span("2025-08-18", "2026-05-29", "01")))
                .isEqualTo(StudentStatus.ENROLLED);
    }

    @Test
    @DisplayName("edge: an enrollment that ends today is still effective today; the day after it is past")
    void endsToday() {
        assertThat(status(span("2026-08-17", "2026-11-24", "01"))).isEqualTo(StudentStatus.ENROLLED);
        assertThat(EnrollmentStatus.of(List.of(span("2026-08-17", "2026-11-24", "01")), TODAY.plusDays(1)))
                .isEqualTo(StudentStatus.GRADUATED);
    }

    @Test
    @DisplayName("edge: a CECS enrollment as the only current one does not make the student ENROLLED")
    void crossEntityCourseAsTheOnlyCurrentEnrollment() {
        assertThat(status(span("2026-08-17", null, "CECS"))).isEqualTo(StudentStatus.INACTIVE);
        assertThat(status(span("2026-08-17", null, "CECS"), span("2025-08-18", "2026-05-29", "82")))
                .isEqualTo(StudentStatus.INACTIVE);
        assertThat(status(span("2026-08-17", null, "CECS"), span("2027-01-05", null, null)))
                .as("future enrollment, no past one other than CECS").isEqualTo(StudentStatus.PRE_ENROLLED);
    }

    @Test
    @DisplayName("edge: on two past enrollments ending the same day, the one that started last decides")
    void tieOnEndDate() {
        assertThat(status(span("2025-08-18", "2026-05-29", "82"), span("2026-01-05", "2026-05-29", "01")))
                .isEqualTo(StudentStatus.GRADUATED);
    }
}
