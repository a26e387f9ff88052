package org.rollcall.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rollcall.edfi.DescriptorCrosswalk;
import org.rollcall.edfi.Ds5Mapper;
import org.rollcall.edfi.EdFiRecord;
import org.rollcall.edfi.ForwardingMapper;
import org.rollcall.edfi.EdFiResource;
import org.rollcall.edfi.MappingContext;
import org.rollcall.edfi.UnmappedValues;
import org.rollcall.model.Address;
import org.rollcall.model.Enrollment;
import org.rollcall.model.Lineage;
import org.rollcall.model.PersonName;
import org.rollcall.model.Program;
import org.rollcall.model.Student;
import org.rollcall.report.ProblemSink;
import org.rollcall.sync.StateStore;

/**
 * What the student registry must do on any database: H2 ({@link StudentRegistryTest}) and a real
 * PostgreSQL ({@link StudentRegistryPostgresIT}).
 */
abstract class StudentRegistryContract {

    static final String D = "demo";
    /** Where a run's intake maps the numbers it has seen (its files leave the folder as they are made). */
    static final java.nio.file.Path WORK = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));

    private StateStore store;

    /** A fresh, migrated store for each test. */
    abstract StateStore openStore();

    @org.junit.jupiter.api.BeforeEach
    void open() {
        store = openStore();
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        store.close();
    }

    StateStore store() {
        return store;
    }

    StudentRegistry registry() {
        return new StudentRegistry(store());
    }

    static MappingContext context() {
        return new MappingContext("uri://ed-fi.org",
                DescriptorCrosswalk.load(java.nio.file.Path.of("config/descriptors/clever.csv"), "uri://ed-fi.org"),
                867530, ProblemSink.IGNORE, new UnmappedValues());
    }

    static Student student(String local, String sourceId, String last, String stateId, long line) {
        return new Student("clever", "u" + sourceId, sourceId, local, stateId, PersonName.of("Ana", "Q", last), null,
                LocalDate.of(2012, 5, 1), "F", null, List.of("W"), true, "Spanish", List.of(),
                Map.of(Program.ENGLISH_LEARNER, "Y"), "a@example.org", new Address("1 Main", "Town", "CA", "90001"), "3",
                "2031", List.of(new Enrollment("s1", 101L, LocalDate.of(2026, 8, 17), null, "3", null, null,
                Lineage.of("students.csv", line))), Lineage.of("students.csv", line));
    }

    /** Runs students through a SIS run's intake; returns what the mapper was given. */
    List<Student> run(String runId, boolean planOnly, Student... students) {
        List<Student> mapped = new ArrayList<>();
        Ds5Mapper ds5 = new Ds5Mapper();
        RegistryIntake intake = new RegistryIntake(registry(), D, runId, planOnly, new ForwardingMapper() {
            @Override
            protected org.rollcall.edfi.EdFiMapper delegate() {
                return ds5;
            }

            @Override
            public List<EdFiRecord> student(Student s, MappingContext ctx) {
                mapped.add(s);
                return ds5.student(s, ctx);
            }
        }, WORK);
        for (Student s : students) {
            intake.student(s, context());
        }
        intake.finish();
        return mapped;
    }

    long updatedRows(String runId) {
        return store().query("select count(*) from student_registry where last_seen_run = ?", rs -> rs.getLong(1), runId)
                .get(0);
    }

    @Test
    void aSisRunBringsStudentsInByLocalNumberWithTheirSisValues() {
        run("r1", false, student("24000001", "100001", "Rinaldi", null, 2), student("24000002", "100002", "Lee", "9900000002", 3));
        RegistryEntry e = registry().find(D, "24000001").orElseThrow();
        assertThat(e.source()).isEqualTo("clever");
        assertThat(e.sourceId()).isEqualTo("100001");
        assertThat(e.legalName()).isEqualTo(PersonName.of("Ana", "Q", "Rinaldi"));
        assertThat(e.birthDate()).isEqualTo(LocalDate.of(2012, 5, 1));
        assertThat(e.homeLanguageUri()).isEqualTo("uri://ed-fi.org/LanguageDescriptor#spa");
        assertThat(e.currentStateId()).isNull();
        assertThat(registry().find(D, "24000002").orElseThrow().currentStateId()).isEqualTo("9900000002");
        assertThat(registry().count(D)).isEqualTo(2);
    }

    @Test
    void anUnchangedStudentIsNotRewrittenAndAChangedOneIs() {
        run("r1", false, student("1", "c1", "A", null, 2), student("2", "c2", "B", null, 3));
        java.sql.Timestamp first = updatedAt("1");
        java.sql.Timestamp second = updatedAt("2");
        sleep();
        // the same students on other lines (lineage and enrollments are not part of the registry row)
        run("r2", false, student("1", "c1", "A", null, 7), student("2", "c2", "Bee", null, 8));
        assertThat(updatedAt("1")).as("not rewritten").isEqualTo(first);
        assertThat(updatedAt("2")).isAfter(second);
        assertThat(registry().find(D, "2").orElseThrow().legalName().last()).isEqualTo("Bee");
        assertThat(updatedRows("r2")).as("only the changed student is written by r2").isEqualTo(1);
    }

    @Test
    void twoStudentsOfOneRunWithTheSameLocalNumberMakeItAmbiguousUntilARunHasOne() {
        run("r1", false, student("1", "c1", "A", null, 2), student("1", "c1", "A", null, 3), student("1", "c9", "Z", null, 4));
        RegistryEntry e = registry().find(D, "1").orElseThrow();
        assertThat(e.ambiguous()).isTrue();
        assertThat(e.sourceId()).as("the first stays").isEqualTo("c1");
        run("r2", false, student("1", "c1", "A", null, 2));
        assertThat(registry().find(D, "1").orElseThrow().ambiguous()).isFalse();
    }

    @Test
    void overlaysSurviveSisRunsAndAreAppliedWhenTheStudentIsMapped() {
        run("r1", false, student("1", "c1", "A", null, 2), student("2", "c2", "B", "9900000002", 3));
        Overlay o = Overlay.NONE.withSsid("1234567890", "i1")
                .withLep("EL", "LEP", LocalDate.of(2020, 9, 1), null,
                        "uri://ed-fi.org/LimitedEnglishProficiencyDescriptor#Limited", "i1")
                .withPrimaryLanguage("02", "uri://ed-fi.org/LanguageDescriptor#vie", "i1");
        registry().writeOverlays(D, Map.of("1", o, "2", Overlay.NONE.withSsid("1111111111", "i1")));

        List<Student> mapped = run("r2", false, student("1", "c1", "A", null, 2), student("2", "c2", "B", "9900000002", 3));
        assertThat(registry().find(D, "1").orElseThrow().overlay()).isEqualTo(o);
        assertThat(mapped.get(0).stateId()).isEqualTo("1234567890");
        assertThat(mapped.get(0).homeLanguage()).isEqualTo("uri://ed-fi.org/LanguageDescriptor#vie");
        assertThat(mapped.get(0).program(Program.ENGLISH_LEARNER)).endsWith("#Limited");
        assertThat(mapped.get(0).program(Program.ENGLISH_LEARNER_SINCE)).as("in the program from the Identified Date")
                .isEqualTo("2020-09-01");
        assertThat(mapped.get(1).program(Program.ENGLISH_LEARNER_SINCE)).isNull();
        assertThat(registry().hasEnglishLearners(D)).isTrue();
        assertThat(mapped.get(0).enrollments()).as("the run's own enrollments").hasSize(1);
        // seed 003: the SIS's State_id is the current stateID; an imported SSID does not replace it
        assertThat(mapped.get(1).stateId()).isEqualTo("9900000002");
    }

    @Test
    @DisplayName("seed 003: IFEP -> Not LEP, RFEP -> Exited LEP, EO, TBD -> Pending: none of them is in the English "
            + "learner program; EL -> LEP without an Identified Date is not either")
    void onlyAnLepRecordWithADatePutsAStudentInTheEnglishLearnerProgram() {
        run("r1", false, student("1", "c1", "A", null, 2), student("2", "c2", "B", null, 3),
                student("3", "c3", "C", null, 4), student("4", "c4", "D", null, 5), student("5", "c5", "E", null, 6));
        LocalDate date = LocalDate.of(2020, 9, 1);
        registry().writeOverlays(D, Map.of(
                "1", Overlay.NONE.withLep("IFEP", "Not LEP", date, null, null, "i1"),
                "2", Overlay.NONE.withLep("RFEP", "Exited LEP", date, null, null, "i1"),
                "3", Overlay.NONE.withLep("EO", "EO", date, null, null, "i1"),
                "4", Overlay.NONE.withLep("TBD", "Pending", null, date, null, "i1"),
                "5", Overlay.NONE.withLep("EL", "LEP", null, null, null, "i1")));
        List<Student> mapped = run("r2", false, student("1", "c1", "A", null, 2), student("2", "c2", "B", null, 3),
                student("3", "c3", "C", null, 4), student("4", "c4", "D", null, 5), student("5", "c5", "E", null, 6));
        assertThat(mapped).extracting(s -> s.program(Program.ENGLISH_LEARNER_SINCE)).containsOnlyNulls();
        assertThat(registry().hasEnglishLearners(D)).isFalse();
    }

    @Test
    void moreStudentsThanABatchRepeatsAndAHeldNumberAcrossFlushes() {
        run("r1", false, student("1", "c1", "A", null, 2));
        registry().writeOverlays(D, Map.of("1", Overlay.NONE.withSsid("1234567890", "i1")));
        List<EdFiRecord> records = new ArrayList<>();
        RegistryIntake intake = new RegistryIntake(registry(), D, "r2", false, new Ds5Mapper(), WORK);
        List<Student> students = new ArrayList<>();
        for (int i = 0; i < 1100; i++) {
            students.add(student(i == 0 ? "1" : "b" + i, i == 0 ? "c1" : "cb" + i, "B", null, i + 2));
        }
        // the same student twice (two schools) and, in the same run, another with its number
        students.add(student("b5", "cb5", "B", null, 2000));
        students.add(student("b7", "other", "Z", null, 2001));
        students.forEach(s -> records.addAll(intake.student(s, context())));
        intake.finish();
        assertThat(registry().count(D)).isEqualTo(1100);
        assertThat(registry().find(D, "b7").orElseThrow().ambiguous()).isTrue();
        assertThat(registry().find(D, "b5").orElseThrow().ambiguous()).isFalse();
        assertThat(records.stream().filter(r -> r.resource() == EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS)
                .filter(r -> r.naturalKey().endsWith("=uc1")).map(r -> org.rollcall.edfi.EdFiJson.write(r.payload()))
                .findFirst().orElseThrow()).as("the overlay is applied").contains("1234567890");
        assertThat(records.stream().filter(r -> r.resource() == EdFiResource.STUDENTS)).hasSize(1102);
    }

    @Test
    void aRunOfADistrictWithMoreStudentsThanAPageWritesOnlyTheChangedAndTheNewlyAmbiguous() {
        int n = 10_050; // the district's students are read a page (10,000) at a time as the run begins
        Student[] students = new Student[n];
        for (int i = 0; i < n; i++) {
            students[i] = student("k" + i, "ck" + i, "K", null, i + 2);
        }
        run("r1", false, students);
        sleep();
        List<Student> again = new ArrayList<>(List.of(students));
        again.set(n - 1, student("k" + (n - 1), "ck" + (n - 1), "Changed", null, n + 1));
        again.add(student("k7", "ck7", "K", null, n + 2)); // the same student in a second school
        again.add(student("k9", "someone-else", "Z", null, n + 3)); // another student with a known number
        run("r2", false, again.toArray(Student[]::new));
        assertThat(updatedRows("r2")).as("only the changed student is rewritten as r2's (marking k9 keeps its row's run)").isEqualTo(1);
        assertThat(registry().find(D, "k" + (n - 1)).orElseThrow().legalName().last()).isEqualTo("Changed");
        assertThat(registry().find(D, "k9").orElseThrow().ambiguous()).isTrue();
        assertThat(registry().find(D, "k7").orElseThrow().ambiguous()).isFalse();
        assertThat(registry().count(D)).isEqualTo(n);
    }

    @Test
    void aPlanOnlyRunReadsOverlaysAndWritesNothing() {
        run("r1", false, student("1", "c1", "A", null, 2));
        registry().writeOverlays(D, Map.of("1", Overlay.NONE.withSsid("1234567890", "i1")));
        List<Student> mapped = run("plan", true, student("1", "c1", "Changed", null, 2), student("3", "c3", "C", null, 3));
        assertThat(mapped.get(0).stateId()).isEqualTo("1234567890");
        assertThat(registry().find(D, "1").orElseThrow().legalName().last()).isEqualTo("A");
        assertThat(registry().find(D, "3")).isEmpty();
    }

    @Test
    void aStudentWithoutALocalNumberIsMappedButNotRegistered() {
        List<Student> mapped = run("r1", false, student(null, "c1", "A", null, 2));
        assertThat(mapped).hasSize(1);
        assertThat(registry().count(D)).isZero();
    }

    @Test
    void theUpdatedStudentIsTheSisStudentWithOverlaysAndMapsToTheSameBodyAsTheNextSisRun() {
        Student sis = student("1", "c1", "A", null, 2);
        run("r1", false, sis);
        registry().writeOverlays(D, Map.of("1", Overlay.NONE.withSsid("1234567890", "i1")));
        RegistryEntry e = registry().find(D, "1").orElseThrow();
        Student rebuilt = Overlays.student(e, Lineage.of("SSID.txt", 4));
        assertThat(rebuilt.lineage()).isEqualTo(Lineage.of("SSID.txt", 4));
        assertThat(rebuilt.enrollments()).isEmpty();
        List<EdFiRecord> fromUpdate = new Ds5Mapper().student(rebuilt, context());
        List<EdFiRecord> fromSis = new Ds5Mapper().student(run("r2", false, sis).get(0), context());
        for (EdFiResource r : List.of(EdFiResource.STUDENTS, EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS)) {
            assertThat(body(fromUpdate, r)).as(r.collection()).isEqualTo(body(fromSis, r));
        }
        assertThat(body(fromUpdate, EdFiResource.STUDENT_EDUCATION_ORGANIZATION_ASSOCIATIONS))
                .contains("\"identificationCode\":\"1234567890\"").contains("StudentIdentificationSystemDescriptor#State");
    }

    @Test
    void lookupsByLocalNumbersStateIdsBlocksAndLepRecordsWorkInBatches() {
        Student[] many = IntStream.range(0, 1200).mapToObj(i -> student(String.format("%05d", i), "c" + i,
                i % 2 == 0 ? "Robert" : "Rupert", i < 600 ? "S" + i : null, i + 2)).toArray(Student[]::new);
        run("r1", false, many);
        registry().writeOverlays(D, Map.of("00700", Overlay.NONE.withSsid("X700", "i1"),
                "00701", Overlay.NONE.withLep("EL", "LEP", null, null, null, "i1")));
        List<String> locals = IntStream.range(0, 1200).mapToObj(i -> String.format("%05d", i)).toList();
        assertThat(registry().byLocalNumbers(D, locals)).hasSize(1200);
        Map<String, List<RegistryEntry>> holders = registry().byStateIds(D, List.of("S5", "X700", "S599", "nope"));
        assertThat(holders.keySet()).containsExactlyInAnyOrder("S5", "X700", "S599");
        assertThat(holders.get("X700")).extracting(RegistryEntry::localNumber).containsExactly("00700");
        // Robert and Rupert sound alike (R163): one block
        assertThat(Names.soundex("Robert")).isEqualTo(Names.soundex("Rupert")).isEqualTo("R163");
        assertThat(registry().inBlocks(D, List.of(StudentRegistry.Block.of(LocalDate.of(2012, 5, 1), "Rupert"))))
                .hasSize(1200);
        assertThat(registry().inBlocks(D, List.of(StudentRegistry.Block.of(LocalDate.of(2012, 5, 2), "Robert")))).isEmpty();
        assertThat(registry().withLepRecord(D, "", 10)).extracting(StudentRegistry.LepRecord::localNumber).containsExactly("00701");
    }

    private java.sql.Timestamp updatedAt(String local) {
        return store().query("select updated_at from student_registry where district = ? and local_number = ?",
                rs -> rs.getTimestamp(1), D, local).get(0);
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String body(List<EdFiRecord> records, EdFiResource r) {
        return records.stream().filter(x -> x.resource() == r).map(x -> org.rollcall.edfi.EdFiJson.write(x.payload()))
                .findFirst().orElseThrow();
    }
}
