package org.rollcall.skyward;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.rollcall.model.StudentStatus;
import org.rollcall.skyward.simulator.SimulatedDistrict;

/** The simulator's district is generated deterministically from its seed and covers every status case. */
class SimulatedDistrictTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @Test
    void theSameSeedGivesTheSameDistrictAndAnotherSeedAnotherOne() {
        SimulatedDistrict a = SimulatedDistrict.generate(300, 7, TODAY);
        SimulatedDistrict b = SimulatedDistrict.generate(300, 7, TODAY);
        SimulatedDistrict c = SimulatedDistrict.generate(300, 8, TODAY);
        assertThat(a.rows("Demographics/Name")).isEqualTo(b.rows("Demographics/Name"));
        assertThat(a.rows("Enrollment/EntryWithdrawal")).isEqualTo(b.rows("Enrollment/EntryWithdrawal"));
        assertThat(a.rows("Demographics/Name")).isNotEqualTo(c.rows("Demographics/Name"));
    }

    @Test
    void everyStatusAndTheOutOfWindowCaseAppearAndTheSizeIsAsAsked() {
        SimulatedDistrict d = SimulatedDistrict.generate(10_000, 1, TODAY);
        assertThat(d.rows("Student/Student")).hasSize(10_000);
        assertThat(d.expectedStatusCounts()).containsOnlyKeys(StudentStatus.values());
        assertThat(d.importedStudents()).isEqualTo(9_500);
        assertThat(d.schoolCount()).isEqualTo(20);
    }
}
