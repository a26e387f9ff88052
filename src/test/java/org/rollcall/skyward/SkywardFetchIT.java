package org.rollcall.skyward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rollcall.edfi.DescriptorCrosswalk;
import org.rollcall.edfi.Ds5Mapper;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.edfi.MappingContext;
import org.rollcall.edfi.UnmappedValues;
import org.rollcall.model.StudentSnapshot;
import org.rollcall.report.ProblemCollector;
import org.rollcall.skyward.simulator.QmlativSimulator;
import org.rollcall.skyward.simulator.SimulatedDistrict.Kind;
import org.rollcall.skyward.simulator.SimulatorOptions;

/** A pull against the simulator: the window, entity scoping, the complete flag, and the mapping's fallbacks. */
class SkywardFetchIT {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    @TempDir
    Path dir;

    private QmlativSimulator sim;

    @AfterEach
    void stop() {
        sim.close();
    }

    private SkywardSnapshot fetch(List<Long> entities) throws Exception {
        SkywardOptions base = QmlativClientIT.options(sim.baseUrl(), "rollcall-key", "rollcall-secret", 45);
        SkywardOptions o = new SkywardOptions(base.baseUrl(), base.clientKey(), base.clientSecret(), entities,
                base.pageSize(), base.schedule(), base.timeZone(), base.studentIdField(), base.crosswalk(), base.retries(),
                base.backoff(), base.timeout());
        return new SkywardFetch(new QmlativClient(o, Clock.systemUTC()), o).fetch(TODAY, dir.resolve("spool/names.jsonl"));
    }

    @Test
    void aCompletePullHoldsTheStudentsOfTheWindowAndSaysItIsComplete() throws Exception {
        sim = QmlativSimulator.start(SimulatorOptions.district(200, TODAY));
        SkywardSnapshot s = fetch(List.of(1L));
        assertThat(s.complete()).isTrue();
        assertThat(s.failure()).isNull();
        assertThat(s.studentsByNameId()).hasSize((int) sim.district().importedStudents());
        assertThat(s.studentsByNameId().values()).noneMatch(r -> sim.district().kindOf(r.studentNumber()) == Kind.OUT_OF_WINDOW);
        assertThat(s.currentOrUpcomingYears()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(Files.readAllLines(s.names())).hasSizeGreaterThan(s.studentsByNameId().size());
        assertThat(sim.counts()).containsKeys("POST Enrollment/EntryWithdrawal 200", "POST Demographics/NameRelationship 200");
    }

    @Test
    void entityIdsScopeTheEnrollmentsRead() throws Exception {
        sim = QmlativSimulator.start(SimulatorOptions.district(200, TODAY));
        SkywardSnapshot s = fetch(List.of(2L));
        assertThat(s.complete()).isTrue();
        assertThat(s.enrollments().values()).isNotEmpty()
                .allSatisfy(list -> assertThat(list).allMatch(e -> e.schoolId() == 1));
    }

    @Test
    void anEntityThatDoesNotExistMakesThePullIncomplete() throws Exception {
        sim = QmlativSimulator.start(SimulatorOptions.district(50, TODAY));
        SkywardSnapshot s = fetch(List.of(1L, 99L));
        assertThat(s.complete()).isFalse();
        assertThat(s.failure()).contains("no entity 99");
        assertThatThrownBy(() -> new SkywardMapping(s, null, new Ds5Mapper(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a snapshot");
    }

    @Test
    void aDataStandard4TargetGetsNoContactsAndTheReportSaysWhy() throws Exception {
        sim = QmlativSimulator.start(SimulatorOptions.district(40, TODAY));
        SkywardSnapshot s = fetch(List.of(1L));
        ProblemCollector problems = new ProblemCollector();
        MappingContext ctx = new MappingContext("uri://ed-fi.org",
                DescriptorCrosswalk.load(Path.of("config/descriptors/skyward.csv"), "uri://ed-fi.org"), 867530, problems,
                new UnmappedValues());
        List<EdFiRecord> records = new ArrayList<>();
        new SkywardMapping(s, QmlativClientIT.options(sim.baseUrl(), "k", "s", 45), new org.rollcall.edfi.Ds4Mapper(), ctx)
                .run(records::add, x -> { });
        assertThat(records).extracting(EdFiRecord::resource).contains(EdFiResource.STUDENTS)
                .doesNotContain(EdFiResource.CONTACTS, EdFiResource.STUDENT_CONTACT_ASSOCIATIONS);
        assertThat(problems.groups()).anySatisfy(g -> assertThat(g.message()).contains("Data Standard 4"));
    }

    @Test
    void anExitCodeWithNoDescriptorTakesTheCrosswalksDefaultAndIsCountedAsAGap() throws Exception {
        sim = QmlativSimulator.start(SimulatorOptions.district(40, TODAY));
        SkywardSnapshot s = fetch(List.of(1L));
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("config/descriptors/skyward.csv")));
        lines.removeIf(l -> l.startsWith("exitWithdrawType,82,"));
        Path crosswalk = dir.resolve("skyward.csv");
        Files.write(crosswalk, lines);
        UnmappedValues unmapped = new UnmappedValues();
        MappingContext ctx = new MappingContext("uri://ed-fi.org", DescriptorCrosswalk.load(crosswalk, "uri://ed-fi.org"),
                867530, new ProblemCollector(), unmapped);
        List<EdFiRecord> records = new ArrayList<>();
        List<StudentSnapshot> students = new ArrayList<>();
        SkywardMapping m = new SkywardMapping(s, QmlativClientIT.options(sim.baseUrl(), "k", "s", 45), new Ds5Mapper(), ctx);
        m.run(records::add, students::add);
        assertThat(unmapped.gaps()).anySatisfy(g -> {
            assertThat(g.field()).isEqualTo("exitWithdrawType");
            assertThat(g.value()).isEqualTo("82");
        });
        assertThat(records).filteredOn(r -> r.resource() == EdFiResource.STUDENT_SCHOOL_ASSOCIATIONS)
                .filteredOn(r -> r.payload().has("exitWithdrawDate"))
                .allMatch(r -> r.payload().has("exitWithdrawTypeDescriptor"))
                .anyMatch(r -> r.payload().get("exitWithdrawTypeDescriptor").asText().endsWith("#Other"));
        assertThat(students).allMatch(st -> st.asOf().equals(TODAY));
        assertThat(m.statuses().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(students.size());
        assertThat(Map.copyOf(m.statuses())).isEqualTo(sim.district().expectedStatusCounts());
    }
}
