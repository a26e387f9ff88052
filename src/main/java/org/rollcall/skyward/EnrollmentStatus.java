package org.rollcall.skyward;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.rollcall.model.StudentStatus;

/**
 * Seed 002 (Skyward Qmlativ demographics integration), "Enrollment Status Determination": which
 * enrollments a run considers, and the status they give a student on a given day. Pure: the day
 * comes from the caller (the district's clock and time zone).
 *
 * <p>An enrollment is effective on the days from its start to its end, both included: one that
 * ends today is still current today, and one that starts and ends on the same day is current on
 * that day only. An enrollment without an end date is open.
 */
public final class EnrollmentStatus {

    /** Cross-entity course enrollments: "Ignore all enrollments ... (Where WithdrawalCode = 'CECS')". */
    public static final String CROSS_ENTITY_COURSE = "CECS";

    /** TEA leaver code for a graduate (formats.md section 6). */
    public static final String GRADUATED_CODE = "01";

    /** One enrollment as the rule sees it: first day, last day (null while open) and withdrawal code. */
    public record Span(LocalDate start, LocalDate end, String withdrawalCode) {

        boolean isCrossEntityCourse() {
            return withdrawalCode != null && CROSS_ENTITY_COURSE.equals(withdrawalCode.trim().toUpperCase(Locale.ROOT));
        }

        boolean isCurrent(LocalDate today) {
            return !start.isAfter(today) && (end == null || !end.isBefore(today));
        }

        boolean isFuture(LocalDate today) {
            return start.isAfter(today);
        }

        boolean isPast(LocalDate today) {
            return end != null && end.isBefore(today) && !isFuture(today);
        }
    }

    private EnrollmentStatus() {
    }

    /**
     * Whether a run imports an enrollment: "all student enrollments where the student withdrew within
     * the past year, as well as all current or upcoming enrollments for the current school year".
     *
     * @param currentOrUpcomingYear whether the enrollment belongs to the current (or upcoming) school year
     */
    public static boolean inWindow(LocalDate start, LocalDate end, boolean currentOrUpcomingYear, LocalDate today) {
        if (start == null) {
            return false;
        }
        boolean withdrewWithinPastYear = end != null && !end.isAfter(today) && !end.isBefore(today.minusYears(1));
        boolean currentOrUpcoming = currentOrUpcomingYear && (end == null || !end.isBefore(today));
        return withdrewWithinPastYear || currentOrUpcoming;
    }

    /** The student's status on {@code today} from their enrollments (CECS ones are ignored). */
    public static StudentStatus of(Collection<Span> enrollments, LocalDate today) {
        boolean current = false;
        boolean future = false;
        boolean past = false;
        for (Span s : enrollments) {
            if (s.start() == null || s.isCrossEntityCourse()) {
                continue;
            }
            current |= s.isCurrent(today);
            future |= s.isFuture(today);
            past |= s.isPast(today);
        }
        if (current) {
            return StudentStatus.ENROLLED;
        }
        if (future) {
            // a past enrollment keeps a student ENROLLED over the summer break
            return past ? StudentStatus.ENROLLED : StudentStatus.PRE_ENROLLED;
        }
        return mostRecentPast(enrollments, today)
                .filter(s -> s.withdrawalCode() != null && GRADUATED_CODE.equals(s.withdrawalCode().trim()))
                .map(s -> StudentStatus.GRADUATED).orElse(StudentStatus.INACTIVE);
    }

    /** The past enrollment that ended last (on a tie, the one that started last); CECS ones excluded. */
    static Optional<Span> mostRecentPast(Collection<Span> enrollments, LocalDate today) {
        return enrollments.stream().filter(s -> s.start() != null && !s.isCrossEntityCourse() && s.isPast(today))
                .max(Comparator.comparing(Span::end).thenComparing(Span::start));
    }
}
